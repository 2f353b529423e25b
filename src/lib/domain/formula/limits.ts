/** Hard limits on one expression (DESIGN §4): they bound parse time and stack use for hostile input. */
export const MAX_EXPRESSION_LENGTH = 2000;
export const MAX_EXPRESSION_DEPTH = 64;

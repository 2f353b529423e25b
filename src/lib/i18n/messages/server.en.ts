/** English messages of the server feature; keys are prefixed 'server.'. */
export const serverEn = {} satisfies Record<string, string>;

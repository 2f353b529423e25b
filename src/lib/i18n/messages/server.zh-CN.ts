import type { serverEn } from './server.en';

/** Simplified Chinese messages of the server feature: exactly the keys of the English ones. */
export const serverZhCN: Record<keyof typeof serverEn, string> = {};

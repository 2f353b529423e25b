/**
 * planbook's production server (server/main.ts: the SvelteKit build, WebSocket, REST) as a child of
 * the load suite. main.ts takes its settings from the environment and stops on SIGTERM; this entry
 * adds only that it stops when the benchmark goes away, so a killed run leaves no server behind.
 */
export {};

process.on('disconnect', () => process.kill(process.pid, 'SIGTERM'));
await import('../server/main');

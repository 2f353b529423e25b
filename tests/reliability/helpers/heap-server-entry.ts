/**
 * A planbook server in a child process whose heap a test can measure: started by the test with
 * `node --expose-gc`, it answers the IPC message "heap" by collecting garbage and sending its
 * heapUsed. Only this test entry sees `gc` — production (server/main.ts) never runs with
 * --expose-gc, and nothing here is reachable over HTTP. Limits come from the environment as
 * main.ts reads them. Prints one JSON line `{"url": …}` once it listens.
 */
import { limitsFromEnv } from '../../../server/config';
import { silentLogger } from '../../../server/log';
import { startServer } from '../../../server/start-server';

export interface HeapReport {
	heapUsed: number;
	rss: number;
}

const dataDir = process.env.PLANBOOK_DATA_DIR;
if (!dataDir) throw new Error('PLANBOOK_DATA_DIR is required');
const collect = (globalThis as { gc?: () => void }).gc;
if (!collect || !process.send) throw new Error('run with --expose-gc and an IPC channel');

const server = await startServer({ port: 0, dataDir, logger: silentLogger(), limits: limitsFromEnv(process.env) });

process.on('message', (message) => {
	if (message !== 'heap') return;
	// Several passes, with turns of the event loop between, so finalizers and weak refs settle.
	let passes = 0;
	const pass = (): void => {
		collect();
		if (++passes < 4) {
			setImmediate(pass);
			return;
		}
		const { heapUsed, rss } = process.memoryUsage();
		process.send?.({ heapUsed, rss } satisfies HeapReport);
	};
	pass();
});
process.on('disconnect', () => void server.close().then(() => process.exit(0)));
process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);

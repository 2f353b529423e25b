/**
 * A sync server in its own process for the sync benchmark, so that it has an event loop (and a
 * core) of its own instead of sharing one with fifty benchmark clients. `argv[2]` picks it:
 *
 * - `planbook`: planbook's server as `npm start` runs it (durable SQLite writes in
 *   PLANBOOK_DATA_DIR, default `synchronous`), with the per-socket message rate limit off: fifty
 *   writers typing are within it, but a benchmark must never measure a refusal.
 * - `bare`: the baseline, @y/websocket-server 0.1.1's `setupWSConnection` on a plain HTTP server
 *   with `ws` — its own `server.js` minus the env-driven options, no persistence, no auth. It uses
 *   the same `ws` 8 as planbook (its bundled server.js would pick ws 6), with per-message deflate
 *   off in both, so the comparison is of the two servers' own work only.
 * - `scale` (the scale suite): planbook on PostgreSQL and Redis, one of several processes sharing
 *   plans. PLANBOOK_DATABASE_URL and PLANBOOK_REDIS_URL as main.ts reads them; the schema and the
 *   channel prefix of the run in PLANBOOK_BENCH_DB_SCHEMA and PLANBOOK_BENCH_BUS_PREFIX. Same
 *   limits as `planbook`.
 *
 * Tells the parent `{type: 'listening', url}`, answers `stats` with the CPU time it has used and
 * its event-loop delay since the previous `stats` (what the server's own work cost, and how long
 * a message could wait for the loop), and stops on SIGTERM or when the parent goes away.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setupWSConnection } from '@y/websocket-server/utils';
import { WebSocketServer } from 'ws';
import { silentLogger } from '../server/log';
import { scaleOutFromEnv } from '../server/scale/scale-config';
import { startServer } from '../server/start-server';
import { exitWithParent, tellParent } from './sync-processes';

type Stop = () => Promise<void>;

async function startPlanbook(): Promise<{ url: string; stop: Stop }> {
	const dataDir = process.env.PLANBOOK_DATA_DIR;
	if (!dataDir) throw new Error('PLANBOOK_DATA_DIR is required for the planbook server');
	const server = await startServer({ port: 0, host: '127.0.0.1', dataDir, logger: silentLogger(), limits: { messagesPerSecond: 0 } });
	return { url: server.url, stop: () => server.close() };
}

async function startScale(): Promise<{ url: string; stop: Stop }> {
	const { databaseUrl, redisUrl } = scaleOutFromEnv(process.env);
	if (!databaseUrl || !redisUrl) throw new Error('PLANBOOK_DATABASE_URL and PLANBOOK_REDIS_URL are required for the scale server');
	const server = await startServer({
		port: 0,
		host: '127.0.0.1',
		// Unused: plans live in PostgreSQL.
		dataDir: tmpdir(),
		logger: silentLogger(),
		limits: { messagesPerSecond: 0 },
		databaseUrl,
		redisUrl,
		databaseSchema: process.env.PLANBOOK_BENCH_DB_SCHEMA,
		busPrefix: process.env.PLANBOOK_BENCH_BUS_PREFIX
	});
	return { url: server.url, stop: () => server.close() };
}

async function startBare(): Promise<{ url: string; stop: Stop }> {
	const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
	const server = createServer((_req, res) => {
		res.writeHead(404).end();
	});
	server.on('upgrade', (req, socket, head: Buffer) => {
		wss.handleUpgrade(req, socket, head, (ws) => setupWSConnection(ws, req));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	const stop: Stop = async () => {
		for (const client of wss.clients) client.terminate();
		server.closeAllConnections();
		await new Promise<void>((resolve) => server.close(() => resolve()));
	};
	return { url: `http://127.0.0.1:${port}`, stop };
}

const STARTERS: Readonly<Record<string, () => Promise<{ url: string; stop: Stop }>>> = {
	planbook: startPlanbook,
	bare: startBare,
	scale: startScale
};
const start = STARTERS[process.argv[2] ?? ''];
if (!start) throw new Error(`usage: sync-server-entry.ts planbook|bare|scale (got ${String(process.argv[2])})`);
const running = await start();
exitWithParent(running.stop);
// 1 ms is the finest resolution the histogram's timer offers.
const loopDelay = monitorEventLoopDelay({ resolution: 1 });
loopDelay.enable();
process.on('message', (message: { type: string }) => {
	if (message.type !== 'stats') return;
	const cpu = process.cpuUsage();
	tellParent({
		type: 'stats',
		cpuMs: (cpu.user + cpu.system) / 1000,
		loopDelayMs: { p99: loopDelay.percentile(99) / 1e6, max: loopDelay.max / 1e6 }
	});
	loopDelay.reset();
});
tellParent({ type: 'listening', url: running.url });

/**
 * Assembles and starts planbook's one process: the store, the loaded-plan registry, the WebSocket
 * endpoint, the REST API, /healthz, /metrics and (optionally) the SvelteKit app handler, on one
 * port. main.ts calls it with the environment's settings; tests call it on port 0 without a build.
 */
import type { ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DocRegistry } from './collab/doc-registry';
import { WsEndpoint } from './collab/ws-endpoint';
import { plansApiRoute } from './api/plans-api';
import { DEFAULT_LIMITS, type ServerLimits } from './config';
import { createHttpServer, sendJson, type HttpRoute, type NodeHandler } from './http-app';
import { consoleLogger, type Logger } from './log';
import { ServerMetrics } from './metrics';
import { openSqliteStore, type SqliteSynchronous } from './persistence/sqlite-store';

/** Standard close code "going away": y-websocket reconnects, to this process's successor. */
const CLOSE_GOING_AWAY = 1001;
/**
 * How often the WAL is checkpointed off the event loop (sqlite-store.ts). A hundred updates a
 * second write some 400 WAL pages a second, below SQLite's own 1,000-page threshold; passes more
 * often than this measured worse, as their fsyncs then compete with the appends for the disk.
 */
const WAL_CHECKPOINT_INTERVAL_MS = 1_000;

export interface StartServerOptions {
	/** 0 picks a free port (tests). */
	port: number;
	/** Interface to listen on; default 127.0.0.1 (main.ts passes 0.0.0.0). */
	host?: string;
	/** Where planbook.sqlite lives; created when missing. */
	dataDir: string;
	/** The SvelteKit app; without it, paths outside /api, /ws, /healthz and /metrics get 404. */
	handler?: NodeHandler;
	limits?: Partial<ServerLimits>;
	synchronous?: SqliteSynchronous;
	logger?: Logger;
}

export interface RunningServer {
	/** `http://host:port`, with 127.0.0.1 for a wildcard host. */
	url: string;
	port: number;
	metrics: ServerMetrics;
	/** Closes sockets (1001, clients reconnect), stores and unloads every plan, closes the store. */
	close(): Promise<void>;
}

export async function startServer(options: StartServerOptions): Promise<RunningServer> {
	const limits: ServerLimits = { ...DEFAULT_LIMITS, ...options.limits };
	const log = options.logger ?? consoleLogger();
	const metrics = new ServerMetrics();
	const store = openSqliteStore({
		dataDir: options.dataDir,
		synchronous: options.synchronous,
		backgroundCheckpoint: {
			intervalMs: WAL_CHECKPOINT_INTERVAL_MS,
			onError: (error) => log.error('the WAL checkpoint worker failed; SQLite checkpoints by itself now', {}, error)
		}
	});
	const registry = new DocRegistry({ store, metrics, log, idleUnloadMs: limits.idleUnloadMs, compactEvery: limits.compactEvery });
	const endpoint = new WsEndpoint({ store, registry, limits, metrics, log });

	const routes: HttpRoute[] = [
		plansApiRoute({ store, registry, maxBodyBytes: limits.maxBodyBytes, log, onTokenRevoked: (token) => endpoint.closeToken(token, 'this share link was revoked'), onRolesChanged: (planIds) => endpoint.reconnectPlans(planIds, 'the access to this plan changed') }),
		{ prefix: '/metrics', handle: (req, res) => sendMetrics(metrics, req.method, res) }
	];
	let ready = true;
	const server = createHttpServer({
		handler: options.handler ?? ((_req, res) => sendJson(res, 404, { error: 'not-found', message: 'no such page' })),
		routes,
		isReady: () => ready,
		onError: (error, req) => log.error('request failed', { method: req.method, path: req.url }, error)
	});
	server.on('upgrade', (req, socket, head: Buffer) => endpoint.handleUpgrade(req, socket, head));

	const host = options.host ?? '127.0.0.1';
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port, host, () => {
			server.off('error', reject);
			resolve();
		});
	}).catch(async (error: unknown) => {
		await store.close();
		throw error;
	});
	const { port } = server.address() as AddressInfo;
	const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;

	let closing: Promise<void> | undefined;
	const close = (): Promise<void> => {
		closing ??= (async () => {
			ready = false;
			const httpClosed = new Promise<void>((resolve) => server.close(() => resolve()));
			server.closeIdleConnections();
			await endpoint.closeAll(CLOSE_GOING_AWAY, 'server shutting down');
			await registry.close();
			await store.close();
			server.closeAllConnections();
			await httpClosed;
		})();
		return closing;
	};

	return { url: `http://${shownHost}:${port}`, port, metrics, close };
}

function sendMetrics(metrics: ServerMetrics, method: string | undefined, res: ServerResponse): void {
	if (method !== 'GET' && method !== 'HEAD') {
		res.setHeader('Allow', 'GET, HEAD');
		sendJson(res, 405, { error: 'method-not-allowed', message: 'use GET' });
		return;
	}
	const text = metrics.render();
	res.writeHead(200, {
		'Content-Type': 'text/plain; version=0.0.4; charset=utf-8',
		'Content-Length': Buffer.byteLength(text),
		'Cache-Control': 'no-store'
	});
	res.end(method === 'HEAD' ? undefined : text);
}

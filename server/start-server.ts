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
import { clientAddressOf } from './client-address';
import { DEFAULT_LIMITS, type ServerLimits } from './config';
import { createHttpServer, sendJson, type HttpRoute, type NodeHandler } from './http-app';
import { consoleLogger, type Logger } from './log';
import { ServerMetrics } from './metrics';
import { openSqliteStore, type SqliteSynchronous } from './persistence/sqlite-store';
import { openPostgresStore } from './persistence/postgres-store';
import { isSharedLogStore, type PlanStore } from './persistence/store';
import { CatchUpPoller } from './scale/catch-up-poller';
import type { ControlMessage } from './scale/bus-message';
import type { DocBus } from './scale/doc-bus';
import { openRedisBus } from './scale/redis-bus';

/** Standard close code "going away": y-websocket reconnects, to this process's successor. */
const CLOSE_GOING_AWAY = 1001;
/**
 * How often the WAL is checkpointed off the event loop (sqlite-store.ts). A hundred updates a
 * second write some 400 WAL pages a second, below SQLite's own 1,000-page threshold; passes more
 * often than this measured worse, as their fsyncs then compete with the appends for the disk.
 */
const WAL_CHECKPOINT_INTERVAL_MS = 1_000;
/**
 * Scale-out: how often loaded plans are compared with the database's last seqs. A plan that missed
 * a bus message catches up within two intervals (see catch-up-poller.ts).
 */
const CATCH_UP_INTERVAL_MS = 1_000;

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
	/** Scale-out: store plans in this PostgreSQL database instead of SQLite under `dataDir`. */
	databaseUrl?: string;
	/** PostgreSQL schema (default public; tests use one of their own). */
	databaseSchema?: string;
	/** Scale-out: share updates and presence with the other processes through this Redis. */
	redisUrl?: string;
	/** Redis channel prefix (default planbook; tests use one of their own). */
	busPrefix?: string;
	/** Header a trusted proxy writes the client's address into (client-address.ts). */
	clientAddressHeader?: string;
}

export interface RunningServer {
	/** `http://host:port`, with 127.0.0.1 for a wildcard host. */
	url: string;
	port: number;
	metrics: ServerMetrics;
	/** Scale-out: this process's id on the bus (its Redis connections are named after it). */
	busId?: string;
	/** Closes sockets (1001, clients reconnect), stores and unloads every plan, closes the store. */
	close(): Promise<void>;
}

export async function startServer(options: StartServerOptions): Promise<RunningServer> {
	const limits: ServerLimits = { ...DEFAULT_LIMITS, ...options.limits };
	const log = options.logger ?? consoleLogger();
	const metrics = new ServerMetrics();
	const store: PlanStore = options.databaseUrl
		? await openPostgresStore({ connectionString: options.databaseUrl, schema: options.databaseSchema, log })
		: openSqliteStore({
				dataDir: options.dataDir,
				synchronous: options.synchronous,
				backgroundCheckpoint: {
					intervalMs: WAL_CHECKPOINT_INTERVAL_MS,
					onError: (error) => log.error('the WAL checkpoint worker failed; SQLite checkpoints by itself now', {}, error)
				}
			});
	let bus: DocBus | undefined;
	if (options.redisUrl) {
		if (!isSharedLogStore(store)) {
			await store.close();
			throw new Error('a Redis bus needs a store shared by every process (PostgreSQL)');
		}
		bus = await openRedisBus({ url: options.redisUrl, log, metrics, prefix: options.busPrefix }).catch(async (error: unknown) => {
			await store.close();
			throw error;
		});
	}
	const registry = new DocRegistry({
		store,
		metrics,
		log,
		idleUnloadMs: limits.idleUnloadMs,
		compactEvery: limits.compactEvery,
		maxLoadedDocs: limits.maxLoadedDocs,
		maxDocBytes: limits.maxDocBytes,
		bus
	});
	const endpoint = new WsEndpoint({ store, registry, limits, metrics, log, clientAddress: clientAddressOf(options.clientAddressHeader) });
	let poller: CatchUpPoller | undefined;
	if (bus && isSharedLogStore(store)) {
		const catchUp = new CatchUpPoller({ store, loadedDocs: () => registry.loadedDocs(), intervalMs: CATCH_UP_INTERVAL_MS, log });
		catchUp.start();
		bus.onReconnect(() => void catchUp.catchUpAll());
		bus.onControl((control) => applyControl(control, endpoint, registry));
		poller = catchUp;
	}
	/** Acts here and tells the other processes, which act the same way (applyControl). */
	const broadcast = (control: ControlMessage): void => {
		applyControl(control, endpoint, registry);
		bus?.publishControl(control);
	};

	const routes: HttpRoute[] = [
		plansApiRoute({
			store,
			registry,
			maxBodyBytes: limits.maxBodyBytes,
			log,
			onTokenRevoked: (token) => broadcast({ action: 'close-token', token, reason: 'this share link was revoked' }),
			onRolesChanged: (planIds) => broadcast({ action: 'reconnect-plans', planIds: [...planIds], reason: 'the access to this plan changed' }),
			// This process discarded the plan already; the others must too.
			onPlanDeleted: (planId) => bus?.publishControl({ action: 'plan-deleted', planId })
		}),
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
		poller?.stop();
		await bus?.close();
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
			poller?.stop();
			await registry.close();
			await bus?.close();
			await store.close();
			server.closeAllConnections();
			await httpClosed;
		})();
		return closing;
	};

	return { url: `http://${shownHost}:${port}`, port, metrics, busId: bus?.processId, close };
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

function applyControl(control: ControlMessage, endpoint: WsEndpoint, registry: DocRegistry): void {
	switch (control.action) {
		case 'close-token':
			return endpoint.closeToken(control.token, control.reason);
		case 'reconnect-plans':
			return endpoint.reconnectPlans(control.planIds, control.reason);
		case 'plan-deleted':
			void registry.discard(control.planId);
			return;
	}
}

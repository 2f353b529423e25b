import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/**
 * A Node request handler in the connect/polka shape, as exported by adapter-node's
 * `build/handler.js`. It may return a promise; `next` is called when it does not answer.
 */
export type NodeHandler = (
	req: IncomingMessage,
	res: ServerResponse,
	next?: () => void
) => void | Promise<void>;

/** A handler for every request whose path is `prefix` or starts with `prefix/`. */
export interface HttpRoute {
	prefix: string;
	handle: NodeHandler;
}

export interface HttpAppOptions {
	/** Answers everything no route claims: the SvelteKit app in production. */
	handler: NodeHandler;
	/** Checked before the app handler, in order (later: `/api`, `/metrics`). */
	routes?: readonly HttpRoute[];
	/** `/healthz` answers 503 until this returns true (e.g. while storage opens). */
	isReady?: () => boolean;
	/** Where handler failures are reported; defaults to console.error. */
	onError?: (error: unknown, req: IncomingMessage) => void;
}

/**
 * The one HTTP server of planbook: `/healthz`, the given routes, then the app handler. WebSocket
 * upgrades (`/ws`) are attached by the caller through the server's `upgrade` event. Not listening
 * yet: call `listen` (port 0 in tests).
 */
export function createHttpServer({
	handler,
	routes = [],
	isReady = () => true,
	onError = (error) => console.error('planbook: request failed', error)
}: HttpAppOptions): Server {
	return createServer((req, res) => {
		const path = pathOf(req);
		const run = (handle: NodeHandler): void => {
			// Both a synchronous throw and a rejected promise become a 500, never a crashed process.
			Promise.resolve()
				.then(() => handle(req, res, () => sendJson(res, 404, { error: 'not found' })))
				.catch((error: unknown) => {
					onError(error, req);
					if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
					else res.destroy();
				});
		};

		if (path === '/healthz') {
			run((request, response) => answerHealth(request, response, isReady()));
			return;
		}
		const route = routes.find((r) => path === r.prefix || path.startsWith(`${r.prefix}/`));
		run(route ? route.handle : handler);
	});
}

function answerHealth(req: IncomingMessage, res: ServerResponse, ready: boolean): void {
	if (req.method !== 'GET' && req.method !== 'HEAD') {
		res.setHeader('Allow', 'GET, HEAD');
		sendJson(res, 405, { error: 'method not allowed' });
		return;
	}
	sendJson(res, ready ? 200 : 503, { status: ready ? 'ok' : 'starting' });
}

/** The request path without query string; `/` for anything unparsable. */
function pathOf(req: IncomingMessage): string {
	try {
		return new URL(req.url ?? '/', 'http://localhost').pathname;
	} catch {
		return '/';
	}
}

/** Writes a JSON response that no cache keeps (health and API answers describe the present). */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
	const text = JSON.stringify(body);
	res.writeHead(status, {
		'Content-Type': 'application/json; charset=utf-8',
		'Content-Length': Buffer.byteLength(text),
		'Cache-Control': 'no-store'
	});
	res.end(res.req.method === 'HEAD' ? undefined : text);
}

/**
 * The WebSocket endpoint `/ws/<planId>?token=<shareToken>` on the shared HTTP server (`ws` in
 * noServer mode). The token is checked and the plan loaded before the upgrade is answered, so no
 * frame can arrive before the doc is ready. A refused client still gets a WebSocket: it is accepted
 * and closed at once with 4401 / 4403 / 4404 and a readable reason, because browsers hide the
 * status of a failed HTTP upgrade and y-websocket stops reconnecting only on 44xx close codes.
 *
 * Two limits are enforced here, both with 1013 "try again later" (the client backs off and
 * retries): open sockets per remote address (counted from the upgrade request until the TCP
 * socket closes, and checked before the token, so a flood costs no store reads), and the
 * registry's plans loaded at once (TooManyDocsError). Behind a reverse proxy every client shares
 * the proxy's address unless `clientAddress` reads the proxy's header (client-address.ts).
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { CLOSE } from '../../src/lib/collab/protocol';
import { authorizePlan, type AccessDenied } from '../access';
import { clientAddressOf, type ClientAddressOf } from '../client-address';
import type { ServerLimits } from '../config';
import type { Logger } from '../log';
import type { ServerMetrics } from '../metrics';
import type { PlanStore } from '../persistence/store';
import { TooManyDocsError, type DocRegistry } from './doc-registry';
import { closeReason, PlanConnection } from './plan-connection';

const WS_PATH = /^\/ws\/([^/]+)$/;

const DENIED_CLOSE_CODES: Readonly<Record<AccessDenied['status'], number>> = {
	401: CLOSE.unauthorized,
	403: CLOSE.forbidden,
	404: CLOSE.unknownPlan
};

/** How long closing sockets get for the close handshake at shutdown before they are cut. */
const CLOSE_GRACE_MS = 1_000;

export interface WsEndpointOptions {
	store: PlanStore;
	registry: DocRegistry;
	limits: ServerLimits;
	metrics: ServerMetrics;
	log: Logger;
	/** Which address a socket counts against (default: its peer address). */
	clientAddress?: ClientAddressOf;
}

export class WsEndpoint {
	readonly #wss: WebSocketServer;
	readonly #connections = new Set<PlanConnection>();
	readonly #sockets = new Set<WebSocket>();
	/** Open (or opening) sockets by remote address. */
	readonly #perAddress = new Map<string, number>();
	readonly #options: WsEndpointOptions;
	#closing = false;

	constructor(options: WsEndpointOptions) {
		this.#options = options;
		this.#wss = new WebSocketServer({
			noServer: true,
			clientTracking: false,
			maxPayload: options.limits.maxFrameBytes,
			perMessageDeflate: false
		});
	}

	get connectionCount(): number {
		return this.#connections.size;
	}

	/** The server's `upgrade` listener: `/ws/<planId>` becomes a plan connection, anything else 404. */
	handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
		// Until ws owns the socket, a reset by the client must not become an uncaught 'error'.
		socket.on('error', () => socket.destroy());
		const url = new URL(req.url ?? '/', 'http://localhost');
		const match = WS_PATH.exec(url.pathname);
		if (!match?.[1]) return refuseHttp(socket, 404, 'Not Found');
		if (this.#closing) return refuseHttp(socket, 503, 'Service Unavailable');
		const planId = safeDecode(match[1]);
		if (!this.#countAddress(req, socket)) {
			this.#upgrade(req, socket, head, (ws) => ws.close(CLOSE.tryAgainLater, 'too many connections from your address; try again later'));
			return;
		}
		const token = url.searchParams.get('token');
		this.#accept(req, socket, head, planId, token).catch((error: unknown) => {
			this.#options.log.error('accepting a WebSocket failed', { plan: planId }, error);
			socket.destroy();
		});
	}

	/** Closes the sockets opened with a token that was just revoked (the client sees 4401). */
	closeToken(token: string, reason: string): void {
		for (const connection of this.#connections) if (connection.token === token) connection.close(CLOSE.unauthorized, reason);
	}

	/**
	 * Closes the sockets of these plans with 1012 ("service restart"): y-websocket reconnects at
	 * once, and the new connection gets the role its token has now (a locked workshop's teams read).
	 */
	reconnectPlans(planIds: readonly string[], reason: string): void {
		const plans = new Set(planIds);
		for (const connection of this.#connections) if (plans.has(connection.planId)) connection.close(1012, reason);
	}

	/** Closes every socket with `code` (clients reconnect after 1001) and waits briefly for them. */
	async closeAll(code: number, reason: string): Promise<void> {
		this.#closing = true;
		const closed = [...this.#sockets].map((socket) => new Promise<void>((resolve) => socket.once('close', () => resolve())));
		for (const connection of this.#connections) connection.close(code, reason);
		for (const socket of this.#sockets) if (socket.readyState === socket.OPEN) socket.close(code, closeReason(reason));
		const timer = new Promise<void>((resolve) => setTimeout(resolve, CLOSE_GRACE_MS).unref());
		await Promise.race([Promise.all(closed), timer]);
		for (const socket of this.#sockets) socket.terminate();
		this.#wss.close();
	}

	async #accept(req: IncomingMessage, socket: Duplex, head: Buffer, planId: string, token: string | null): Promise<void> {
		const { store, registry, log } = this.#options;
		const access = await authorizePlan(store, planId, token);
		if (!access.ok) {
			log.info('refused a WebSocket', { plan: planId, status: access.status, reason: access.message });
			this.#upgrade(req, socket, head, (ws) => ws.close(DENIED_CLOSE_CODES[access.status], closeReason(access.message)));
			return;
		}
		let shared;
		try {
			shared = await registry.acquire(planId);
		} catch (error) {
			if (error instanceof TooManyDocsError) {
				this.#options.metrics.limitBreached('loaded-docs');
				log.warn('refused a WebSocket', { plan: planId, code: CLOSE.tryAgainLater, reason: error.message, limit: 'loaded-docs' });
				this.#upgrade(req, socket, head, (ws) => ws.close(CLOSE.tryAgainLater, 'the server has too many plans open; try again later'));
				return;
			}
			log.error('loading a plan failed', { plan: planId }, error);
			this.#upgrade(req, socket, head, (ws) => ws.close(1011, 'the plan could not be loaded'));
			return;
		}
		const accepted = this.#upgrade(req, socket, head, (ws) => {
			const connection = new PlanConnection({
				socket: ws,
				shared,
				role: access.role,
				token: token ?? undefined,
				limits: this.#options.limits,
				metrics: this.#options.metrics,
				log,
				onClose: (closed) => {
					this.#connections.delete(closed);
					registry.release(shared);
				}
			});
			this.#connections.add(connection);
			connection.start();
		});
		// The client left while we were loading (or sent a bad handshake): give the reference back.
		if (!accepted) registry.release(shared);
	}

	/**
	 * Counts a new socket against its remote address until the TCP socket closes; false (counted
	 * as a breach, logged) when the address has its maximum open already.
	 */
	#countAddress(req: IncomingMessage, socket: Duplex): boolean {
		const address = (this.#options.clientAddress ?? clientAddressOf(undefined))(req);
		const open = this.#perAddress.get(address) ?? 0;
		const max = this.#options.limits.maxConnectionsPerAddress;
		if (open >= max) {
			this.#options.metrics.limitBreached('connections-per-address');
			this.#options.log.warn('refused a WebSocket', { address, code: CLOSE.tryAgainLater, reason: `${open} connections open from this address`, limit: 'connections-per-address' });
			return false;
		}
		this.#perAddress.set(address, open + 1);
		socket.once('close', () => {
			const left = (this.#perAddress.get(address) ?? 1) - 1;
			if (left > 0) this.#perAddress.set(address, left);
			else this.#perAddress.delete(address);
		});
		return true;
	}

	/** Completes the handshake; false when ws refused it (then `onOpen` never runs). */
	#upgrade(req: IncomingMessage, socket: Duplex, head: Buffer, onOpen: (ws: WebSocket) => void): boolean {
		let accepted = false;
		// Without verifyClient, ws completes the handshake synchronously, so `accepted` is final here.
		this.#wss.handleUpgrade(req, socket, head, (ws) => {
			accepted = true;
			this.#sockets.add(ws);
			ws.once('close', () => this.#sockets.delete(ws));
			onOpen(ws);
		});
		return accepted;
	}
}

function refuseHttp(socket: Duplex, status: number, text: string): void {
	socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

function safeDecode(segment: string): string {
	try {
		return decodeURIComponent(segment);
	} catch {
		return segment;
	}
}

/**
 * The connection badge's state machine, kept pure so it can be tested without a socket.
 *
 * Why not mirror y-websocket's own status: while the server is unreachable the provider retries
 * with backoff and reports "connecting" on every attempt, and a failed attempt never reports
 * "disconnected" (it never connected). Shown as is, the badge would flicker. Here, once a
 * connection has failed the state stays `offline` until a socket opens again.
 */
import { CLOSE } from './protocol';

/**
 * Why the server closed a connection that the client retries: it is busy (1013: too many plans
 * open, too many connections from this address) or this client sent too much (4429).
 */
export type RetryCause = 'server-busy' | 'rate-limited';

/**
 * What the user sees. `syncing` covers "connected, not yet synced" and "edits not yet saved";
 * `offline` carries the server's reason when the server, not the network, closed the connection.
 */
export type ConnectionStatus =
	| { kind: 'connecting' }
	| { kind: 'offline'; retry?: RetryCause }
	| { kind: 'syncing' }
	| { kind: 'saved' }
	| { kind: 'refused'; code: number; reason: string };

export type ConnectionStatusKind = ConnectionStatus['kind'];

export interface LinkState {
	link: 'connecting' | 'offline' | 'open' | 'refused';
	/** The server's document has been received on this connection. */
	synced: boolean;
	/** Everything in the local document is acknowledged as stored by the server. */
	saved: boolean;
	refusal: { code: number; reason: string } | null;
	/** Set by a retried close the server explained; cleared once a connection syncs again. */
	retry: RetryCause | null;
}

export type LinkEvent =
	| { type: 'attempt' }
	| { type: 'open' }
	| { type: 'close'; code: number | null; reason: string }
	| { type: 'synced'; synced: boolean }
	| { type: 'saved'; saved: boolean }
	| { type: 'network'; online: boolean };

export const INITIAL_LINK_STATE: LinkState = { link: 'connecting', synced: false, saved: false, refusal: null, retry: null };

/**
 * Close codes after which reconnecting cannot help (like HTTP 4xx), so the client stops and says
 * why. 4429 (too many messages) is the exception: it is worth retrying after a pause.
 */
export function isTerminalClose(code: number | null): boolean {
	return code !== null && code >= 4400 && code < 4500 && code !== CLOSE.rateLimited;
}

/** The retried close codes the user is told about (others read as plain "offline"). */
function retryCauseOf(code: number | null): RetryCause | null {
	if (code === CLOSE.tryAgainLater) return 'server-busy';
	if (code === CLOSE.rateLimited) return 'rate-limited';
	return null;
}

export function reduceLink(state: LinkState, event: LinkEvent): LinkState {
	// A refusal is final for this session: the user has to get a new link or reload.
	if (state.link === 'refused') return state;
	switch (event.type) {
		case 'attempt':
			return state.link === 'offline' ? state : { ...state, link: 'connecting', synced: false };
		case 'open':
			return { ...state, link: 'open', synced: false };
		case 'close':
			if (isTerminalClose(event.code)) {
				return { ...state, link: 'refused', synced: false, refusal: { code: event.code ?? 0, reason: event.reason } };
			}
			return { ...state, link: 'offline', synced: false, retry: retryCauseOf(event.code) };
		case 'synced':
			return { ...state, synced: event.synced, retry: event.synced ? null : state.retry };
		case 'saved':
			return { ...state, saved: event.saved };
		case 'network':
			if (!event.online) return { ...state, link: 'offline', synced: false, retry: null };
			return state.link === 'offline' ? { ...state, link: 'connecting' } : state;
	}
}

export function statusOf(state: LinkState): ConnectionStatus {
	switch (state.link) {
		case 'refused':
			return { kind: 'refused', code: state.refusal?.code ?? 0, reason: state.refusal?.reason ?? '' };
		case 'offline':
			return state.retry ? { kind: 'offline', retry: state.retry } : { kind: 'offline' };
		case 'connecting':
			return { kind: 'connecting' };
		case 'open':
			return state.synced && state.saved ? { kind: 'saved' } : { kind: 'syncing' };
	}
}

/** Per-client maximum of two state vectors (what the server has stored only grows). */
export function mergeStateVectors(a: ReadonlyMap<number, number>, b: ReadonlyMap<number, number>): Map<number, number> {
	const out = new Map(a);
	for (const [client, clock] of b) if ((out.get(client) ?? 0) < clock) out.set(client, clock);
	return out;
}

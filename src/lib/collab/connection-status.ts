/**
 * The connection badge's state machine, kept pure so it can be tested without a socket.
 *
 * Why not mirror y-websocket's own status: while the server is unreachable the provider retries
 * with backoff and reports "connecting" on every attempt, and a failed attempt never reports
 * "disconnected" (it never connected). Shown as is, the badge would flicker. Here, once a
 * connection has failed the state stays `offline` until a socket opens again.
 */
import { CLOSE } from './protocol';

/** What the user sees. `syncing` covers "connected, not yet synced" and "edits not yet saved". */
export type ConnectionStatus =
	| { kind: 'connecting' }
	| { kind: 'offline' }
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
}

export type LinkEvent =
	| { type: 'attempt' }
	| { type: 'open' }
	| { type: 'close'; code: number | null; reason: string }
	| { type: 'synced'; synced: boolean }
	| { type: 'saved'; saved: boolean }
	| { type: 'network'; online: boolean };

export const INITIAL_LINK_STATE: LinkState = { link: 'connecting', synced: false, saved: false, refusal: null };

/**
 * Close codes after which reconnecting cannot help (like HTTP 4xx), so the client stops and says
 * why. 4429 (too many messages) is the exception: it is worth retrying after a pause.
 */
export function isTerminalClose(code: number | null): boolean {
	return code !== null && code >= 4400 && code < 4500 && code !== CLOSE.rateLimited;
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
			return { ...state, link: 'offline', synced: false };
		case 'synced':
			return { ...state, synced: event.synced };
		case 'saved':
			return { ...state, saved: event.saved };
		case 'network':
			if (!event.online) return { ...state, link: 'offline', synced: false };
			return state.link === 'offline' ? { ...state, link: 'connecting' } : state;
	}
}

export function statusOf(state: LinkState): ConnectionStatus {
	switch (state.link) {
		case 'refused':
			return { kind: 'refused', code: state.refusal?.code ?? 0, reason: state.refusal?.reason ?? '' };
		case 'offline':
			return { kind: 'offline' };
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

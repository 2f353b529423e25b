/**
 * The wire protocol between planbook's server and its clients: y-websocket's messages (sync,
 * awareness, auth, query-awareness) unchanged, plus one message of our own.
 *
 * MESSAGE_SAVED (server → client): varUint(100) · varUint8Array(state vector). The server sends it
 * to a client after it has durably stored updates that client sent (and on sync), carrying the state
 * vector of what is stored. The client is "saved" when every clock of its own doc's state vector is
 * covered by the last acknowledged one — a client-id/clock comparison, so acknowledgments that
 * arrive late or out of order can never mark unsaved work as saved.
 *
 * Close codes (4400–4499 tell y-websocket's provider not to reconnect, like HTTP 4xx):
 *   4400 malformed message · 4401 missing or unknown token · 4403 not allowed for this role ·
 *   4404 unknown plan · 4413 frame too large · 4422 the plan would exceed the stored-size limit ·
 *   4429 too many messages (planbook's client retries this one after a pause).
 * And one standard code for a passing refusal, after which the client backs off and reconnects:
 *   1013 try again later (too many plans open on the server, too many connections from one address).
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;
export const MESSAGE_SAVED = 100;

export const CLOSE = {
	malformed: 4400,
	unauthorized: 4401,
	forbidden: 4403,
	unknownPlan: 4404,
	tooLarge: 4413,
	docTooLarge: 4422,
	rateLimited: 4429,
	tryAgainLater: 1013
} as const;

export function encodeSaved(stateVector: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_SAVED);
	encoding.writeVarUint8Array(encoder, stateVector);
	return encoding.toUint8Array(encoder);
}

/** Reads the state vector of a MESSAGE_SAVED whose type has already been read from `decoder`. */
export function readSaved(decoder: decoding.Decoder): Map<number, number> {
	return Y.decodeStateVector(decoding.readVarUint8Array(decoder));
}

/** True when everything in `local` (a doc's state vector) is covered by `stored`. */
export function isCoveredBy(local: Map<number, number>, stored: Map<number, number>): boolean {
	for (const [client, clock] of local) if ((stored.get(client) ?? 0) < clock) return false;
	return true;
}

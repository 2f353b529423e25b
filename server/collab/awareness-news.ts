/**
 * Whether a client's awareness message tells the server anything new.
 *
 * y-websocket clients send back every awareness update they receive (their provider broadcasts
 * each 'update' event, whatever its origin), so in a room of n people each relayed presence frame
 * returns n times as an echo of states the server already has. Echoes change nothing and must not
 * count against the sender's presence rate limit — with 200 people they would use it all up, and
 * the client's own cursor moves would then be the ones dropped. This reads only the client ids and
 * clocks (no JSON), the same test `applyAwarenessUpdate` makes before it applies a state.
 */
import * as decoding from 'lib0/decoding';
import type { Awareness } from 'y-protocols/awareness';
import { MalformedMessageError } from './messages';

export function awarenessHasNews(awareness: Awareness, update: Uint8Array): boolean {
	try {
		const decoder = decoding.createDecoder(update);
		const count = decoding.readVarUint(decoder);
		for (let i = 0; i < count; i++) {
			const client = decoding.readVarUint(decoder);
			const clock = decoding.readVarUint(decoder);
			const state = decoding.readVarString(decoder);
			const known = awareness.meta.get(client)?.clock ?? -1;
			if (known < clock) return true;
			if (known === clock && state === 'null' && awareness.states.has(client)) return true;
		}
		return false;
	} catch (error) {
		throw new MalformedMessageError(`awareness update does not decode (${error instanceof Error ? error.message : String(error)})`);
	}
}

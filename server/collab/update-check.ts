/**
 * Checks on a client's Yjs update before it is stored: that it stays within sane bounds and
 * decodes at all (a crafted or malformed update must never enter the log, where it would break or
 * bloat every later load; see update-scan.ts), and whether it adds anything to the doc. The last
 * check matters because y-websocket clients answer our sync step 1 with their whole delete set on
 * every (re)connect; storing those no-op updates would grow the log for nothing.
 */
import * as Y from 'yjs';
import { DEFAULT_LIMITS } from '../config';
import { MalformedMessageError } from './messages';
import { scanUpdate, updateLimitsFor, type UpdateLimits } from './update-scan';

export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

const DEFAULT_UPDATE_LIMITS = updateLimitsFor(DEFAULT_LIMITS.maxFrameBytes);

/**
 * Decodes a Yjs (v1) update fully, or throws MalformedMessageError: first a bounded walk that
 * refuses crafted counts and clocks (scanUpdate), then Yjs' own decoder.
 */
export function decodeClientUpdate(update: Uint8Array, limits: UpdateLimits = DEFAULT_UPDATE_LIMITS): DecodedUpdate {
	scanUpdate(update, limits);
	try {
		return Y.decodeUpdate(update);
	} catch (error) {
		throw new MalformedMessageError(`update does not decode (${error instanceof Error ? error.message : String(error)})`);
	}
}

/**
 * True when applying `decoded` to `doc` would change nothing: every struct is already integrated
 * and every deleted range is already deleted. Cost: a state lookup per struct and a binary search
 * per deleted range, independent of the doc's size.
 */
export function addsNothing(doc: Y.Doc, decoded: DecodedUpdate): boolean {
	for (const struct of decoded.structs) {
		if (struct instanceof Y.Skip) continue;
		if (Y.getState(doc.store, struct.id.client) < struct.id.clock + struct.length) return false;
	}
	for (const [client, ranges] of decoded.ds.clients) {
		const structs = doc.store.clients.get(client);
		const known = Y.getState(doc.store, client);
		for (const { clock, len } of ranges) {
			if (len <= 0) continue;
			// Deleting what we have not seen yet is news (Yjs keeps it pending until the items arrive).
			if (!structs || known < clock + len) return false;
			for (let index = Y.findIndexSS(structs, clock); index < structs.length; index++) {
				const struct = structs[index];
				if (!struct || struct.id.clock >= clock + len) break;
				if (!struct.deleted) return false;
			}
		}
	}
	return true;
}

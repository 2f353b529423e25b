/**
 * Frames no honest client sends, for the reliability suite: seeded noise, broken framing, and Yjs
 * updates crafted after yjs issue #687 (counts and clocks that make decoders loop or balloon),
 * each wrapped as y-websocket's sync update message. Seeded, so a failure replays the same bytes.
 */
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { MESSAGE_AWARENESS, MESSAGE_SYNC } from '../../../src/lib/collab/protocol';

/** xorshift32: deterministic bytes and numbers from a seed. */
export function prng(seed: number): () => number {
	let x = seed >>> 0 || 1;
	return () => {
		x ^= x << 13;
		x ^= x >>> 17;
		x ^= x << 5;
		return (x >>> 0) / 0x1_0000_0000;
	};
}

export function noise(length: number, seed: number): Uint8Array {
	const next = prng(seed);
	return Uint8Array.from({ length }, () => Math.floor(next() * 256));
}

export function bytes(write: (encoder: encoding.Encoder) => void): Uint8Array {
	const encoder = encoding.createEncoder();
	write(encoder);
	return encoding.toUint8Array(encoder);
}

/** y-websocket's sync update message (type 0, step 2) around `update`. */
export function syncUpdateFrame(update: Uint8Array): Uint8Array {
	return bytes((e) => {
		encoding.writeVarUint(e, MESSAGE_SYNC);
		encoding.writeVarUint(e, 2);
		encoding.writeVarUint8Array(e, update);
	});
}

export function awarenessFrame(update: Uint8Array): Uint8Array {
	return bytes((e) => {
		encoding.writeVarUint(e, MESSAGE_AWARENESS);
		encoding.writeVarUint8Array(e, update);
	});
}

/** A real update message of a small edit (to truncate and mutate). */
export function realUpdateFrame(text = 'a real edit, later cut short'): Uint8Array {
	const doc = new Y.Doc();
	doc.getText('scratch').insert(0, text);
	return syncUpdateFrame(Y.encodeStateAsUpdate(doc));
}

/** One struct group of client 7 from `clock`, then an empty delete set. */
function group(clock: number, structs: number, write: (encoder: encoding.Encoder) => void): Uint8Array {
	return bytes((e) => {
		[1, structs, 7, clock].forEach((n) => encoding.writeVarUint(e, n));
		write(e);
		encoding.writeVarUint(e, 0);
	});
}

/**
 * Yjs updates after issue #687, each small enough for a 256 KiB frame: planbook's update scan
 * refuses every one (4400) before Yjs decodes it or the store sees it.
 */
export const CRAFTED_UPDATES: readonly (readonly [name: string, build: () => Uint8Array])[] = [
	['the #687 v2 run-length bomb', () => Buffer.from('00010000000001000100010200001602000001fdffffffff7f0000', 'hex')],
	['2^30 structs declared', () => group(0, 2 ** 30, () => {})],
	['2^40 clients declared', () => bytes((e) => encoding.writeVarUint(e, 2 ** 40))],
	['2^40 deleted ranges declared', () => bytes((e) => [0, 1, 7, 2 ** 40].forEach((n) => encoding.writeVarUint(e, n)))],
	['GC ranges past 2^53', () => group(0, 3, (e) => {
		for (let i = 0; i < 3; i++) (encoding.writeUint8(e, 0), encoding.writeVarUint(e, 2 ** 52));
	})],
	['a skip of 2^50', () => group(0, 1, (e) => (encoding.writeUint8(e, 10), encoding.writeVarUint(e, 2 ** 50)))],
	['20,000 fake clients', () => bytes((e) => {
		encoding.writeVarUint(e, 20_000);
		for (let client = 0; client < 20_000; client++) [1, client + 10, 0, 0, 1].forEach((n) => encoding.writeVarUint(e, n));
		encoding.writeVarUint(e, 0);
	})],
	['40,000 deleted ranges', () => bytes((e) => {
		[0, 1, 7, 40_000].forEach((n) => encoding.writeVarUint(e, n));
		for (let range = 0; range < 40_000; range++) [range * 2, 1].forEach((n) => encoding.writeVarUint(e, n));
	})],
	['values nested 100,000 deep', () => group(0, 1, (e) => {
		encoding.writeUint8(e, 8);
		encoding.writeVarUint(e, 1);
		encoding.writeVarString(e, 'x');
		encoding.writeVarUint(e, 1);
		for (let depth = 0; depth < 100_000; depth++) (encoding.writeUint8(e, 117), encoding.writeVarUint(e, 1));
		encoding.writeUint8(e, 126);
	})],
	['an empty update', () => new Uint8Array(0)]
];

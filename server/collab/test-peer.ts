/**
 * Test helpers for the collaboration core: a DocPeer that records what the server sends it, and a
 * decoder of those frames. A DocPeer is the core's own seam (not the socket layer), so tests of
 * SharedDoc and DocRegistry use it; socket behaviour is tested end to end in tests/integration.
 */
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { MESSAGE_AWARENESS, MESSAGE_SAVED, MESSAGE_SYNC, readSaved } from '../../src/lib/collab/protocol';
import type { DocPeer } from './shared-doc';

export type SentFrame =
	| { kind: 'sync'; step: number; payload: Uint8Array }
	| { kind: 'awareness'; payload: Uint8Array }
	| { kind: 'saved'; stateVector: Map<number, number> };

export class RecordingPeer implements DocPeer {
	readonly frames: SentFrame[] = [];
	closed: { code: number; reason: string } | null = null;

	send(frame: Uint8Array): void {
		this.frames.push(decodeFrame(frame));
	}

	close(code: number, reason: string): void {
		this.closed = { code, reason };
	}

	/** The sync updates (step 2 or update) received, in order. */
	updates(): Uint8Array[] {
		return this.frames.flatMap((f) => (f.kind === 'sync' && f.step !== 0 ? [f.payload] : []));
	}

	lastSaved(): Map<number, number> | undefined {
		return this.frames.flatMap((f) => (f.kind === 'saved' ? [f.stateVector] : [])).at(-1);
	}
}

export function decodeFrame(frame: Uint8Array): SentFrame {
	const decoder = decoding.createDecoder(frame);
	const type = decoding.readVarUint(decoder);
	if (type === MESSAGE_SYNC) {
		const step = decoding.readVarUint(decoder);
		return { kind: 'sync', step, payload: decoding.readVarUint8Array(decoder) };
	}
	if (type === MESSAGE_AWARENESS) return { kind: 'awareness', payload: decoding.readVarUint8Array(decoder) };
	if (type === MESSAGE_SAVED) return { kind: 'saved', stateVector: readSaved(decoder) };
	throw new Error(`unexpected frame type ${type}`);
}

/** The update an edit of `doc` produces. */
export function captureUpdate(doc: Y.Doc, edit: () => void): Uint8Array {
	const updates: Uint8Array[] = [];
	const capture = (update: Uint8Array): void => {
		updates.push(update);
	};
	doc.on('update', capture);
	edit();
	doc.off('update', capture);
	return Y.mergeUpdates(updates);
}

/** A promise with its resolve/reject exposed. */
export function deferred(): { promise: Promise<void>; resolve: () => void; reject: (error: Error) => void } {
	let resolve!: () => void;
	let reject!: (error: Error) => void;
	const promise = new Promise<void>((res, rej) => {
		resolve = res;
		reject = rej;
	});
	return { promise, resolve, reject };
}

import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { encodeSaved, isCoveredBy, MESSAGE_SAVED, readSaved } from './protocol.js';

describe('saved acknowledgment', () => {
	it('round-trips a state vector', () => {
		const doc = new Y.Doc();
		doc.getText('t').insert(0, 'hello');
		const msg = encodeSaved(Y.encodeStateVector(doc));
		const decoder = decoding.createDecoder(msg);
		expect(decoding.readVarUint(decoder)).toBe(MESSAGE_SAVED);
		expect(readSaved(decoder)).toEqual(Y.decodeStateVector(Y.encodeStateVector(doc)));
	});

	it('covers a state only when every client clock is stored', () => {
		expect(isCoveredBy(new Map([[1, 5]]), new Map([[1, 5], [2, 1]]))).toBe(true);
		expect(isCoveredBy(new Map([[1, 6]]), new Map([[1, 5]]))).toBe(false);
		expect(isCoveredBy(new Map([[3, 1]]), new Map([[1, 5]]))).toBe(false);
		expect(isCoveredBy(new Map(), new Map())).toBe(true);
	});
});

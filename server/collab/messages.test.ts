/** Parsing client frames strictly, and deciding whether an update adds anything. */
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MalformedMessageError, parseClientMessage } from './messages';
import { captureUpdate } from './test-peer';
import { addsNothing, decodeClientUpdate } from './update-check';

function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
	const encoder = encoding.createEncoder();
	write(encoder);
	return encoding.toUint8Array(encoder);
}

describe('parseClientMessage', () => {
	const doc = new Y.Doc();
	doc.getText('t').insert(0, 'hi');

	it('reads sync step 1, step 2, update, awareness and query-awareness', () => {
		const step1 = frame((e) => {
			encoding.writeVarUint(e, 0);
			syncProtocol.writeSyncStep1(e, doc);
		});
		expect(parseClientMessage(step1)).toEqual({ kind: 'sync-step-1', stateVector: Y.encodeStateVector(doc) });
		const update = Y.encodeStateAsUpdate(doc);
		for (const step of [1, 2]) {
			const message = frame((e) => {
				encoding.writeVarUint(e, 0);
				encoding.writeVarUint(e, step);
				encoding.writeVarUint8Array(e, update);
			});
			expect(parseClientMessage(message)).toEqual({ kind: 'update', update });
		}
		expect(parseClientMessage(Uint8Array.from([1, 2, 0, 0]))).toEqual({ kind: 'awareness', update: Uint8Array.from([0, 0]) });
		expect(parseClientMessage(Uint8Array.from([3]))).toEqual({ kind: 'query-awareness' });
	});

	it('copies payloads out of the frame', () => {
		const message = Uint8Array.from([0, 2, 2, 0, 0]);
		const parsed = parseClientMessage(message);
		message.fill(9);
		expect(parsed).toEqual({ kind: 'update', update: Uint8Array.from([0, 0]) });
	});

	const bad: [string, number[]][] = [
		['an empty frame', []],
		['an unknown type', [42]],
		['a server-only type', [100, 0]],
		['auth', [2, 0]],
		['an unknown sync step', [0, 9, 0]],
		['a truncated payload', [0, 2, 10, 1, 2]],
		['a length beyond the frame', [0, 2, 0xff, 0xff, 0xff, 0xff, 0x0f]],
		['a varint that never ends', [0, ...new Array<number>(12).fill(0xff)]],
		['a bad state vector', [0, 0, 3, 5, 0xff, 0xff]]
	];
	for (const [name, bytes] of bad) {
		it(`refuses ${name}`, () => {
			expect(() => parseClientMessage(Uint8Array.from(bytes))).toThrow(MalformedMessageError);
		});
	}
});

describe('decodeClientUpdate', () => {
	it('refuses bytes that are not a Yjs update', () => {
		expect(() => decodeClientUpdate(Uint8Array.from([5, 1, 2, 3]))).toThrow(MalformedMessageError);
	});
});

describe('addsNothing', () => {
	function pair(): { server: Y.Doc; client: Y.Doc } {
		const client = new Y.Doc();
		client.getText('t').insert(0, 'hello world');
		const server = new Y.Doc();
		Y.applyUpdate(server, Y.encodeStateAsUpdate(client));
		return { server, client };
	}

	it('is true for content the doc already has (a reconnecting client’s step 2)', () => {
		const { server, client } = pair();
		client.getText('t').delete(0, 6);
		Y.applyUpdate(server, Y.encodeStateAsUpdate(client));
		const step2 = Y.encodeStateAsUpdate(client, Y.encodeStateVector(server));
		expect(addsNothing(server, decodeClientUpdate(step2))).toBe(true);
		expect(addsNothing(server, decodeClientUpdate(Y.encodeStateAsUpdate(client)))).toBe(true);
	});

	it('is false for new content', () => {
		const { server, client } = pair();
		const update = captureUpdate(client, () => client.getText('t').insert(0, '!'));
		expect(addsNothing(server, decodeClientUpdate(update))).toBe(false);
	});

	it('is false for a deletion the doc has not seen, even without new content', () => {
		const { server, client } = pair();
		const update = captureUpdate(client, () => client.getText('t').delete(0, 5));
		expect(Y.decodeUpdate(update).structs).toHaveLength(0); // a pure deletion
		expect(addsNothing(server, decodeClientUpdate(update))).toBe(false);
		Y.applyUpdate(server, update);
		expect(addsNothing(server, decodeClientUpdate(update))).toBe(true);
	});

	it('is false for content beyond what the doc has (kept pending by Yjs)', () => {
		const { server, client } = pair();
		captureUpdate(client, () => client.getText('t').insert(0, 'a'));
		const later = captureUpdate(client, () => client.getText('t').insert(0, 'b'));
		expect(addsNothing(server, decodeClientUpdate(later))).toBe(false);
	});
});

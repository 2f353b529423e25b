/**
 * Crafted Yjs updates (yjs issue #687 and its v1 counterparts) are refused quickly, before Yjs
 * decodes them; updates real clients send — small edits, big pastes and deletes, whole docs with
 * history, merged updates with gaps — pass.
 */
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { docFromPlan } from '../../src/lib/collab/schema/plan-doc';
import { createPlanFromTemplate } from '../../src/lib/domain/plan/index';
import { MalformedMessageError } from './messages';
import { decodeClientUpdate } from './update-check';
import { scanUpdate, updateLimitsFor } from './update-scan';

const FRAME_BYTES = 10 * 1024 * 1024;
const LIMITS = updateLimitsFor(FRAME_BYTES);
/** Refusals must never hold the event loop long; each measured case takes a few ms. */
const REFUSAL_BUDGET_MS = 250;

function bytes(write: (encoder: encoding.Encoder) => void): Uint8Array {
	const encoder = encoding.createEncoder();
	write(encoder);
	return encoding.toUint8Array(encoder);
}

/** One struct group of `client` from `clock`, then an empty delete set. */
function group(client: number, clock: number, structs: number, writeStructs: (encoder: encoding.Encoder) => void): Uint8Array {
	return bytes((e) => {
		encoding.writeVarUint(e, 1);
		encoding.writeVarUint(e, structs);
		encoding.writeVarUint(e, client);
		encoding.writeVarUint(e, clock);
		writeStructs(e);
		encoding.writeVarUint(e, 0);
	});
}

function repeat(times: number, write: (encoder: encoding.Encoder, index: number) => void): (encoder: encoding.Encoder) => void {
	return (e) => {
		for (let index = 0; index < times; index++) write(e, index);
	};
}

/** A string item under root type `root` (no origins, so the parent is written). */
function rootString(e: encoding.Encoder, root: string, text: string): void {
	encoding.writeUint8(e, 4);
	encoding.writeVarUint(e, 1);
	encoding.writeVarString(e, root);
	encoding.writeVarString(e, text);
}

const CRAFTED: [name: string, build: () => Uint8Array, reason: RegExp][] = [
	// The v2 bomb of issue #687 (mergeUpdatesV2 loops on it); planbook reads v1 only.
	['the #687 run-length bomb', () => Buffer.from('00010000000001000100010200001602000001fdffffffff7f0000', 'hex'), /update refused/],
	['an empty update (yjs #498)', () => new Uint8Array(0), /missing/],
	['2^30 structs declared in 6 bytes', () => group(7, 0, 2 ** 30, () => {}), /too many structs/],
	['2^40 clients declared', () => bytes((e) => encoding.writeVarUint(e, 2 ** 40)), /too many clients/],
	['2^40 deleted ranges declared', () => bytes((e) => [0, 1, 7, 2 ** 40].forEach((n) => encoding.writeVarUint(e, n))), /too many deleted ranges/],
	['a GC range of 2^52', () => group(7, 0, 2, repeat(2, (e) => (encoding.writeUint8(e, 0), encoding.writeVarUint(e, 2 ** 52)))), /clock .* beyond/],
	['a skip of 2^50', () => group(7, 0, 1, (e) => (encoding.writeUint8(e, 10), encoding.writeVarUint(e, 2 ** 50))), /clock .* beyond/],
	['a deleted item of 2^52', () => group(7, 0, 1, (e) => {
		encoding.writeUint8(e, 1);
		encoding.writeVarUint(e, 1);
		encoding.writeVarString(e, 'x');
		encoding.writeVarUint(e, 2 ** 52);
	}), /clock .* beyond/],
	['a start clock of 2^50', () => group(7, 2 ** 50, 1, (e) => rootString(e, 'x', 'a')), /clock .* beyond/],
	['an origin at clock 2^45', () => group(7, 0, 1, (e) => {
		encoding.writeUint8(e, 0x84);
		encoding.writeVarUint(e, 8);
		encoding.writeVarUint(e, 2 ** 45);
		encoding.writeVarString(e, 'a');
	}), /clock .* beyond/],
	['a deleted range at 2^52', () => bytes((e) => [0, 1, 7, 1, 2 ** 52, 5].forEach((n) => encoding.writeVarUint(e, n))), /clock .* beyond/],
	['a 10 MiB frame of 2-byte GC structs', () => group(7, 0, 5_000_000, repeat(5_000_000, (e) => (encoding.writeUint8(e, 0), encoding.writeVarUint(e, 1)))), /too many structs/],
	['500k fake clients', () => bytes((e) => {
		encoding.writeVarUint(e, 500_000);
		for (let client = 0; client < 500_000; client++) [1, client + 10, 0, 0, 1].forEach((n) => encoding.writeVarUint(e, n));
		encoding.writeVarUint(e, 0);
	}), /too many clients/],
	['a million deleted ranges', () => bytes((e) => {
		[0, 1, 7, 1_000_000].forEach((n) => encoding.writeVarUint(e, n));
		for (let range = 0; range < 1_000_000; range++) [range * 2, 1].forEach((n) => encoding.writeVarUint(e, n));
	}), /too many deleted ranges/],
	['100 root types', () => group(7, 0, 100, repeat(100, (e, i) => rootString(e, `root-${i}`, 'a'))), /root types/],
	['values nested a million deep', () => group(7, 0, 1, (e) => {
		encoding.writeUint8(e, 8);
		encoding.writeVarUint(e, 1);
		encoding.writeVarString(e, 'x');
		encoding.writeVarUint(e, 1);
		for (let depth = 0; depth < 1_000_000; depth++) (encoding.writeUint8(e, 117), encoding.writeVarUint(e, 1));
		encoding.writeUint8(e, 126);
	}), /value does not decode/],
	['a zero-length GC', () => group(7, 0, 1, (e) => (encoding.writeUint8(e, 0), encoding.writeVarUint(e, 0))), /length 0/],
	['a client twice', () => bytes((e) => {
		encoding.writeVarUint(e, 2);
		for (let twice = 0; twice < 2; twice++) [1, 7, 0, 0, 3].forEach((n) => encoding.writeVarUint(e, n));
		encoding.writeVarUint(e, 0);
	}), /appears twice/],
	['bytes after the delete set', () => Uint8Array.from([...Y.encodeStateAsUpdate(new Y.Doc()), 0, 0]), /bytes after/],
	['a subdocument', () => group(7, 0, 1, (e) => {
		encoding.writeUint8(e, 9);
		encoding.writeVarUint(e, 1);
		encoding.writeVarString(e, 'x');
		encoding.writeVarString(e, 'guid');
		encoding.writeAny(e, {});
	}), /subdocuments/],
	['an unknown content kind', () => group(7, 0, 1, (e) => rootString(e, 'x', 'a')).map((b, i) => (i === 4 ? 0x0b : b)), /unknown content kind 11/],
	['a type ref Yjs does not know', () => group(7, 0, 1, (e) => {
		encoding.writeUint8(e, 7);
		encoding.writeVarUint(e, 1);
		encoding.writeVarString(e, 'x');
		encoding.writeVarUint(e, 99);
	}), /unknown type ref/]
];

describe('scanUpdate refuses crafted updates quickly', () => {
	for (const [name, build, reason] of CRAFTED) {
		it(name, () => {
			const update = build();
			const started = performance.now();
			expect(() => decodeClientUpdate(update, LIMITS)).toThrow(MalformedMessageError);
			expect(() => scanUpdate(update, LIMITS)).toThrow(reason);
			expect(performance.now() - started).toBeLessThan(REFUSAL_BUDGET_MS);
		});
	}
});

describe('scanUpdate lets real updates through', () => {
	function updatesOf(doc: Y.Doc, edit: () => void): Uint8Array[] {
		const updates: Uint8Array[] = [];
		const collect = (update: Uint8Array): number => updates.push(update);
		doc.on('update', collect);
		edit();
		doc.off('update', collect);
		return updates;
	}

	function passes(update: Uint8Array): void {
		expect(() => decodeClientUpdate(update, LIMITS)).not.toThrow();
	}

	it('every kind of edit, one update at a time and as a whole doc', () => {
		const doc = new Y.Doc();
		const updates = updatesOf(doc, () => {
			const text = doc.getText('text');
			text.insert(0, 'hello wörld 你好 😀');
			text.format(0, 5, { bold: true });
			text.insertEmbed(3, { image: 'x.png' });
			text.delete(2, 4);
			const map = doc.getMap('map');
			map.set('n', 1);
			map.set('n', 2);
			map.set('bin', new Uint8Array([1, 2, 3]));
			map.set('nested', new Y.Map([['deep', new Y.Array()]]));
			doc.getArray('array').insert(0, [1, 'two', { three: [3] }, null, true]);
			const xml = doc.getXmlFragment('body');
			const paragraph = new Y.XmlElement('paragraph');
			xml.insert(0, [paragraph]);
			paragraph.insert(0, [new Y.XmlText('text')]);
			paragraph.setAttribute('class', 'lead');
			xml.delete(0, 1);
		});
		expect(updates.length).toBeGreaterThan(10);
		for (const update of updates) passes(update);
		passes(Y.encodeStateAsUpdate(doc));
	});

	it('a whole plan from a template', () => {
		const plan = createPlanFromTemplate('marketing-plan', { locale: 'en' });
		passes(Y.encodeStateAsUpdate(docFromPlan(plan)));
	});

	it('a 5 MB paste and its deletion, scanned in well under a second', () => {
		const doc = new Y.Doc();
		const text = doc.getText('text');
		const [paste] = updatesOf(doc, () => text.insert(0, 'lorem ipsum '.repeat(400_000)));
		const deletes = updatesOf(doc, () => {
			for (let index = 0; index < 2_000; index++) text.delete(index * 100, 50);
			text.delete(0, text.length);
		});
		const started = performance.now();
		for (const update of [paste ?? new Uint8Array(), ...deletes, Y.encodeStateAsUpdate(doc)]) passes(update);
		expect(performance.now() - started).toBeLessThan(1_000);
	});

	it('a doc with many clients, garbage-collected history and merged updates with gaps', () => {
		const shared = new Y.Doc();
		for (let client = 0; client < 300; client++) {
			const peer = new Y.Doc();
			Y.applyUpdate(peer, Y.encodeStateAsUpdate(shared));
			const text = peer.getText('text');
			text.insert(Math.min(client, text.length), `writer ${client} `);
			if (text.length > 40) text.delete(client % 20, 5);
			peer.getArray('rows').push([new Y.Map([['amount', client]])]);
			Y.applyUpdate(shared, Y.encodeStateAsUpdate(peer, Y.encodeStateVector(shared)));
		}
		passes(Y.encodeStateAsUpdate(shared));
		// Every other edit of one writer, merged: Yjs writes skips over the missing ones.
		const writer = new Y.Doc();
		const increments = updatesOf(writer, () => {
			for (let edit = 0; edit < 20; edit++) writer.getText('text').insert(0, `edit ${edit} `);
		});
		const merged = Y.mergeUpdates(increments.filter((_, index) => index % 2 === 0));
		expect(Y.decodeUpdate(merged).structs.some((struct) => struct instanceof Y.Skip)).toBe(true);
		passes(merged);
	});
});

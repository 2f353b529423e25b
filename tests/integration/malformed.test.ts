/**
 * Hostile frames: each closes only the socket that sent it, with the matching close code, while a
 * bystander client keeps editing and the stored plan stays intact.
 */
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CLOSE, MESSAGE_AWARENESS, MESSAGE_SYNC } from '../../src/lib/collab/protocol';
import { createPlan, exportJson, type CreatedPlan } from './helpers/api';
import { eventually } from './helpers/eventually';
import { metricValue } from './helpers/metrics';
import { appendParagraph, planOf } from './helpers/plan-edits';
import { openRawSocket } from './helpers/raw-socket';
import { cleanupTempDirs, startTestServer, type TestServer } from './helpers/server';
import { connectClient, destroyClients, type TestClient } from './helpers/yjs-client';

const FRAME_LIMIT = 64 * 1024;

let server: TestServer;
let plan: CreatedPlan;
let bystander: TestClient;

beforeAll(async () => {
	server = await startTestServer({ limits: { maxFrameBytes: FRAME_LIMIT, messagesPerSecond: 50, messageBurst: 100 } });
	plan = await createPlan(server.url);
	bystander = connectClient(server.wsBase, plan.id, plan.tokens.editor);
	await eventually(() => expect(bystander.isSaved()).toBe(true));
});

afterAll(async () => {
	destroyClients();
	await server.close();
	cleanupTempDirs();
});

/** Deterministic pseudo-random bytes (xorshift32). */
function noise(length: number, seed: number): Uint8Array {
	const bytes = new Uint8Array(length);
	let x = seed;
	for (let i = 0; i < length; i++) {
		x ^= x << 13;
		x ^= x >>> 17;
		x ^= x << 5;
		bytes[i] = x & 0xff;
	}
	return bytes;
}

function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
	const encoder = encoding.createEncoder();
	write(encoder);
	return encoding.toUint8Array(encoder);
}

/** A real sync update message of a small edit. */
function validUpdateMessage(): Uint8Array {
	const doc = new Y.Doc();
	doc.getText('scratch').insert(0, 'hello world, a real update');
	const update = Y.encodeStateAsUpdate(doc);
	return frame((e) => {
		encoding.writeVarUint(e, MESSAGE_SYNC);
		encoding.writeVarUint(e, 2);
		encoding.writeVarUint8Array(e, update);
	});
}

const MALFORMED: [string, () => Uint8Array | string][] = [
	['random bytes', () => noise(200, 0x9e3779b9).map((b, i) => (i === 0 ? 0xc8 : b))],
	['random bytes after a sync update header', () => Uint8Array.from([MESSAGE_SYNC, 2, ...noise(300, 12345)])],
	['a truncated sync message', () => validUpdateMessage().slice(0, 12)],
	['a huge varint length', () => frame((e) => {
		encoding.writeVarUint(e, MESSAGE_SYNC);
		encoding.writeVarUint(e, 2);
		encoding.writeVarUint(e, 2 ** 40);
		encoding.writeUint8Array(e, noise(16, 7));
	})],
	['an overlong varint', () => Uint8Array.from([MESSAGE_SYNC, ...new Array<number>(12).fill(0xff), 1])],
	['an unknown message type', () => Uint8Array.from([42, 0, 0])],
	['an unknown sync step', () => Uint8Array.from([MESSAGE_SYNC, 7, 0])],
	['a bad state vector', () => frame((e) => {
		encoding.writeVarUint(e, MESSAGE_SYNC);
		encoding.writeVarUint(e, 0);
		encoding.writeVarUint8Array(e, Uint8Array.from([5, 0xff, 0xff]));
	})],
	['garbage awareness', () => frame((e) => {
		encoding.writeVarUint(e, MESSAGE_AWARENESS);
		encoding.writeVarUint8Array(e, Uint8Array.from([1, 9, 1, 3, ...new TextEncoder().encode('{no')]));
	})],
	['an empty frame', () => new Uint8Array(0)],
	['a text frame', () => 'hello server']
];

async function assertBystanderUnaffected(marker: string): Promise<void> {
	expect(bystander.provider.wsconnected).toBe(true);
	appendParagraph(bystander.doc, 3, marker);
	await eventually(() => expect(bystander.isSaved()).toBe(true));
}

describe('a malformed frame', () => {
	for (const [name, build] of MALFORMED) {
		it(`(${name}) closes only its socket with 4400`, async () => {
			const raw = await openRawSocket(server.wsBase, plan.id, plan.tokens.editor);
			raw.socket.send(build());
			const closed = await raw.closed;
			expect(closed.code).toBe(CLOSE.malformed);
			expect(closed.reason).not.toBe('');
			await assertBystanderUnaffected(`after ${name}`);
		});
	}

	it('is logged with its reason and counted', () => {
		const closes = server.logs.filter((entry) => entry.message === 'closing a socket' && entry.fields.code === CLOSE.malformed);
		expect(closes.length).toBeGreaterThanOrEqual(MALFORMED.length);
		expect(metricValue(server.metrics.render(), 'planbook_frames_rejected_total{reason="malformed"}')).toBeGreaterThanOrEqual(MALFORMED.length);
	});

	it('leaves the stored plan intact', async () => {
		const stored = await exportJson(server.url, plan.id, plan.tokens.viewer);
		expect(stored).toEqual(planOf(bystander.doc));
		expect(JSON.stringify(stored)).toContain('after a text frame');
		expect(JSON.stringify(stored)).not.toContain('hello world');
	});
});

describe('limits', () => {
	for (const size of [FRAME_LIMIT + 1, FRAME_LIMIT * 8]) {
		it(`closes a ${size}-byte frame with 4413`, async () => {
			const raw = await openRawSocket(server.wsBase, plan.id, plan.tokens.editor);
			raw.socket.send(noise(size, 99));
			expect((await raw.closed).code).toBe(CLOSE.tooLarge);
			await assertBystanderUnaffected(`after ${size} bytes`);
		});
	}

	it('closes a flooding socket with 4429', async () => {
		const raw = await openRawSocket(server.wsBase, plan.id, plan.tokens.editor);
		for (let i = 0; i < 400; i++) raw.socket.send(Uint8Array.from([3])); // query-awareness: valid, cheap
		expect((await raw.closed).code).toBe(CLOSE.rateLimited);
		await assertBystanderUnaffected('after a flood');
	});

	it('accepts a frame just under the limit', async () => {
		const raw = await openRawSocket(server.wsBase, plan.id, plan.tokens.editor);
		const doc = new Y.Doc();
		doc.getMap('scratchpad').set('blob', 'x'.repeat(FRAME_LIMIT - 200));
		raw.socket.send(frame((e) => {
			encoding.writeVarUint(e, MESSAGE_SYNC);
			encoding.writeVarUint(e, 2);
			encoding.writeVarUint8Array(e, Y.encodeStateAsUpdate(doc));
		}));
		await eventually(() => expect(raw.received.some((message) => message[0] === 100)).toBe(true));
		raw.socket.close();
	});
});

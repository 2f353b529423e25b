/**
 * Fuzzed and hostile frames against a real server while healthy clients edit three plans: random
 * bytes, truncated sync messages, huge varints, the yjs #687 family of crafted updates, oversize
 * frames, text frames and floods — then a few hundred seeded random and mutated frames. Every
 * refused frame closes only its own socket, within 1 s, with the expected code and a reason; the
 * healthy clients on the same and other plans are never disconnected and keep syncing; the plans
 * reloaded from disk equal what the clients hold; and the metrics count each breach exactly.
 */
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import * as Y from 'yjs';
import { openSqliteStore } from '../../server/persistence/sqlite-store';
import { CLOSE, MESSAGE_SYNC } from '../../src/lib/collab/protocol';
import { createPlan, type CreatedPlan } from '../integration/helpers/api';
import { eventually, sleep } from '../integration/helpers/eventually';
import { metricValue } from '../integration/helpers/metrics';
import { openRawSocket } from '../integration/helpers/raw-socket';
import { cleanupTempDirs, startTestServer, type TestServer } from '../integration/helpers/server';
import { destroyClients } from '../integration/helpers/yjs-client';
import { awarenessFrame, bytes, CRAFTED_UPDATES, noise, prng, realUpdateFrame, syncUpdateFrame } from './helpers/hostile-frames';
import { byPlan, connectLoadClients, contentOf, lostWrites, startEditing, type LoadClient } from './helpers/load-clients';

const FRAME_LIMIT = 256 * 1024;
const PLANS = 3;
const HEALTHY_PER_PLAN = 2;
const FUZZ_FRAMES = 300;
const FUZZ_BATCH = 30;
/** How long a refused frame may take to close its socket. */
const CLOSE_WITHIN_MS = 1_000;

type Expected = { code: number; reason: RegExp };
interface Attack {
	name: string;
	/** What the socket sends, in order (a string is a text frame). */
	frames: () => (Uint8Array | string)[];
	expected: Expected;
}

const MALFORMED = (reason: RegExp): Expected => ({ code: CLOSE.malformed, reason });

const ATTACKS: Attack[] = [
	...[1, 2, 3, 4, 5].map((seed): Attack => ({
		name: `random bytes #${seed}`,
		// 0xc8 opens an endless varint message type: never a valid start.
		frames: () => [noise(50 * seed, seed).map((b, i) => (i === 0 ? 0xc8 : b))],
		expected: MALFORMED(/message type|does not decode/)
	})),
	...[1, 2, 3].map((seed): Attack => ({
		name: `random bytes after a sync update header #${seed}`,
		frames: () => [Uint8Array.from([MESSAGE_SYNC, 2, ...noise(300, seed * 7919)])],
		expected: MALFORMED(/does not decode|update refused/)
	})),
	...[3, 10, 20, -1].map((cut): Attack => ({
		name: `a sync message cut to ${cut < 0 ? 'one byte short' : `${cut} bytes`}`,
		frames: () => [realUpdateFrame().slice(0, cut)],
		expected: MALFORMED(/does not decode|update refused/)
	})),
	{
		name: 'a 2^40 varint length',
		frames: () => [bytes((e) => [MESSAGE_SYNC, 2, 2 ** 40].forEach((n) => encoding.writeVarUint(e, n)))],
		expected: MALFORMED(/does not decode/)
	},
	{ name: 'an overlong varint', frames: () => [Uint8Array.from([MESSAGE_SYNC, ...new Array<number>(12).fill(0xff), 1])], expected: MALFORMED(/does not decode/) },
	...CRAFTED_UPDATES.map(([name, build]): Attack => ({
		name: `crafted update: ${name}`,
		frames: () => [syncUpdateFrame(build())],
		expected: MALFORMED(/update refused|does not decode/)
	})),
	{ name: 'a frame one byte over the limit', frames: () => [noise(FRAME_LIMIT + 1, 11)], expected: { code: CLOSE.tooLarge, reason: /frame too large/ } },
	{ name: 'a 2 MiB frame', frames: () => [noise(2 * 1024 * 1024, 12)], expected: { code: CLOSE.tooLarge, reason: /frame too large/ } },
	{ name: 'a text frame', frames: () => ['{"type":"sync"}'], expected: MALFORMED(/text frames/) },
	{ name: 'a flood of query-awareness', frames: () => Array.from({ length: 400 }, () => Uint8Array.from([3])), expected: { code: CLOSE.rateLimited, reason: /too many messages/ } },
	{
		name: 'a flood of sync step 1',
		frames: () => Array.from({ length: 400 }, () => Uint8Array.from([MESSAGE_SYNC, 0, 1, 0])),
		expected: { code: CLOSE.rateLimited, reason: /too many messages/ }
	}
];

let server: TestServer;
let plans: CreatedPlan[];
let healthy: LoadClient[];
const healthyCloses = new Map<string, number>();
let stopEditing: () => void = () => {};

beforeAll(async () => {
	server = await startTestServer({ limits: { maxFrameBytes: FRAME_LIMIT, messagesPerSecond: 100, messageBurst: 200, maxConnectionsPerAddress: 10_000 } });
	plans = await Promise.all(Array.from({ length: PLANS }, () => createPlan(server.url)));
	healthy = connectLoadClients(plans.flatMap((plan) => Array.from({ length: HEALTHY_PER_PLAN }, () => ({ wsBase: server.wsBase, planId: plan.id, token: plan.tokens.editor }))), 'h');
	for (const load of healthy) load.client.provider.on('connection-close', () => healthyCloses.set(load.name, (healthyCloses.get(load.name) ?? 0) + 1));
	await eventually(() => expect(healthy.every((load) => load.client.isSaved())).toBe(true), { timeoutMs: 15_000 });
	stopEditing = startEditing(healthy, 150);
});

afterAll(async () => {
	stopEditing();
	destroyClients();
	await server.close();
	cleanupTempDirs();
});

interface Outcome {
	closed: { code: number; reason: string } | null;
	ms: number;
}

/** Opens a socket to plan `index`, sends `frames`, and waits up to `waitMs` for the server to close it. */
async function send(index: number, frames: (Uint8Array | string)[], waitMs = CLOSE_WITHIN_MS * 2): Promise<Outcome> {
	const plan = plans[index % PLANS] as CreatedPlan;
	const raw = await openRawSocket(server.wsBase, plan.id, plan.tokens.editor);
	const started = performance.now();
	for (const frame of frames) sendFrame(raw.socket, frame);
	const closed = await Promise.race([raw.closed, sleep(waitMs).then(() => null)]);
	const ms = performance.now() - started;
	if (!closed) raw.socket.terminate();
	return { closed, ms };
}

function sendFrame(socket: WebSocket, frame: Uint8Array | string): void {
	if (socket.readyState === socket.OPEN) socket.send(frame);
}

/** A seeded random frame: mutated real messages, random payloads behind valid headers, noise. */
function fuzzFrame(next: () => number): Uint8Array {
	const pick = Math.floor(next() * 4);
	const random = (length: number): number[] => Array.from({ length }, () => Math.floor(next() * 256));
	if (pick === 0) {
		const frame = realUpdateFrame();
		for (let flips = 1 + Math.floor(next() * 3); flips > 0; flips--) {
			const at = Math.floor(next() * frame.length);
			frame[at] = (frame[at] ?? 0) ^ (1 << Math.floor(next() * 8));
		}
		return frame;
	}
	if (pick === 1) return Uint8Array.from([MESSAGE_SYNC, Math.floor(next() * 3), ...random(1 + Math.floor(next() * 400))]);
	if (pick === 2) return awarenessFrame(Uint8Array.from(random(1 + Math.floor(next() * 200))));
	return Uint8Array.from(random(1 + Math.floor(next() * 600)));
}

const tally = { malformed: 0, tooLarge: 0, rateLimited: 0, accepted: 0 };

describe('hostile frames against a real server', () => {
	for (const [index, attack] of ATTACKS.entries()) {
		it(`${attack.name}: closes only its socket with ${attack.expected.code} within ${CLOSE_WITHIN_MS} ms`, async () => {
			const { closed, ms } = await send(index, attack.frames());
			expect(closed?.code, attack.name).toBe(attack.expected.code);
			expect(closed?.reason).toMatch(attack.expected.reason);
			expect(ms).toBeLessThan(CLOSE_WITHIN_MS);
			if (attack.expected.code === CLOSE.malformed) tally.malformed++;
			if (attack.expected.code === CLOSE.tooLarge) tally.tooLarge++;
			if (attack.expected.code === CLOSE.rateLimited) tally.rateLimited++;
		});
	}

	it(`${FUZZ_FRAMES} seeded random frames: each is refused with 4400 within 1 s or accepted, nothing else`, async () => {
		const next = prng(0x5eed);
		const frames = Array.from({ length: FUZZ_FRAMES }, () => fuzzFrame(next));
		for (let start = 0; start < frames.length; start += FUZZ_BATCH) {
			const batch = frames.slice(start, start + FUZZ_BATCH);
			const outcomes = await Promise.all(batch.map((frame, offset) => send(start + offset, [frame], 1_200)));
			for (const { closed, ms } of outcomes) {
				if (!closed) {
					tally.accepted++;
					continue;
				}
				expect(closed.code).toBe(CLOSE.malformed);
				expect(closed.reason).not.toBe('');
				expect(ms).toBeLessThan(CLOSE_WITHIN_MS);
				tally.malformed++;
			}
		}
		console.info(`fuzz: ${FUZZ_FRAMES} frames, ${FUZZ_FRAMES - tally.accepted} refused, ${tally.accepted} accepted as valid`);
	});

	it('never disconnected a healthy client, which all still sync', async () => {
		stopEditing();
		expect(Object.fromEntries(healthyCloses)).toEqual({});
		await eventually(
			() => {
				for (const clients of byPlan(healthy).values()) {
					const [first, ...rest] = clients.map((load) => contentOf(load.client.doc));
					for (const content of rest) expect(content).toBe(first);
					for (const load of clients) expect(lostWrites(first ?? '', load)).toEqual([]);
				}
				expect(healthy.every((load) => load.client.isSaved())).toBe(true);
			},
			{ timeoutMs: 15_000 }
		);
		expect(healthy.every((load) => load.client.provider.wsconnected && load.client.refusal() === null)).toBe(true);
		expect(healthy.reduce((sum, load) => sum + load.wrote, 0)).toBeGreaterThan(PLANS * HEALTHY_PER_PLAN * 5);
	});

	it('counts each breach exactly, and logs it', async () => {
		const text = await (await fetch(`${server.url}/metrics`)).text();
		expect(metricValue(text, 'planbook_frames_rejected_total{reason="malformed"}')).toBe(tally.malformed);
		expect(metricValue(text, 'planbook_frames_rejected_total{reason="too-large"}')).toBe(tally.tooLarge);
		expect(metricValue(text, 'planbook_frames_rejected_total{reason="rate-limited"}')).toBe(tally.rateLimited);
		expect(metricValue(text, 'planbook_limit_breaches_total{limit="frame-size"}')).toBe(tally.tooLarge);
		expect(metricValue(text, 'planbook_limit_breaches_total{limit="messages-per-second"}')).toBe(tally.rateLimited);
		const closes = server.logs.filter((entry) => entry.message === 'closing a socket');
		expect(closes).toHaveLength(tally.malformed + tally.tooLarge + tally.rateLimited);
	});

	it('leaves every stored plan intact: reloaded from disk, it equals what the clients hold', async () => {
		const expected = new Map([...byPlan(healthy)].map(([planId, clients]) => [planId, contentOf((clients[0] as LoadClient).client.doc)]));
		destroyClients();
		await server.close();
		const store = openSqliteStore({ dataDir: server.dataDir });
		try {
			for (const [planId, content] of expected) {
				const doc = new Y.Doc();
				const { updates } = await store.loadUpdates(planId);
				for (const update of updates) Y.applyUpdate(doc, update); // any stored update that throws fails the test
				expect(contentOf(doc)).toBe(content);
				for (const load of healthy.filter((l) => l.planId === planId)) expect(lostWrites(contentOf(doc), load)).toEqual([]);
			}
		} finally {
			await store.close();
		}
	});
});

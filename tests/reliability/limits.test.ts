/**
 * Every server limit, breached on a real server of its own: the offending connection gets the
 * limit's close code and reason (or, for presence, is throttled and stays), the breach is logged
 * and counted in planbook_limit_breaches_total{limit}, and a bystander editing the same server
 * is never disconnected and keeps saving. Transient limits (1013) let the refused client in by
 * itself once there is room; permanent ones (44xx) stop it.
 */
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { ServerLimits } from '../../server/config';
import type { LimitName } from '../../server/metrics';
import { CLOSE } from '../../src/lib/collab/protocol';
import { createPlan, exportJson, type CreatedPlan } from '../integration/helpers/api';
import { eventually, sleep } from '../integration/helpers/eventually';
import { metricValue } from '../integration/helpers/metrics';
import { appendParagraph } from '../integration/helpers/plan-edits';
import { openRawSocket, type RawSocket } from '../integration/helpers/raw-socket';
import { cleanupTempDirs, startTestServer, type TestServer } from '../integration/helpers/server';
import { connectClient, destroyClients, type TestClient } from '../integration/helpers/yjs-client';
import { awarenessFrame, noise } from './helpers/hostile-frames';

const servers: TestServer[] = [];
const rawSockets: RawSocket[] = [];

afterEach(async () => {
	for (const raw of rawSockets.splice(0)) raw.socket.terminate();
	destroyClients();
	for (const server of servers.splice(0)) await server.close();
	cleanupTempDirs();
});

interface Setup {
	server: TestServer;
	plan: CreatedPlan;
	bystander: TestClient;
	/** Close events the bystander saw (must stay 0). */
	bystanderCloses: () => number;
}

/** A server with `limits`, a plan, and a bystander editing it. */
async function setup(limits: Partial<ServerLimits>): Promise<Setup> {
	const server = await startTestServer({ limits });
	servers.push(server);
	const plan = await createPlan(server.url);
	const bystander = connectClient(server.wsBase, plan.id, plan.tokens.editor);
	let closes = 0;
	bystander.provider.on('connection-close', () => closes++);
	await eventually(() => expect(bystander.isSaved()).toBe(true));
	return { server, plan, bystander, bystanderCloses: () => closes };
}

async function raw(server: TestServer, plan: CreatedPlan): Promise<RawSocket> {
	const socket = await openRawSocket(server.wsBase, plan.id, plan.tokens.editor);
	rawSockets.push(socket);
	return socket;
}

/** The bystander was never cut off and still gets its edits saved. */
async function expectUnaffected({ bystander, bystanderCloses }: Setup, marker: string): Promise<void> {
	appendParagraph(bystander.doc, 0, marker);
	await eventually(() => expect(bystander.isSaved()).toBe(true));
	expect(bystanderCloses()).toBe(0);
	expect(bystander.refusal()).toBeNull();
}

async function expectBreach(server: TestServer, limit: LimitName, count: number): Promise<void> {
	const text = await (await fetch(`${server.url}/metrics`)).text();
	expect(metricValue(text, `planbook_limit_breaches_total{limit="${limit}"}`)).toBe(count);
	expect(server.logs.some((entry) => entry.level === 'warn' && entry.fields.limit === limit)).toBe(true);
}

function updateFrame(update: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, 0);
	encoding.writeVarUint(encoder, 2);
	encoding.writeVarUint8Array(encoder, update);
	return encoding.toUint8Array(encoder);
}

describe('server limits', () => {
	it('frame size: 4413', async () => {
		const s = await setup({ maxFrameBytes: 64 * 1024 });
		const socket = await raw(s.server, s.plan);
		socket.socket.send(noise(64 * 1024 + 1, 1));
		expect(await socket.closed).toEqual({ code: CLOSE.tooLarge, reason: 'frame too large' });
		await expectBreach(s.server, 'frame-size', 1);
		await expectUnaffected(s, 'after a large frame');
	});

	it('document size: 4422, nothing stored, and the client stops retrying', async () => {
		const s = await setup({ maxDocBytes: 300_000, maxFrameBytes: 1024 * 1024 });
		const paster = connectClient(s.server.wsBase, s.plan.id, s.plan.tokens.editor);
		await eventually(() => expect(paster.isSaved()).toBe(true));
		appendParagraph(paster.doc, 1, `huge paste ${'x'.repeat(400_000)}`);
		await eventually(() => expect(paster.refusal()).toEqual({ code: CLOSE.docTooLarge, reason: expect.stringMatching(/largest size/) as unknown }));
		await expectBreach(s.server, 'doc-size', 1);
		await sleep(600); // y-websocket would have retried by now
		expect(paster.provider.wsconnected).toBe(false);
		await expectUnaffected(s, 'after a refused paste');
		const stored = JSON.stringify(await exportJson(s.server.url, s.plan.id, s.plan.tokens.viewer));
		expect(stored).toContain('after a refused paste');
		expect(stored).not.toContain('huge paste');
	});

	it('connections per address: 1013 while full; the refused client gets in by itself once one leaves', async () => {
		// The bystander holds one of the three.
		const s = await setup({ maxConnectionsPerAddress: 3 });
		const held = [await raw(s.server, s.plan), await raw(s.server, s.plan)];
		const late = connectClient(s.server.wsBase, s.plan.id, s.plan.tokens.editor, { maxBackoffTime: 300 });
		const closes: number[] = [];
		late.provider.on('connection-close', (event: CloseEvent | null) => closes.push(event?.code ?? 0));
		await eventually(() => expect(closes).toContain(CLOSE.tryAgainLater));
		const refusal = s.server.logs.find((entry) => entry.fields.limit === 'connections-per-address');
		expect(refusal?.fields.reason).toMatch(/connections open from this address/);
		expect(late.refusal()).toBeNull(); // 1013 is not a refusal: the client keeps trying
		for (const socket of held) expect(socket.socket.readyState).toBe(socket.socket.OPEN);
		await expectUnaffected(s, 'while the address is full');

		held[0]?.socket.close();
		await eventually(() => expect(late.isSaved()).toBe(true), { timeoutMs: 5_000 });
		const text = await (await fetch(`${s.server.url}/metrics`)).text();
		expect(metricValue(text, 'planbook_limit_breaches_total{limit="connections-per-address"}')).toBe(closes.length);
	});

	it('messages per second: 4429', async () => {
		const s = await setup({ messagesPerSecond: 20, messageBurst: 40 });
		const socket = await raw(s.server, s.plan);
		for (let i = 0; i < 200; i++) socket.socket.send(Uint8Array.from([3]));
		expect(await socket.closed).toEqual({ code: CLOSE.rateLimited, reason: 'too many messages' });
		await expectBreach(s.server, 'messages-per-second', 1);
		await expectUnaffected(s, 'after a flood');
	});

	it('loaded plans: 1013 while every plan is in use; the client gets in once a plan is idle', async () => {
		const s = await setup({ maxLoadedDocs: 2, idleUnloadMs: 60_000 });
		const second = await createPlan(s.server.url);
		const third = await createPlan(s.server.url);
		const onSecond = connectClient(s.server.wsBase, second.id, second.tokens.editor);
		await eventually(() => expect(onSecond.isSaved()).toBe(true));

		const refused = await openRawSocket(s.server.wsBase, third.id, third.tokens.editor).then(
			() => null,
			(error: Error) => error.message
		);
		expect(refused).toMatch(/closed with 1013/);
		const log = s.server.logs.find((entry) => entry.fields.limit === 'loaded-docs');
		expect(log?.fields.reason).toMatch(/plans are open/);
		await expectBreach(s.server, 'loaded-docs', 1);
		await expectUnaffected(s, 'while the server is full');

		const onThird = connectClient(s.server.wsBase, third.id, third.tokens.editor, { maxBackoffTime: 300 });
		await sleep(500);
		expect(onThird.provider.synced).toBe(false);
		onSecond.destroy(); // its plan turns idle and makes room
		await eventually(() => expect(onThird.isSaved()).toBe(true), { timeoutMs: 5_000 });
		expect(onThird.refusal()).toBeNull();
		await expectUnaffected(s, 'after the third plan loaded');
	});

	it('presence rate: excess presence is throttled and counted, the socket stays', async () => {
		const s = await setup({ awarenessPerSecond: 10, awarenessBurst: 20 });
		const seen = new Set<unknown>();
		s.bystander.provider.awareness.on('change', () => {
			for (const state of s.bystander.provider.awareness.getStates().values()) if ('n' in state) seen.add(state.n);
		});
		const socket = await raw(s.server, s.plan);
		const sender = new awarenessProtocol.Awareness(new Y.Doc());
		for (let n = 0; n < 200; n++) {
			sender.setLocalState({ n });
			socket.socket.send(awarenessFrame(awarenessProtocol.encodeAwarenessUpdate(sender, [sender.clientID])));
		}
		await sleep(300);
		const text = await (await fetch(`${s.server.url}/metrics`)).text();
		const dropped = metricValue(text, 'planbook_limit_breaches_total{limit="awareness-rate"}');
		expect(dropped).toBeGreaterThanOrEqual(170);
		expect(dropped).toBeLessThanOrEqual(180);
		// Logged once, not once per dropped message.
		expect(s.server.logs.filter((entry) => entry.fields.limit === 'awareness-rate')).toHaveLength(1);
		expect(socket.socket.readyState).toBe(socket.socket.OPEN);
		expect(seen.size).toBeGreaterThan(0);
		expect(seen.size).toBeLessThanOrEqual(30);
		// Still a working connection: a real edit from it is stored.
		const doc = new Y.Doc();
		doc.getText('scratch').insert(0, 'still here');
		socket.socket.send(updateFrame(Y.encodeStateAsUpdate(doc)));
		await eventually(() => expect(s.bystander.doc.getText('scratch').toString()).toBe('still here'));
		await expectUnaffected(s, 'after a presence flood');
		sender.destroy();
	});
});

/**
 * SharedDoc's scale-out half, deterministically: two "processes" (two SharedDocs of one plan) on
 * one shared log, joined by a bus that can drop messages. A stored update is published with its
 * seq and relayed by the other process; a duplicate is ignored; a dropped one is read from the
 * log once its gap outlives the grace period, and relayed to the local peers.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { silentLogger } from '../log';
import { ServerMetrics } from '../metrics';
import { MemoryStore } from '../persistence/memory-store';
import type { SequencedUpdate, SharedLogStore, UpdatesSince } from '../persistence/store';
import { SharedDoc } from '../collab/shared-doc';
import { captureUpdate, RecordingPeer } from '../collab/test-peer';
import { decodeClientUpdate } from '../collab/update-check';
import type { ControlMessage } from './bus-message';
import type { DocBus, PlanBusListener } from './doc-bus';

/** A memory store with per-plan gapless seqs (one plan per test), as PostgreSQL keeps them. */
class SharedMemoryLog extends MemoryStore implements SharedLogStore {
	readonly shared = true as const;
	readonly log: SequencedUpdate[] = [];

	override async createPlan(plan: Parameters<MemoryStore['createPlan']>[0]): Promise<void> {
		await super.createPlan(plan);
		this.log.push({ seq: 1, update: plan.initialUpdate });
	}

	override async appendUpdate(id: string, update: Uint8Array): Promise<number> {
		await super.appendUpdate(id, update);
		const seq = this.log.length + 1;
		this.log.push({ seq, update });
		return seq;
	}

	async updatesSince(_planId: string, afterSeq: number): Promise<UpdatesSince> {
		return { updates: this.log.filter((u) => u.seq > afterSeq), lastSeq: this.log.length };
	}

	async lastSeqs(planIds: readonly string[]): Promise<Map<string, number>> {
		return new Map(planIds.map((id) => [id, this.log.length]));
	}
}

/** Delivers what one process publishes to the other's listener, unless told to drop it. */
class TestBus implements DocBus {
	readonly processId: string;
	other: TestBus | undefined;
	readonly listeners = new Map<string, PlanBusListener>();
	dropNext = 0;
	published: number[] = [];

	constructor(id: string) {
		this.processId = id;
	}

	publishUpdate(planId: string, seq: number, update: Uint8Array): void {
		this.published.push(seq);
		if (this.dropNext > 0) {
			this.dropNext--;
			return;
		}
		this.other?.listeners.get(planId)?.update(seq, update);
	}

	publishAwareness(planId: string, update: Uint8Array): void {
		this.other?.listeners.get(planId)?.awareness(update);
	}

	publishControl(_control: ControlMessage): void {}
	subscribePlan(planId: string, listener: PlanBusListener): void {
		this.listeners.set(planId, listener);
	}
	unsubscribePlan(planId: string): void {
		this.listeners.delete(planId);
	}
	onControl(): void {}
	onReconnect(): void {}
	async close(): Promise<void> {}
}

async function setup(): Promise<{ author: Y.Doc; initialUpdate: Uint8Array; a: SharedDoc; b: SharedDoc; busA: TestBus; peerA: RecordingPeer; peerB: RecordingPeer }> {
	const store = new SharedMemoryLog();
	const author = new Y.Doc();
	const initialUpdate = captureUpdate(author, () => author.getText('body').insert(0, 'start'));
	await store.createPlan({ id: 'p', title: 'P', tokens: { owner: 'o', editor: 'e', viewer: 'v' }, initialUpdate });
	const [busA, busB] = [new TestBus('A'), new TestBus('B')];
	busA.other = busB;
	busB.other = busA;
	const open = async (bus: TestBus): Promise<SharedDoc> => {
		const shared = new SharedDoc({ planId: 'p', stored: await store.loadUpdates('p'), store, metrics: new ServerMetrics(), log: silentLogger(), compactEvery: 1_000, bus });
		bus.subscribePlan('p', { update: (seq, update) => shared.receiveRemote(seq, update), awareness: (update) => shared.receiveRemoteAwareness(update) });
		return shared;
	};
	const [a, b] = [await open(busA), await open(busB)];
	const [peerA, peerB] = [new RecordingPeer(), new RecordingPeer()];
	a.addPeer(peerA);
	b.addPeer(peerB);
	return { author, initialUpdate, a, b, busA, peerA, peerB };
}

function edit(author: Y.Doc, text: string): Uint8Array {
	return captureUpdate(author, () => author.getText('body').insert(author.getText('body').length, text));
}

describe('SharedDoc across processes', () => {
	it('publishes a stored update with its seq; the other process applies and relays it once', async () => {
		const { author, a, b, busA, peerB } = await setup();
		const update = edit(author, ' one');
		await a.submitUpdate(update, decodeClientUpdate(update), new RecordingPeer());
		expect(busA.published).toEqual([2]);
		expect(b.doc.getText('body').toString()).toBe('start one');
		expect(b.seqWatermark).toBe(2);
		expect(peerB.updates()).toHaveLength(1);
		b.receiveRemote(2, update); // a duplicate delivery
		expect(peerB.updates()).toHaveLength(1);
		expect(a.seqWatermark).toBe(2);
	});

	it('reads a dropped update from the log once its gap outlives the grace, and relays it', async () => {
		const { author, initialUpdate, a, b, busA, peerB } = await setup();
		const first = edit(author, ' lost');
		const second = edit(author, ' heard');
		busA.dropNext = 1;
		await a.submitUpdate(first, decodeClientUpdate(first), new RecordingPeer());
		await a.submitUpdate(second, decodeClientUpdate(second), new RecordingPeer());
		// B has seq 3 but not 2: Yjs holds ' heard' pending until ' lost' arrives.
		expect(b.seqWatermark).toBe(1);
		expect(b.doc.getText('body').toString()).toBe('start');
		await new Promise((resolve) => setTimeout(resolve, 500));
		expect(b.seqWatermark).toBe(3);
		expect(b.doc.getText('body').toString()).toBe('start lost heard');
		// B's client had the plan as it was ('start') and gets the rest from B's relays alone.
		const client = new Y.Doc();
		Y.applyUpdate(client, initialUpdate);
		for (const update of peerB.updates()) Y.applyUpdate(client, update);
		expect(client.getText('body').toString()).toBe('start lost heard');
	});

	it('catches up on demand, reading only what it lacks', async () => {
		const { author, a, b, busA } = await setup();
		busA.dropNext = 2;
		for (const text of [' x', ' y']) {
			const update = edit(author, text);
			await a.submitUpdate(update, decodeClientUpdate(update), new RecordingPeer());
		}
		expect(await b.catchUp()).toBe(2);
		expect(await b.catchUp()).toBe(0);
		expect(b.doc.getText('body').toString()).toBe('start x y');
	});
});

/**
 * The durability rule, checked deterministically: with the store's write held open, nothing is
 * applied, relayed or acknowledged; updates are stored and relayed in arrival order.
 */
import * as decoding from 'lib0/decoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { isCoveredBy } from '../../src/lib/collab/protocol';
import { silentLogger } from '../log';
import { ServerMetrics } from '../metrics';
import { MemoryStore } from '../persistence/memory-store';
import { SharedDoc } from './shared-doc';
import { openSharedDoc, submit } from './shared-doc-fixture';
import { captureUpdate, deferred, RecordingPeer } from './test-peer';

const TOKENS = { owner: 'o', editor: 'e', viewer: 'v' };

function setup(compactEvery = 100): ReturnType<typeof openSharedDoc> {
	return openSharedDoc({ compactEvery });
}

async function storedText(store: MemoryStore): Promise<string> {
	const doc = new Y.Doc();
	for (const update of (await store.loadUpdates('p')).updates) Y.applyUpdate(doc, update);
	return doc.getText('body').toString();
}

describe('SharedDoc.submitUpdate', () => {
	it('stores before it applies, relays or acknowledges', async () => {
		const { store, shared, author, a, b } = await setup();
		const gate = deferred();
		store.appendGate = () => gate.promise;
		const update = captureUpdate(author, () => author.getText('body').insert(5, ' more'));

		const result = submit(shared, update, a);
		await new Promise((resolve) => setTimeout(resolve, 10));
		expect(shared.doc.getText('body').toString()).toBe('start');
		expect(a.frames).toEqual([]);
		expect(b.frames).toEqual([]);

		gate.resolve();
		expect(await result).toBe('stored');
		expect(await storedText(store)).toBe('start more');
		expect(shared.doc.getText('body').toString()).toBe('start more');
		expect(b.updates()).toHaveLength(1);
		expect(a.updates()).toHaveLength(0); // never echoed to its sender
		const saved = a.lastSaved();
		expect(saved && isCoveredBy(Y.decodeStateVector(Y.encodeStateVector(author)), saved)).toBe(true);
	});

	it('keeps arrival order even when the first write is the slow one', async () => {
		const { store, shared, author, a, b } = await setup();
		const first = captureUpdate(author, () => author.getText('body').insert(5, ' one'));
		const second = captureUpdate(author, () => author.getText('body').insert(9, ' two'));
		const slow = deferred();
		let calls = 0;
		store.appendGate = () => (++calls === 1 ? slow.promise : Promise.resolve());

		const results = [submit(shared, first, a), submit(shared, second, a)];
		await new Promise((resolve) => setTimeout(resolve, 10));
		expect(b.frames).toEqual([]);
		slow.resolve();
		expect(await Promise.all(results)).toEqual(['stored', 'stored']);
		expect(b.updates()).toEqual([first, second]);
		expect((await store.loadUpdates('p')).updates.slice(1)).toEqual([first, second]);
		expect(await storedText(store)).toBe('start one two');
	});

	it('relays each update as stored, even one that waits for an earlier update, and peers converge', async () => {
		const { store, shared, author, a, b } = await setup();
		const first = captureUpdate(author, () => author.getText('body').insert(5, ' one'));
		const second = captureUpdate(author, () => author.getText('body').insert(9, ' two'));
		// `second` builds on `first`: Yjs keeps it pending until `first` arrives.
		expect(await submit(shared, second, a)).toBe('stored');
		expect(await submit(shared, first, a)).toBe('stored');
		expect(b.updates()).toEqual([second, first]);
		expect((await store.loadUpdates('p')).updates.slice(1)).toEqual([second, first]);
		const peer = new Y.Doc();
		for (const update of (await store.loadUpdates('p')).updates.slice(0, 1)) Y.applyUpdate(peer, update);
		for (const update of b.updates()) Y.applyUpdate(peer, update);
		expect(peer.getText('body').toString()).toBe('start one two');
		expect(shared.doc.getText('body').toString()).toBe('start one two');
	});

	it('applies, relays and acknowledges nothing when the write fails', async () => {
		const { store, shared, author, a, b } = await setup();
		store.appendGate = () => Promise.reject(new Error('disk full'));
		const update = captureUpdate(author, () => author.getText('body').insert(0, 'lost '));
		await expect(submit(shared, update, a)).rejects.toThrow('disk full');
		expect(shared.doc.getText('body').toString()).toBe('start');
		expect(a.frames).toEqual([]);
		expect(b.frames).toEqual([]);
		// The queue goes on.
		store.appendGate = async () => {};
		expect(await submit(shared, update, a)).toBe('stored');
	});

	it('acknowledges an update that adds nothing without storing it', async () => {
		const { store, shared, author, a, b } = await setup();
		const before = await store.loadUpdates('p');
		expect(await submit(shared, Y.encodeStateAsUpdate(author), a)).toBe('unchanged');
		expect((await store.loadUpdates('p')).lastSeq).toBe(before.lastSeq);
		expect(a.lastSaved()).toBeDefined();
		expect(b.frames).toEqual([]);
	});

	it('merges the log into a snapshot every `compactEvery` updates', async () => {
		const { store, shared, author, a } = await setup(3);
		for (const word of [' a', ' b', ' c', ' d']) {
			await submit(shared, captureUpdate(author, () => author.getText('body').insert(author.getText('body').length, word)), a);
		}
		const stored = await store.loadUpdates('p');
		// The initial update plus ' a', ' b' reach 3 and are merged; ' c', ' d' follow the snapshot.
		expect(stored.appendedCount).toBe(2);
		expect(stored.updates).toHaveLength(3);
		expect(await storedText(store)).toBe('start a b c d');
	});

	it('waits with compaction until the log weighs a quarter of a large snapshot', async () => {
		const store = new MemoryStore();
		const author = new Y.Doc();
		const initialUpdate = captureUpdate(author, () => author.getText('body').insert(0, 'x'.repeat(4000)));
		await store.createPlan({ id: 'p', title: 'P', tokens: TOKENS, initialUpdate });
		await store.compact('p', initialUpdate, (await store.loadUpdates('p')).lastSeq); // a 4 kB snapshot
		const shared = new SharedDoc({ planId: 'p', stored: await store.loadUpdates('p'), store, metrics: new ServerMetrics(), log: silentLogger(), compactEvery: 3 });
		const a = new RecordingPeer();
		shared.addPeer(a);
		const type = async (text: string): Promise<void> => {
			await submit(shared, captureUpdate(author, () => author.getText('body').insert(0, text)), a);
		};
		for (let i = 0; i < 5; i++) await type('y');
		expect((await store.loadUpdates('p')).appendedCount).toBe(5); // many updates, few bytes
		await type('z'.repeat(1200));
		expect((await store.loadUpdates('p')).appendedCount).toBe(0);
		expect(await storedText(store)).toBe(author.getText('body').toString());
	});
});

describe('SharedDoc peers', () => {
	it('removes the awareness states a peer announced when it leaves', async () => {
		const { shared, a, b } = await setup();
		const remote = new awarenessProtocol.Awareness(new Y.Doc());
		remote.setLocalState({ user: 'Alice' });
		awarenessProtocol.applyAwarenessUpdate(shared.awareness, awarenessProtocol.encodeAwarenessUpdate(remote, [remote.clientID]), a);
		expect(shared.awareness.getStates().has(remote.clientID)).toBe(true);
		// Presence is relayed coalesced, within one flush interval (awareness-relay.ts).
		await vi.waitFor(() => expect(b.frames.some((f) => f.kind === 'awareness')).toBe(true));
		const framesBefore = b.frames.length;
		shared.removePeer(a);
		expect(shared.awareness.getStates().has(remote.clientID)).toBe(false);
		await vi.waitFor(() => expect(b.frames.length).toBe(framesBefore + 1)); // the removal, relayed
		remote.destroy();
	});

	it('closes every peer when the plan is discarded and ignores later updates', async () => {
		const { shared, author, a, b } = await setup();
		shared.discard(4404, 'deleted');
		expect(a.closed).toEqual({ code: 4404, reason: 'deleted' });
		expect(b.closed).toEqual({ code: 4404, reason: 'deleted' });
		const update = captureUpdate(author, () => author.getText('body').insert(0, 'x'));
		expect(await submit(shared, update, a)).toBe('discarded');
	});
});

describe('SharedDoc.syncStep2For', () => {
	it('encodes the whole doc once for every client that has nothing, and again after a change', async () => {
		const { shared, author, a } = await setup();
		const empty = Y.encodeStateVector(new Y.Doc());
		const first = shared.syncStep2For(empty);
		expect(shared.syncStep2For(empty)).toBe(first);
		await submit(shared, captureUpdate(author, () => author.getText('body').insert(5, ' more')), a);
		const after = shared.syncStep2For(empty);
		expect(after).not.toBe(first);
		const joiner = new Y.Doc();
		// A sync frame: message type, step, then the update.
		const decoder = decoding.createDecoder(after);
		decoding.readVarUint(decoder);
		decoding.readVarUint(decoder);
		Y.applyUpdate(joiner, decoding.readVarUint8Array(decoder));
		expect(joiner.getText('body').toString()).toBe('start more');
		// A client that has part of the doc gets only what it lacks, not the shared frame.
		expect(shared.syncStep2For(Y.encodeStateVector(joiner))).not.toBe(after);
	});
});

/** Loading once, unloading when idle (compacting), and loading again after an unload. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { silentLogger } from '../log';
import { ServerMetrics } from '../metrics';
import { MemoryStore } from '../persistence/memory-store';
import type { StoredUpdates } from '../persistence/store';
import { DocRegistry } from './doc-registry';
import { captureUpdate, deferred, RecordingPeer } from './test-peer';
import { decodeClientUpdate } from './update-check';

class CountingStore extends MemoryStore {
	loads = 0;
	override async loadUpdates(id: string): Promise<StoredUpdates> {
		this.loads++;
		return super.loadUpdates(id);
	}
}

async function setup(idleUnloadMs = 20): Promise<{ store: CountingStore; registry: DocRegistry; metrics: ServerMetrics; author: Y.Doc }> {
	const store = new CountingStore();
	const author = new Y.Doc();
	const initialUpdate = captureUpdate(author, () => author.getText('body').insert(0, 'start'));
	await store.createPlan({ id: 'p', title: 'P', tokens: { owner: 'o', editor: 'e', viewer: 'v' }, initialUpdate });
	const metrics = new ServerMetrics();
	const registry = new DocRegistry({ store, metrics, log: silentLogger(), idleUnloadMs, compactEvery: 1000 });
	return { store, registry, metrics, author };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('DocRegistry', () => {
	it('shares one load between concurrent first connections', async () => {
		const { store, registry, metrics } = await setup();
		const [one, two, three] = await Promise.all([registry.acquire('p'), registry.acquire('p'), registry.acquire('p')]);
		expect(one).toBe(two);
		expect(two).toBe(three);
		expect(store.loads).toBe(1);
		expect(metrics.loadedDocs).toBe(1);
		expect(one.doc.getText('body').toString()).toBe('start');
		await registry.close();
	});

	it('unloads an idle plan after the timeout, compacting it, and loads it afresh later', async () => {
		const { store, registry, metrics, author } = await setup();
		const shared = await registry.acquire('p');
		const peer = new RecordingPeer();
		shared.addPeer(peer);
		const update = captureUpdate(author, () => author.getText('body').insert(5, ' edited'));
		await shared.submitUpdate(update, decodeClientUpdate(update), peer);
		shared.removePeer(peer);
		registry.release(shared);
		expect(registry.loaded('p')).toBe(shared);

		await sleep(60);
		expect(registry.loaded('p')).toBeUndefined();
		expect(metrics.loadedDocs).toBe(0);
		const stored = await store.loadUpdates('p');
		expect(stored.appendedCount).toBe(0);
		expect(stored.updates).toHaveLength(1);

		const again = await registry.acquire('p');
		expect(again).not.toBe(shared);
		expect(again.doc.getText('body').toString()).toBe('start edited');
		await registry.close();
	});

	it('keeps a plan that is acquired again before the timeout', async () => {
		const { registry } = await setup(40);
		const shared = await registry.acquire('p');
		registry.release(shared);
		await sleep(10);
		expect(await registry.acquire('p')).toBe(shared);
		await sleep(80);
		expect(registry.loaded('p')).toBe(shared);
		await registry.close();
	});

	it('waits for an unload to be stored before loading the plan again', async () => {
		const { store, registry, author } = await setup(5);
		const shared = await registry.acquire('p');
		const peer = new RecordingPeer();
		shared.addPeer(peer);
		// Hold the write of an update the leaving client sent, past the idle timeout.
		const gate = deferred();
		store.appendGate = () => gate.promise;
		const update = captureUpdate(author, () => author.getText('body').insert(5, ' late'));
		const submitted = shared.submitUpdate(update, decodeClientUpdate(update), peer);
		shared.removePeer(peer);
		registry.release(shared);
		await sleep(30); // the unload has started and waits behind the held write
		const reloading = registry.acquire('p');
		gate.resolve();
		await submitted;
		const reloaded = await reloading;
		expect(reloaded).not.toBe(shared);
		expect(reloaded.doc.getText('body').toString()).toBe('start late');
		await registry.close();
	});

	it('forgets a failed load so the next connection retries', async () => {
		const { store, registry } = await setup();
		const original = store.loadUpdates.bind(store);
		store.loadUpdates = () => Promise.reject(new Error('io error'));
		await expect(registry.acquire('p')).rejects.toThrow('io error');
		store.loadUpdates = original;
		expect((await registry.acquire('p')).doc.getText('body').toString()).toBe('start');
		await registry.close();
	});

	it('discards a deleted plan: peers closed with 4404, nothing stored', async () => {
		const { registry, metrics } = await setup();
		const shared = await registry.acquire('p');
		const peer = new RecordingPeer();
		shared.addPeer(peer);
		await registry.discard('p');
		expect(peer.closed?.code).toBe(4404);
		expect(registry.loaded('p')).toBeUndefined();
		expect(metrics.loadedDocs).toBe(0);
		registry.release(shared); // the closing socket's late release is ignored
		await registry.close();
	});
});

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { LocalDocPersistence, LOCAL_ORIGIN, type LocalDocStore, type PendingStore } from './local-persistence';

/**
 * An in-memory store with the same contract as storage's dexieDocStore. With `unloading` set,
 * writes are lost, as IndexedDB writes started while a page unloads are.
 */
function memoryStore(): LocalDocStore & { writes: number; unloading: boolean; record: { state: Uint8Array; writer: string } | null } {
	const store = {
		writes: 0,
		unloading: false,
		record: null as { state: Uint8Array; writer: string } | null,
		async load() {
			return store.record?.state ?? null;
		},
		async store(_id: string, writer: string, next: (p: { state: Uint8Array; writer: string } | null) => Uint8Array) {
			// A write started while the page unloads never completes.
			if (store.unloading) return new Promise<void>(() => {});
			const state = next(store.record);
			store.record = { state, writer };
			store.writes++;
		}
	};
	return store;
}

/** The pending store over a Map, like storage's storagePendingUpdates over localStorage. */
function memoryPending(): PendingStore & { entries: Map<string, Uint8Array> } {
	const entries = new Map<string, Uint8Array>();
	const keyOf = (id: string, writer: string) => `${id}.${writer}`;
	return {
		entries,
		keyOf,
		set(id, writer, update) {
			entries.set(keyOf(id, writer), update);
			return true;
		},
		list(id) {
			return [...entries].filter(([k]) => k.startsWith(`${id}.`)).map(([key, update]) => ({ key, update }));
		},
		remove(key) {
			entries.delete(key);
		}
	};
}

describe('local doc persistence', () => {
	it('saves what the doc held before it was attached (a plan downloaded first), merged with what was stored', async () => {
		const store = memoryStore();
		const stored = new Y.Doc();
		stored.getMap('meta').set('year', 2028);
		store.record = { state: Y.encodeStateAsUpdate(stored), writer: 'old' };
		const doc = new Y.Doc();
		doc.getMap('meta').set('title', 'Downloaded');

		const persistence = new LocalDocPersistence({ doc, id: 'p', store, debounceMs: 20 });
		expect(persistence.dirty).toBe(true);
		await persistence.load();
		await expect.poll(() => store.writes).toBe(1);
		const reloaded = new Y.Doc();
		Y.applyUpdate(reloaded, store.record?.state ?? new Uint8Array());
		expect(reloaded.getMap('meta').toJSON()).toEqual({ title: 'Downloaded', year: 2028 });
	});

	it('loads without saving again, and saves edits debounced', async () => {
		const store = memoryStore();
		const first = new Y.Doc();
		first.getMap('meta').set('title', 'A');
		store.record = { state: Y.encodeStateAsUpdate(first), writer: 'old' };

		const doc = new Y.Doc();
		const origins: unknown[] = [];
		doc.on('update', (_u: Uint8Array, origin: unknown) => origins.push(origin));
		const persistence = new LocalDocPersistence({ doc, id: 'p', store, debounceMs: 20 });
		expect(await persistence.load()).toBe(true);
		expect(origins).toEqual([LOCAL_ORIGIN]);
		expect(persistence.dirty).toBe(false);

		doc.getMap('meta').set('title', 'B');
		doc.getMap('meta').set('year', 2028);
		expect(persistence.dirty).toBe(true);
		await expect.poll(() => store.writes).toBe(1);

		const reloaded = new Y.Doc();
		Y.applyUpdate(reloaded, store.record?.state ?? new Uint8Array());
		expect(reloaded.getMap('meta').toJSON()).toEqual({ title: 'B', year: 2028 });
		await persistence.destroy();
	});

	it('merges what another tab stored instead of overwriting it', async () => {
		const store = memoryStore();
		const tabA = new Y.Doc();
		const tabB = new Y.Doc();
		const a = new LocalDocPersistence({ doc: tabA, id: 'p', store, debounceMs: 1000 });
		const b = new LocalDocPersistence({ doc: tabB, id: 'p', store, debounceMs: 1000 });
		tabA.getArray('sections').push(['from A']);
		tabB.getArray('sections').push(['from B']);
		await a.flush();
		await b.flush();

		const merged = new Y.Doc();
		Y.applyUpdate(merged, store.record?.state ?? new Uint8Array());
		expect((merged.getArray('sections').toArray() as string[]).sort()).toEqual(['from A', 'from B']);
		await a.destroy();
		await b.destroy();
	});

	it('edits made just before the page unloads survive through the pending store', async () => {
		const store = memoryStore();
		const pending = memoryPending();
		const doc = new Y.Doc();
		const persistence = new LocalDocPersistence({ doc, id: 'p', store, pending, debounceMs: 60_000 });
		doc.getArray('sections').push(['saved normally']);
		await persistence.flush();

		doc.getArray('sections').push(['typed at the last moment']);
		store.unloading = true;
		persistence.flushUrgently();
		await Promise.resolve();
		expect(pending.entries.size).toBe(1);

		// Reload: the database lacks the last edit, the pending entry brings it back and is then saved.
		store.unloading = false;
		const reloaded = new Y.Doc();
		const again = new LocalDocPersistence({ doc: reloaded, id: 'p', store, pending, debounceMs: 60_000 });
		expect(await again.load()).toBe(true);
		expect(reloaded.getArray('sections').toArray()).toEqual(['saved normally', 'typed at the last moment']);
		expect(again.dirty).toBe(true);
		await again.flush();
		expect(pending.entries.size).toBe(0);
		const fromDb = new Y.Doc();
		Y.applyUpdate(fromDb, store.record?.state ?? new Uint8Array());
		expect(fromDb.getArray('sections').toArray()).toEqual(['saved normally', 'typed at the last moment']);
		await again.destroy();
	});

	it('a hidden tab that lives on saves normally and drops its pending entry', async () => {
		const store = memoryStore();
		const pending = memoryPending();
		const doc = new Y.Doc();
		const persistence = new LocalDocPersistence({ doc, id: 'p', store, pending, debounceMs: 60_000 });
		doc.getMap('meta').set('title', 'x');
		persistence.flushUrgently();
		expect(pending.entries.size).toBe(1);
		await persistence.flush();
		expect(pending.entries.size).toBe(0);
		expect(store.writes).toBe(1);
		await persistence.destroy();
	});

	it('flushes on destroy', async () => {
		const store = memoryStore();
		const doc = new Y.Doc();
		const persistence = new LocalDocPersistence({ doc, id: 'p', store, debounceMs: 60_000 });
		doc.getMap('meta').set('title', 'late');
		await persistence.destroy();
		expect(store.writes).toBe(1);
	});
});

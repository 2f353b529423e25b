/**
 * The PlanStore contract, run against every backend: tokens, append order, compaction that never
 * loses an update appended meanwhile, deletion.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MemoryStore } from './memory-store';
import { openSqliteStore } from './sqlite-store';
import { PlanNotFoundError, type PlanStore } from './store';

const dirs: string[] = [];
const stores: PlanStore[] = [];

afterEach(async () => {
	await Promise.all(stores.splice(0).map((store) => store.close()));
	for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const FIXED_NOW = () => new Date('2027-03-01T08:00:00.000Z');

const backends: [string, () => PlanStore][] = [
	[
		'SqliteStore',
		() => {
			const dir = mkdtempSync(join(tmpdir(), 'planbook-store-'));
			dirs.push(dir);
			return openSqliteStore({ dataDir: dir, now: FIXED_NOW });
		}
	],
	['MemoryStore', () => new MemoryStore(FIXED_NOW)]
];

/** A doc edit as an update, from a doc with a fixed client id (so tests are repeatable). */
function edit(doc: Y.Doc, text: string): Uint8Array {
	let update: Uint8Array | undefined;
	const capture = (u: Uint8Array): void => {
		update = u;
	};
	doc.on('update', capture);
	doc.getArray<string>('lines').push([text]);
	doc.off('update', capture);
	if (!update) throw new Error('no update');
	return update;
}

function linesOf(updates: readonly Uint8Array[]): string[] {
	const doc = new Y.Doc();
	for (const update of updates) Y.applyUpdate(doc, update);
	return doc.getArray<string>('lines').toArray();
}

const TOKENS = { owner: 'owner-token', editor: 'editor-token', viewer: 'viewer-token' };

describe.each(backends)('%s', (_name, open) => {
	async function withPlan(): Promise<{ store: PlanStore; doc: Y.Doc }> {
		const store = open();
		stores.push(store);
		const doc = new Y.Doc();
		doc.clientID = 1;
		await store.createPlan({ id: 'plan-1', title: 'Plan one', tokens: TOKENS, initialUpdate: edit(doc, 'created') });
		return { store, doc };
	}

	it('finds tokens and plan info', async () => {
		const { store } = await withPlan();
		expect(await store.findToken('editor-token')).toEqual({ planId: 'plan-1', role: 'editor' });
		expect(await store.findToken('nope')).toBeNull();
		expect(await store.planExists('plan-1')).toBe(true);
		expect(await store.planExists('plan-2')).toBe(false);
		expect(await store.planInfo('plan-1')).toEqual({
			id: 'plan-1',
			title: 'Plan one',
			createdAt: '2027-03-01T08:00:00.000Z',
			updatedAt: '2027-03-01T08:00:00.000Z'
		});
	});

	it('refuses a duplicate token', async () => {
		const { store } = await withPlan();
		await expect(store.createPlan({ id: 'plan-2', title: 'x', tokens: TOKENS, initialUpdate: new Uint8Array([0, 0]) })).rejects.toThrow();
	});

	it('returns appended updates in order, with increasing sequence numbers', async () => {
		const { store, doc } = await withPlan();
		const first = await store.appendUpdate('plan-1', edit(doc, 'a'));
		const second = await store.appendUpdate('plan-1', edit(doc, 'b'));
		expect(second).toBeGreaterThan(first);
		const stored = await store.loadUpdates('plan-1');
		expect(linesOf(stored.updates)).toEqual(['created', 'a', 'b']);
		expect(stored.lastSeq).toBe(second);
		expect(stored.appendedCount).toBe(3);
	});

	it('refuses an append to an unknown plan', async () => {
		const { store, doc } = await withPlan();
		await expect(store.appendUpdate('plan-2', edit(doc, 'x'))).rejects.toBeInstanceOf(PlanNotFoundError);
	});

	it('keeps an update appended while a compaction was being prepared', async () => {
		const { store, doc } = await withPlan();
		for (const line of ['a', 'b', 'c']) await store.appendUpdate('plan-1', edit(doc, line));
		const loaded = await store.loadUpdates('plan-1');
		const merged = Y.mergeUpdates(loaded.updates);
		// Appended after the load, before the compaction lands: must survive it.
		await store.appendUpdate('plan-1', edit(doc, 'late'));
		await store.compact('plan-1', merged, loaded.lastSeq, { title: 'Renamed' });

		const after = await store.loadUpdates('plan-1');
		expect(after.updates).toHaveLength(2); // the snapshot, then the late update
		expect(after.appendedCount).toBe(1);
		expect(linesOf(after.updates)).toEqual(['created', 'a', 'b', 'c', 'late']);
		expect((await store.planInfo('plan-1'))?.title).toBe('Renamed');

		// A second compaction and more appends keep the same guarantee.
		const again = await store.loadUpdates('plan-1');
		await store.appendUpdate('plan-1', edit(doc, 'later'));
		await store.compact('plan-1', Y.mergeUpdates(again.updates), again.lastSeq);
		expect(linesOf((await store.loadUpdates('plan-1')).updates)).toEqual(['created', 'a', 'b', 'c', 'late', 'later']);
	});

	it('never lets an older compaction replace a newer snapshot', async () => {
		const { store, doc } = await withPlan();
		await store.appendUpdate('plan-1', edit(doc, 'a'));
		const old = await store.loadUpdates('plan-1');
		await store.appendUpdate('plan-1', edit(doc, 'b'));
		const newer = await store.loadUpdates('plan-1');
		await store.compact('plan-1', Y.mergeUpdates(newer.updates), newer.lastSeq);
		await store.compact('plan-1', Y.mergeUpdates(old.updates), old.lastSeq);
		expect(linesOf((await store.loadUpdates('plan-1')).updates)).toEqual(['created', 'a', 'b']);
	});

	it('deletes a plan’s content but keeps its tokens (so clients learn "unknown plan")', async () => {
		const { store, doc } = await withPlan();
		await store.appendUpdate('plan-1', edit(doc, 'a'));
		expect(await store.deletePlan('plan-1')).toBe(true);
		expect(await store.deletePlan('plan-1')).toBe(false);
		expect(await store.planExists('plan-1')).toBe(false);
		expect((await store.loadUpdates('plan-1')).updates).toEqual([]);
		expect(await store.findToken('owner-token')).toEqual({ planId: 'plan-1', role: 'owner' });
		await store.compact('plan-1', new Uint8Array([0, 0]), 99); // a late compaction is a no-op
		expect(await store.planExists('plan-1')).toBe(false);
	});
});

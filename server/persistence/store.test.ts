/**
 * The PlanStore contract, run against every backend: tokens, append order, compaction that never
 * loses an update appended meanwhile, deletion, token rotation, versions and workshops. The
 * PostgreSQL backend runs when a server is reachable (tests/integration/helpers/services.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { dropSchema, postgresAvailable, postgresUrl, serviceWarning, truncateSchema, uniqueSchema } from '../../tests/integration/helpers/services';
import { MemoryStore } from './memory-store';
import { openPostgresStore } from './postgres-store';
import { openSqliteStore } from './sqlite-store';
import { PlanNotFoundError, type PlanStore } from './store';

const dirs: string[] = [];
const stores: PlanStore[] = [];
const postgres = await postgresAvailable();
if (!postgres) console.warn(serviceWarning('server/persistence/store.test.ts', ['postgres']));
/** This file's schema: emptied before each test, dropped after the last. */
const schema = uniqueSchema('planbook_contract');

afterEach(async () => {
	await Promise.all(stores.splice(0).map((store) => store.close()));
	for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

afterAll(async () => {
	if (postgres) await dropSchema(postgresUrl(), schema);
});

const FIXED_NOW = () => new Date('2027-03-01T08:00:00.000Z');

interface Backend {
	name: string;
	open: () => Promise<PlanStore>;
	skip?: boolean;
}

const backends: Backend[] = [
	{
		name: 'SqliteStore',
		open: async () => {
			const dir = mkdtempSync(join(tmpdir(), 'planbook-store-'));
			dirs.push(dir);
			return openSqliteStore({ dataDir: dir, now: FIXED_NOW });
		}
	},
	{ name: 'MemoryStore', open: async () => new MemoryStore(FIXED_NOW) },
	{
		name: 'PostgresStore',
		skip: !postgres,
		open: async () => {
			await truncateSchema(postgresUrl(), schema);
			return openPostgresStore({ connectionString: postgresUrl(), schema, now: FIXED_NOW, poolSize: 4 });
		}
	}
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

for (const { name, open, skip = false } of backends) describe.skipIf(skip)(name, () => {
	async function withPlan(): Promise<{ store: PlanStore; doc: Y.Doc }> {
		const store = await open();
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

	it('rotates a token: the old one stops working, the new one grants the same role', async () => {
		const { store } = await withPlan();
		expect(await store.rotateToken('plan-1', 'editor', 'editor-2')).toBe('editor-token');
		expect(await store.findToken('editor-token')).toBeNull();
		expect(await store.findToken('editor-2')).toEqual({ planId: 'plan-1', role: 'editor' });
		expect(await store.findToken('viewer-token')).toEqual({ planId: 'plan-1', role: 'viewer' });
		expect(await store.rotateToken('plan-2', 'editor', 'editor-3')).toBeNull();
		expect(await store.findToken('editor-3')).toBeNull();
	});

	it('keeps versions newest first, per plan, and deletes them with the plan', async () => {
		const { store, doc } = await withPlan();
		const version = (id: string, createdAt: string, auto = false) => {
			edit(doc, id);
			return { id, name: `v ${id}`, createdAt, createdBy: auto ? '' : 'Ana', auto, state: Y.encodeStateAsUpdate(doc) };
		};
		await store.createVersion('plan-1', version('v1', '2027-03-01T08:00:00.000Z', true));
		await store.createVersion('plan-1', version('v2', '2027-03-02T08:00:00.000Z'));
		await store.createVersion('plan-1', version('v3', '2027-03-02T08:00:00.000Z'));
		await expect(store.createVersion('plan-2', version('v4', '2027-03-02T08:00:00.000Z'))).rejects.toBeInstanceOf(PlanNotFoundError);
		const listed = await store.listVersions('plan-1');
		expect(listed.map((v) => v.id)).toEqual(['v3', 'v2', 'v1']);
		expect(listed[2]).toEqual({ id: 'v1', name: 'v v1', createdAt: '2027-03-01T08:00:00.000Z', createdBy: '', auto: true });
		const state = await store.loadVersion('plan-1', 'v2');
		expect(state && linesOf([state])).toEqual(['created', 'v1', 'v2']);
		expect(await store.loadVersion('plan-2', 'v2')).toBeNull();
		expect(await store.loadVersion('plan-1', 'nope')).toBeNull();
		await store.deletePlan('plan-1');
		expect(await store.listVersions('plan-1')).toEqual([]);
		expect(await store.loadVersion('plan-1', 'v2')).toBeNull();
	});

	it('groups team plans in a workshop that only its trainer token opens and locks', async () => {
		const { store } = await withPlan();
		const teams = [{ name: 'Team A', planId: 'plan-1', tokens: TOKENS }];
		await store.createWorkshop({ id: 'w1', title: 'Spring', createdAt: '2027-03-01T08:00:00.000Z', locked: false, teams }, 'trainer');
		expect(await store.findWorkshop('w1', 'trainer')).toEqual({ id: 'w1', title: 'Spring', createdAt: '2027-03-01T08:00:00.000Z', locked: false, teams });
		expect(await store.findWorkshop('w1', 'wrong')).toBeNull();
		expect(await store.isPlanLocked('plan-1')).toBe(false);
		expect(await store.setWorkshopLocked('w1', 'wrong', true)).toBeNull();
		expect((await store.setWorkshopLocked('w1', 'trainer', true))?.locked).toBe(true);
		expect(await store.isPlanLocked('plan-1')).toBe(true);
		expect(await store.isPlanLocked('plan-2')).toBe(false);
		await store.setWorkshopLocked('w1', 'trainer', false);
		expect(await store.isPlanLocked('plan-1')).toBe(false);
		await store.createWorkshop({ id: 'w2', title: 'Empty', createdAt: '2027-03-01T08:00:00.000Z', locked: false, teams: [] }, 'trainer-2');
		expect((await store.findWorkshop('w2', 'trainer-2'))?.teams).toEqual([]);
	});
});

/**
 * PostgreSQL specifics (the shared contract is in store.test.ts): migrations under concurrent
 * starts, gapless seqs from two processes, compaction that merges instead of replacing, catch-up
 * reads, the connection error. Two stores on one schema stand for two server processes (two pools).
 */
import pg from 'pg';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { dropSchema, postgresAvailable, postgresUrl, serviceWarning, uniqueSchema } from '../../tests/integration/helpers/services';
import { migratePostgres, POSTGRES_MIGRATIONS, PostgresSchemaError } from './postgres-migrations';
import { qualifiedTables } from './postgres-pool';
import { openPostgresStore, type PostgresStore } from './postgres-store';
import { PlanNotFoundError } from './store';

const available = await postgresAvailable();
if (!available) console.warn(serviceWarning('server/persistence/postgres-store.test.ts', ['postgres']));

const url = postgresUrl();
/** This file's schema; tests that need an empty one add their own, dropped with it. */
const schema = uniqueSchema('planbook_pg');
const schemas = [schema];
const stores: PostgresStore[] = [];
const pools: pg.Pool[] = [];

afterEach(async () => {
	await Promise.all(stores.splice(0).map((store) => store.close()));
	await Promise.all(pools.splice(0).map((pool) => pool.end()));
});

afterAll(async () => {
	if (available) for (const name of schemas) await dropSchema(url, name);
});

async function open(inSchema = schema): Promise<PostgresStore> {
	const store = await openPostgresStore({ connectionString: url, schema: inSchema, poolSize: 4 });
	stores.push(store);
	return store;
}

function freshSchema(): string {
	const name = uniqueSchema('planbook_pg_fresh');
	schemas.push(name);
	return name;
}

let planCount = 0;
/** A new plan (unique id and tokens) in `store`. */
async function newPlan(store: PostgresStore): Promise<string> {
	const id = `plan-${++planCount}`;
	const tokens = { owner: `${id}-o`, editor: `${id}-e`, viewer: `${id}-v` };
	await store.createPlan({ id, title: id, tokens, initialUpdate: keyUpdate('created') });
	return id;
}

/** An update from its own doc that sets `key` in the map `keys`: independent of every other one. */
function keyUpdate(key: string): Uint8Array {
	const doc = new Y.Doc();
	doc.getMap('keys').set(key, true);
	return Y.encodeStateAsUpdate(doc);
}

function keysOf(updates: readonly Uint8Array[]): string[] {
	const doc = new Y.Doc();
	for (const update of updates) Y.applyUpdate(doc, update);
	return [...doc.getMap('keys').keys()].sort();
}

const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe.skipIf(!available)('PostgresStore', () => {
	it('migrates exactly once when two processes open a new schema at once; reopening is a no-op', async () => {
		const fresh = freshSchema();
		const [a, b] = await Promise.all([open(fresh), open(fresh)]);
		const tables = qualifiedTables(fresh);
		const pool = new pg.Pool({ connectionString: url });
		pools.push(pool);
		const recorded = await pool.query(`SELECT id, name FROM ${tables.planbook_migrations} ORDER BY id`);
		expect(recorded.rows).toEqual(POSTGRES_MIGRATIONS.map(({ id, name }) => ({ id, name })));
		expect(await migratePostgres({ pool, schema: fresh, tables })).toEqual([]);
		// Both stores work on the one set of tables.
		const id = await newPlan(a);
		expect(await b.planExists(id)).toBe(true);

		// Two migrators racing on another new schema share the work, each migration applied once.
		const other = freshSchema();
		const results = await Promise.all([0, 1].map(() => migratePostgres({ pool, schema: other, tables: qualifiedTables(other) })));
		expect(results.flat().sort()).toEqual(POSTGRES_MIGRATIONS.map((m) => m.name).sort());
	});

	it('refuses a schema written by a newer version', async () => {
		const fresh = freshSchema();
		const tables = qualifiedTables(fresh);
		const pool = new pg.Pool({ connectionString: url });
		pools.push(pool);
		const next = { id: POSTGRES_MIGRATIONS.length + 1, name: 'add-plan-notes', up: (db: pg.PoolClient | pg.Pool, t: typeof tables) => db.query(`ALTER TABLE ${t.plans} ADD COLUMN notes text`) };
		expect(await migratePostgres({ pool, schema: fresh, tables, migrations: [...POSTGRES_MIGRATIONS, next] })).toContain('add-plan-notes');
		await expect(openPostgresStore({ connectionString: url, schema: fresh })).rejects.toThrow(PostgresSchemaError);
	});

	it('gives gapless seqs, visible in order, to concurrent appends from two processes', async () => {
		const [a, b] = [await open(), await open()];
		const id = await newPlan(a);
		const perStore = 40;
		// A reader polling meanwhile must only ever see a prefix 1..N: seqs commit in order.
		let appending = true;
		const reader = (async () => {
			let reads = 0;
			while (appending) {
				const since = await b.updatesSince(id, 0);
				expect(since.updates.map((u) => u.seq)).toEqual(range(1, since.lastSeq));
				reads++;
			}
			return reads;
		})();
		const seqs = await Promise.all(
			[a, b].flatMap((store, s) => range(1, perStore).map((i) => store.appendUpdate(id, keyUpdate(`${s}-${i}`))))
		).finally(() => {
			appending = false;
		});
		expect(await reader).toBeGreaterThan(0);
		expect([...seqs].sort((x, y) => x - y)).toEqual(range(2, 2 * perStore + 1));
		const stored = await a.loadUpdates(id);
		expect(stored.lastSeq).toBe(2 * perStore + 1);
		expect(stored.appendedCount).toBe(2 * perStore + 1);
		expect(keysOf(stored.updates)).toHaveLength(2 * perStore + 1);
	});

	it('loses nothing when one process compacts while the other appends, or both compact', async () => {
		const [a, b] = [await open(), await open()];
		const id = await newPlan(a);
		const keys = range(1, 60).map((i) => `k${i}`);
		let appending = true;
		/** Compacts from `store` with the state it loads, over and over, like a process would. */
		const compactor = async (store: PostgresStore): Promise<void> => {
			while (appending) {
				const loaded = await store.loadUpdates(id);
				await store.compact(id, Y.mergeUpdates(loaded.updates), loaded.lastSeq);
			}
		};
		const compacting = Promise.all([compactor(b), compactor(b), compactor(a)]);
		for (const key of keys) await a.appendUpdate(id, keyUpdate(key));
		appending = false;
		await compacting;
		const stored = await b.loadUpdates(id);
		expect(keysOf(stored.updates)).toEqual(['created', ...keys].sort());
		expect(stored.lastSeq).toBe(keys.length + 1);
		expect(stored.appendedCount).toBeLessThan(keys.length + 1); // the compactions did compact
	});

	it('keeps stored updates that the compacting doc lacks (a dropped bus message)', async () => {
		const store = await open();
		const id = await newPlan(store);
		for (const key of ['a', 'b', 'c', 'd']) await store.appendUpdate(id, keyUpdate(key));
		// This process's doc only has seqs 1–2 and 5 (it missed 3 and 4), yet compacts up to 5.
		const partial = Y.mergeUpdates([keyUpdate('created'), keyUpdate('a'), keyUpdate('d')]);
		await store.compact(id, partial, 5, { title: 'Renamed' });
		const stored = await store.loadUpdates(id);
		expect(stored).toMatchObject({ lastSeq: 5, appendedCount: 0 });
		expect(stored.updates).toHaveLength(1);
		expect(keysOf(stored.updates)).toEqual(['a', 'b', 'c', 'created', 'd']);
		expect((await store.planInfo(id))?.title).toBe('Renamed');
	});

	it('reads what a process missed, before and after a compaction', async () => {
		const store = await open();
		const id = await newPlan(store);
		for (const key of ['a', 'b', 'c', 'd']) await store.appendUpdate(id, keyUpdate(key));
		const before = await store.updatesSince(id, 3);
		expect(before.snapshot).toBeUndefined();
		expect(before.updates.map((u) => u.seq)).toEqual([4, 5]);
		expect(keysOf(before.updates.map((u) => u.update))).toEqual(['c', 'd']);
		expect(before.lastSeq).toBe(5);

		const loaded = await store.loadUpdates(id);
		await store.compact(id, Y.mergeUpdates(loaded.updates.slice(0, 3)), 3);
		await store.appendUpdate(id, keyUpdate('e'));
		// Behind the snapshot: the snapshot, then what follows it.
		const behind = await store.updatesSince(id, 1);
		expect(behind.snapshot && keysOf([behind.snapshot])).toEqual(['a', 'b', 'created']);
		expect(behind.updates.map((u) => u.seq)).toEqual([4, 5, 6]);
		// At or past the snapshot: only the log.
		const after = await store.updatesSince(id, 3);
		expect(after.snapshot).toBeUndefined();
		expect(after.updates.map((u) => u.seq)).toEqual([4, 5, 6]);
		expect(await store.updatesSince(id, 6)).toEqual({ updates: [], lastSeq: 6 });
		expect(await store.loadUpdates(id)).toMatchObject({ lastSeq: 6, appendedCount: 3 });
		await expect(store.updatesSince('no-such-plan', 0)).rejects.toBeInstanceOf(PlanNotFoundError);
	});

	it('reads the last seqs of many plans at once, leaving out unknown ones', async () => {
		const store = await open();
		const [one, two] = [await newPlan(store), await newPlan(store)];
		await store.appendUpdate(two, keyUpdate('x'));
		expect(await store.lastSeqs([one, two, 'no-such-plan'])).toEqual(
			new Map([
				[one, 1],
				[two, 2]
			])
		);
		expect(await store.lastSeqs([])).toEqual(new Map());
	});

	it('stores a day’s automatic version once when two processes save it at once', async () => {
		const [a, b] = [await open(), await open()];
		const id = await newPlan(a);
		const daily = (versionId: string) => ({ id: versionId, name: '2027-03-01', createdAt: '2027-03-01T08:00:00.000Z', createdBy: '', auto: true, state: keyUpdate('v') });
		await Promise.all([a.createVersion(id, daily('v1')), b.createVersion(id, daily('v2'))]);
		expect(await a.listVersions(id)).toHaveLength(1);
		// Versions people save may share a name.
		const named = (versionId: string) => ({ ...daily(versionId), name: 'Draft', createdBy: 'Ana', auto: false });
		await a.createVersion(id, named('v3'));
		await a.createVersion(id, named('v4'));
		expect(await a.listVersions(id)).toHaveLength(3);
	});

	it('closes twice harmlessly', async () => {
		const store = await openPostgresStore({ connectionString: url, schema });
		await store.close();
		await store.close();
	});
});

describe('openPostgresStore without a server', () => {
	it('says where it could not connect, without the password', async () => {
		const attempt = openPostgresStore({ connectionString: 'postgres://planbook:s3cret-pw@127.0.0.1:1/plans', connectTimeoutMs: 2_000 });
		await expect(attempt).rejects.toThrow(/^cannot connect to PostgreSQL at 127\.0\.0\.1:1\/plans: .+/);
		await expect(attempt).rejects.not.toThrow(/s3cret-pw/);
	});

	it.skipIf(!available)('names a database that does not exist', async () => {
		const missing = new URL(url);
		missing.pathname = '/planbook_no_such_database';
		await expect(openPostgresStore({ connectionString: missing.toString() })).rejects.toThrow(
			/^cannot connect to PostgreSQL at .+\/planbook_no_such_database: .*does not exist/
		);
	});
});

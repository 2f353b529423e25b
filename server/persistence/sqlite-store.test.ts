/** SQLite specifics: the file survives reopening, pragmas, checkpoints, migrations, revoked tokens. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateSqlite, SQLITE_MIGRATIONS, SqliteSchemaError, type SqliteMigration } from './sqlite-migrations';
import { openSqliteStore, SQLITE_FILE_NAME } from './sqlite-store';

const dirs: string[] = [];
function tempDir(): string {
	const dir = mkdtempSync(join(tmpdir(), 'planbook-sqlite-'));
	dirs.push(dir);
	return dir;
}

afterEach(() => {
	for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const TOKENS = { owner: 'o', editor: 'e', viewer: 'v' };

describe('openSqliteStore', () => {
	it('creates the data directory and keeps plans across reopening', async () => {
		const dir = join(tempDir(), 'nested', 'data');
		const store = openSqliteStore({ dataDir: dir });
		await store.createPlan({ id: 'p', title: 'T', tokens: TOKENS, initialUpdate: new Uint8Array([0, 0]) });
		await store.appendUpdate('p', new Uint8Array([1, 2, 3]));
		await store.close();

		const reopened = openSqliteStore({ dataDir: dir });
		const stored = await reopened.loadUpdates('p');
		expect(stored.updates.map((u) => [...u])).toEqual([[0, 0], [1, 2, 3]]);
		await reopened.close();
		await reopened.close(); // idempotent
	});

	it('uses WAL with synchronous NORMAL by default, FULL on request', async () => {
		const dir = tempDir();
		await openSqliteStore({ dataDir: dir }).close();
		const db = new BetterSqlite3(join(dir, SQLITE_FILE_NAME));
		expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
		db.close();
		const full = openSqliteStore({ dataDir: dir, synchronous: 'FULL' });
		await full.close();
	});

	it('checkpoints the WAL from its worker, so appends restart it, and stops the worker on close', async () => {
		const dir = tempDir();
		const errors: unknown[] = [];
		const store = openSqliteStore({ dataDir: dir, backgroundCheckpoint: { intervalMs: 10, onError: (error) => errors.push(error) } });
		await store.createPlan({ id: 'p', title: 'T', tokens: TOKENS, initialUpdate: new Uint8Array([0, 0]) });
		// The WAL header's checkpoint sequence number (bytes 12–15) grows each time the WAL restarts;
		// SQLite's own checkpoint would not run before 1,000 pages, some 250 appends.
		const restarts = (): number => readFileSync(join(dir, `${SQLITE_FILE_NAME}-wal`)).readUInt32BE(12);
		let appended = 0;
		while (restarts() === 0 && appended < 200) {
			await store.appendUpdate('p', new Uint8Array([1, 2, 3]));
			appended++;
			await new Promise((resolve) => setTimeout(resolve, 20));
		}
		expect(restarts()).toBeGreaterThan(0);
		await store.close();
		expect(errors).toEqual([]);
		const reopened = openSqliteStore({ dataDir: dir });
		expect((await reopened.loadUpdates('p')).appendedCount).toBe(appended + 1);
		await reopened.close();
	});

	it('treats a revoked token as unknown', async () => {
		const dir = tempDir();
		const store = openSqliteStore({ dataDir: dir });
		await store.createPlan({ id: 'p', title: 'T', tokens: TOKENS, initialUpdate: new Uint8Array([0, 0]) });
		const db = new BetterSqlite3(join(dir, SQLITE_FILE_NAME));
		db.prepare("UPDATE tokens SET revoked_at = '2027-01-01T00:00:00Z' WHERE token = 'e'").run();
		db.close();
		expect(await store.findToken('e')).toBeNull();
		expect(await store.findToken('o')).toEqual({ planId: 'p', role: 'owner' });
		await store.close();
	});
});

describe('migrateSqlite', () => {
	/** The next migration after the real ones, whatever their number. */
	const next = SQLITE_MIGRATIONS.length + 1;
	const extra: SqliteMigration = {
		id: next,
		name: 'add-plan-notes',
		up: (db) => db.exec('ALTER TABLE plans ADD COLUMN notes TEXT')
	};

	it('applies each migration once and records it by name', () => {
		const db = new BetterSqlite3(':memory:');
		expect(migrateSqlite(db)).toEqual(SQLITE_MIGRATIONS.map((m) => m.name));
		expect(migrateSqlite(db)).toEqual([]);
		expect(migrateSqlite(db, [...SQLITE_MIGRATIONS, extra])).toEqual(['add-plan-notes']);
		const recorded = db.prepare('SELECT id, name FROM schema_migrations ORDER BY id').all();
		expect(recorded).toEqual([...SQLITE_MIGRATIONS.map((m) => ({ id: m.id, name: m.name })), { id: next, name: 'add-plan-notes' }]);
		expect(recorded[0]).toEqual({ id: 1, name: 'create-plans-tokens-updates-snapshots' });
		db.close();
	});

	it('refuses a database written by a newer version', () => {
		const db = new BetterSqlite3(':memory:');
		migrateSqlite(db, [...SQLITE_MIGRATIONS, extra]);
		expect(() => migrateSqlite(db)).toThrow(SqliteSchemaError);
		expect(() => migrateSqlite(db)).toThrow(/newer version/);
		db.close();
	});

	it('refuses a renamed migration and a gap in the ids', () => {
		const db = new BetterSqlite3(':memory:');
		migrateSqlite(db);
		const renamed = [{ ...SQLITE_MIGRATIONS[0], name: 'something-else' } as SqliteMigration];
		expect(() => migrateSqlite(db, renamed)).toThrow(/recorded as create-plans-tokens-updates-snapshots/);
		expect(() => migrateSqlite(db, [...SQLITE_MIGRATIONS, { ...extra, id: next + 1 }])).toThrow(new RegExp(`expected ${next}`));
		db.close();
	});

	it('rolls back a failing migration as a whole', () => {
		const db = new BetterSqlite3(':memory:');
		migrateSqlite(db);
		const failing: SqliteMigration = {
			id: next,
			name: 'half-done',
			up: (d) => {
				d.exec('CREATE TABLE half (x INTEGER)');
				throw new Error('boom');
			}
		};
		expect(() => migrateSqlite(db, [...SQLITE_MIGRATIONS, failing])).toThrow('boom');
		expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").get()).toBeUndefined();
		expect(db.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get()).toEqual({ n: SQLITE_MIGRATIONS.length });
		db.close();
	});
});

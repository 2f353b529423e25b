/**
 * Named, ordered migrations of the SQLite store (STYLE rule 4). Each runs once, in its own
 * transaction, and is recorded in `schema_migrations` with its name, so a database is always at a
 * known version and a renamed or reordered migration is caught instead of silently skipped.
 * Append new migrations at the end; never edit one that has shipped.
 */
import type { Database } from 'better-sqlite3';

export interface SqliteMigration {
	/** 1, 2, 3… in order, without gaps. */
	id: number;
	/** kebab-case description; checked against what the database recorded. */
	name: string;
	up(db: Database): void;
}

/** The database was written by a newer planbook, or its migration history does not match ours. */
export class SqliteSchemaError extends Error {
	override readonly name = 'SqliteSchemaError';
}

export const SQLITE_MIGRATIONS: readonly SqliteMigration[] = [
	{
		id: 1,
		name: 'create-plans-tokens-updates-snapshots',
		up(db) {
			// Tokens have no foreign key on purpose: they outlive a deleted plan, so a client holding
			// one learns "unknown plan" (404 / 4404) instead of "unknown token" (401).
			db.exec(`
				CREATE TABLE plans (
					id TEXT PRIMARY KEY,
					title TEXT NOT NULL,
					created_at TEXT NOT NULL,
					updated_at TEXT NOT NULL
				) STRICT;
				CREATE TABLE tokens (
					token TEXT PRIMARY KEY,
					plan_id TEXT NOT NULL,
					role TEXT NOT NULL CHECK (role IN ('owner', 'editor', 'viewer')),
					created_at TEXT NOT NULL,
					revoked_at TEXT
				) STRICT;
				CREATE INDEX tokens_by_plan ON tokens (plan_id);
				CREATE TABLE updates (
					seq INTEGER PRIMARY KEY AUTOINCREMENT,
					plan_id TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
					data BLOB NOT NULL
				) STRICT;
				CREATE INDEX updates_by_plan ON updates (plan_id, seq);
				CREATE TABLE snapshots (
					plan_id TEXT PRIMARY KEY REFERENCES plans (id) ON DELETE CASCADE,
					state BLOB NOT NULL,
					seq INTEGER NOT NULL
				) STRICT;
			`);
		}
	},
	{
		id: 2,
		name: 'create-versions',
		up(db) {
			db.exec(`
				CREATE TABLE versions (
					id TEXT PRIMARY KEY,
					plan_id TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
					name TEXT NOT NULL,
					created_at TEXT NOT NULL,
					created_by TEXT NOT NULL,
					auto INTEGER NOT NULL CHECK (auto IN (0, 1)),
					state BLOB NOT NULL
				) STRICT;
				CREATE INDEX versions_by_plan ON versions (plan_id, created_at);
			`);
		}
	},
	{
		id: 3,
		name: 'create-workshops',
		up(db) {
			// Team plans are ordinary plans; a workshop only groups them under a trainer's token.
			db.exec(`
				CREATE TABLE workshops (
					id TEXT PRIMARY KEY,
					title TEXT NOT NULL,
					trainer_token TEXT NOT NULL UNIQUE,
					created_at TEXT NOT NULL,
					locked INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1))
				) STRICT;
				CREATE TABLE workshop_teams (
					workshop_id TEXT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
					position INTEGER NOT NULL,
					name TEXT NOT NULL,
					plan_id TEXT NOT NULL,
					owner_token TEXT NOT NULL,
					editor_token TEXT NOT NULL,
					viewer_token TEXT NOT NULL,
					PRIMARY KEY (workshop_id, position)
				) STRICT;
				CREATE INDEX workshop_teams_by_plan ON workshop_teams (plan_id);
			`);
		}
	}
];

/** Checks that ids run 1, 2, 3… and names are unique (a programming error otherwise). */
export function assertValidSqliteMigrations(migrations: readonly SqliteMigration[]): void {
	const names = new Set<string>();
	migrations.forEach((migration, index) => {
		if (migration.id !== index + 1) {
			throw new SqliteSchemaError(`migration ${migration.name} has id ${migration.id}, expected ${index + 1}`);
		}
		if (names.has(migration.name)) throw new SqliteSchemaError(`duplicate migration name ${migration.name}`);
		names.add(migration.name);
	});
}

/**
 * Brings `db` up to the last of `migrations` and returns the names it applied. Refuses a database
 * that records a migration we do not know (written by a newer version) or under another name.
 */
export function migrateSqlite(
	db: Database,
	migrations: readonly SqliteMigration[] = SQLITE_MIGRATIONS,
	now: () => Date = () => new Date()
): string[] {
	assertValidSqliteMigrations(migrations);
	db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
		id INTEGER PRIMARY KEY,
		name TEXT NOT NULL,
		applied_at TEXT NOT NULL
	) STRICT`);
	const applied = db.prepare('SELECT id, name FROM schema_migrations ORDER BY id').all() as {
		id: number;
		name: string;
	}[];
	for (const row of applied) {
		const known = migrations[row.id - 1];
		if (!known) {
			throw new SqliteSchemaError(
				`the database has migration ${row.id} (${row.name}), which this version of planbook does not know; it was written by a newer version`
			);
		}
		if (known.name !== row.name) {
			throw new SqliteSchemaError(`migration ${row.id} is recorded as ${row.name} but this version calls it ${known.name}`);
		}
	}
	const record = db.prepare('INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)');
	const done: string[] = [];
	for (const migration of migrations.slice(applied.length)) {
		db.transaction(() => {
			migration.up(db);
			record.run(migration.id, migration.name, now().toISOString());
		})();
		done.push(migration.name);
	}
	return done;
}

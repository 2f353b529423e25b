/**
 * Named, ordered migrations of the PostgreSQL store (STYLE rule 4), recorded in
 * `planbook_migrations` like the SQLite store's `schema_migrations`: a schema is always at a known
 * version, and one written by a newer planbook, or with another migration history, is refused.
 * Append new migrations at the end; never edit one that has shipped.
 *
 * Several processes may start at once against one schema: each migration runs in its own
 * transaction under `pg_advisory_xact_lock` (keyed by schema), re-reading what is applied once it
 * holds the lock, so every migration runs exactly once and a late starter finds nothing to do.
 *
 * Times are ISO 8601 UTC text, as in SQLite: they round-trip exactly and sort in time order,
 * whatever the session's DateStyle or TimeZone. Seqs are bigint, counted per plan.
 */
import pg from 'pg';
import { inTransaction, type Queryable, type Tables } from './postgres-pool';

export interface PostgresMigration {
	/** 1, 2, 3… in order, without gaps. */
	id: number;
	/** kebab-case description; checked against what the database recorded. */
	name: string;
	up(db: Queryable, t: Tables): Promise<unknown>;
}

/** The schema was written by a newer planbook, or its migration history does not match ours. */
export class PostgresSchemaError extends Error {
	override readonly name = 'PostgresSchemaError';
}

export const POSTGRES_MIGRATIONS: readonly PostgresMigration[] = [
	{
		id: 1,
		name: 'create-plans-tokens-updates-snapshots',
		// `last_seq` is the plan's seq counter: appends bump it under the row lock, so each plan's seqs
		// are gapless and commit in order. The snapshot has its own row, so a compaction locks that
		// and never the plan an append is waiting for. Tokens have no foreign key on purpose: they
		// outlive a deleted plan, so a client holding one learns "unknown plan" (as in SQLite).
		up: (db, t) =>
			db.query(`
				CREATE TABLE ${t.plans} (
					id text PRIMARY KEY,
					title text NOT NULL,
					created_at text NOT NULL,
					updated_at text NOT NULL,
					last_seq bigint NOT NULL DEFAULT 0
				);
				CREATE TABLE ${t.tokens} (
					token text PRIMARY KEY,
					plan_id text NOT NULL,
					role text NOT NULL CHECK (role IN ('owner', 'editor', 'viewer')),
					created_at text NOT NULL,
					revoked_at text
				);
				CREATE INDEX tokens_by_plan ON ${t.tokens} (plan_id);
				CREATE TABLE ${t.updates} (
					plan_id text NOT NULL REFERENCES ${t.plans} (id) ON DELETE CASCADE,
					seq bigint NOT NULL,
					data bytea NOT NULL,
					PRIMARY KEY (plan_id, seq)
				);
				CREATE TABLE ${t.snapshots} (
					plan_id text PRIMARY KEY REFERENCES ${t.plans} (id) ON DELETE CASCADE,
					data bytea NOT NULL,
					up_to_seq bigint NOT NULL
				);
			`)
	},
	{
		id: 2,
		name: 'create-versions',
		// `position` breaks ties between equal times (SQLite's rowid). One automatic version per plan
		// and name (the day): two processes saving the daily version at once store it once.
		up: (db, t) =>
			db.query(`
				CREATE TABLE ${t.versions} (
					id text PRIMARY KEY,
					plan_id text NOT NULL REFERENCES ${t.plans} (id) ON DELETE CASCADE,
					position bigint GENERATED ALWAYS AS IDENTITY,
					name text NOT NULL,
					created_at text NOT NULL,
					created_by text NOT NULL,
					auto boolean NOT NULL,
					state bytea NOT NULL
				);
				CREATE INDEX versions_by_plan ON ${t.versions} (plan_id, created_at);
				CREATE UNIQUE INDEX versions_auto_once ON ${t.versions} (plan_id, name) WHERE auto;
			`)
	},
	{
		id: 3,
		name: 'create-workshops',
		// Team plans are ordinary plans; a workshop only groups them under a trainer's token.
		up: (db, t) =>
			db.query(`
				CREATE TABLE ${t.workshops} (
					id text PRIMARY KEY,
					title text NOT NULL,
					trainer_token text NOT NULL UNIQUE,
					created_at text NOT NULL,
					locked boolean NOT NULL DEFAULT false
				);
				CREATE TABLE ${t.workshop_teams} (
					workshop_id text NOT NULL REFERENCES ${t.workshops} (id) ON DELETE CASCADE,
					position integer NOT NULL,
					name text NOT NULL,
					plan_id text NOT NULL,
					owner_token text NOT NULL,
					editor_token text NOT NULL,
					viewer_token text NOT NULL,
					PRIMARY KEY (workshop_id, position)
				);
				CREATE INDEX workshop_teams_by_plan ON ${t.workshop_teams} (plan_id);
			`)
	}
];

/** Checks that ids run 1, 2, 3… and names are unique (a programming error otherwise). */
export function assertValidPostgresMigrations(migrations: readonly PostgresMigration[]): void {
	const names = new Set<string>();
	migrations.forEach((migration, index) => {
		if (migration.id !== index + 1) {
			throw new PostgresSchemaError(`migration ${migration.name} has id ${migration.id}, expected ${index + 1}`);
		}
		if (names.has(migration.name)) throw new PostgresSchemaError(`duplicate migration name ${migration.name}`);
		names.add(migration.name);
	});
}

export interface MigratePostgresOptions {
	pool: pg.Pool;
	schema: string;
	tables: Tables;
	migrations?: readonly PostgresMigration[];
	now?: () => Date;
}

/**
 * Creates the schema when missing and brings it up to the last of `migrations`; returns the names
 * this call applied (none when another process got there first).
 */
export async function migratePostgres(options: MigratePostgresOptions): Promise<string[]> {
	const { pool, schema, tables: t, migrations = POSTGRES_MIGRATIONS, now = () => new Date() } = options;
	assertValidPostgresMigrations(migrations);
	const done: string[] = [];
	for (;;) {
		const applied = await inTransaction(pool, async (client) => {
			// Two int4 keys: planbook's namespace and the schema, so schemas migrate independently.
			await client.query(`SELECT pg_advisory_xact_lock(hashtext('planbook-migrations'), hashtext($1))`, [schema]);
			const exists = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
			// Only when missing: CREATE SCHEMA IF NOT EXISTS still needs the CREATE privilege.
			if (exists.rowCount === 0) await client.query(`CREATE SCHEMA ${pg.escapeIdentifier(schema)}`);
			await client.query(`CREATE TABLE IF NOT EXISTS ${t.planbook_migrations} (
				id integer PRIMARY KEY,
				name text NOT NULL,
				applied_at text NOT NULL
			)`);
			const recorded = await client.query<{ id: number; name: string }>(`SELECT id, name FROM ${t.planbook_migrations} ORDER BY id`);
			checkHistory(recorded.rows, migrations);
			const next = migrations[recorded.rows.length];
			if (!next) return undefined;
			await next.up(client, t);
			await client.query(`INSERT INTO ${t.planbook_migrations} (id, name, applied_at) VALUES ($1, $2, $3)`, [next.id, next.name, now().toISOString()]);
			return next.name;
		});
		if (applied === undefined) return done;
		done.push(applied);
	}
}

function checkHistory(recorded: readonly { id: number; name: string }[], migrations: readonly PostgresMigration[]): void {
	recorded.forEach((row, index) => {
		const known = migrations[row.id - 1];
		if (!known) {
			throw new PostgresSchemaError(
				`the database has migration ${row.id} (${row.name}), which this version of planbook does not know; it was written by a newer version`
			);
		}
		if (known.name !== row.name) {
			throw new PostgresSchemaError(`migration ${row.id} is recorded as ${row.name} but this version calls it ${known.name}`);
		}
		if (row.id !== index + 1) throw new PostgresSchemaError(`the recorded migrations skip from ${index} to ${row.id}`);
	});
}

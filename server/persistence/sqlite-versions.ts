/**
 * The version history table of the SQLite store (migration 2): named copies of a plan's whole
 * state, removed with the plan. Kept apart from sqlite-store.ts, which is about the update log.
 */
import type { Database, Statement } from 'better-sqlite3';
import { PlanNotFoundError, type NewVersion, type VersionInfo } from './store';

interface VersionRow {
	id: string;
	name: string;
	created_at: string;
	created_by: string;
	auto: number;
}

export class SqliteVersions {
	readonly #insert: Statement;
	readonly #list: Statement;
	readonly #load: Statement;
	readonly #planExists: Statement;

	constructor(db: Database) {
		this.#insert = db.prepare('INSERT INTO versions (id, plan_id, name, created_at, created_by, auto, state) VALUES (?, ?, ?, ?, ?, ?, ?)');
		this.#list = db.prepare('SELECT id, name, created_at, created_by, auto FROM versions WHERE plan_id = ? ORDER BY created_at DESC, rowid DESC');
		this.#load = db.prepare('SELECT state FROM versions WHERE plan_id = ? AND id = ?');
		this.#planExists = db.prepare('SELECT 1 FROM plans WHERE id = ?');
	}

	create(planId: string, v: NewVersion): void {
		if (this.#planExists.get(planId) === undefined) throw new PlanNotFoundError(planId);
		this.#insert.run(v.id, planId, v.name, v.createdAt, v.createdBy, v.auto ? 1 : 0, Buffer.from(v.state.buffer, v.state.byteOffset, v.state.byteLength));
	}

	list(planId: string): VersionInfo[] {
		return (this.#list.all(planId) as VersionRow[]).map((r) => ({ id: r.id, name: r.name, createdAt: r.created_at, createdBy: r.created_by, auto: r.auto === 1 }));
	}

	load(planId: string, versionId: string): Uint8Array | null {
		const row = this.#load.get(planId, versionId) as { state: Buffer } | undefined;
		return row ? new Uint8Array(row.state) : null;
	}
}

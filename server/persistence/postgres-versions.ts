/**
 * Version history in the PostgreSQL store (migration 2): named copies of a plan's whole state,
 * removed with the plan. Saving a day's automatic version twice (two processes racing on the first
 * edit of the day) stores it once: the second insert is dropped by the unique (plan, name) index.
 */
import type pg from 'pg';
import { sqlState, toBuffer, toBytes, type Tables } from './postgres-pool';
import { PlanNotFoundError, type NewVersion, type VersionInfo } from './store';

interface VersionRow {
	id: string;
	name: string;
	created_at: string;
	created_by: string;
	auto: boolean;
}

/** SQLSTATE foreign_key_violation: here, the plan does not exist. */
const FOREIGN_KEY_VIOLATION = '23503';

export class PostgresVersions {
	readonly #pool: pg.Pool;
	readonly #t: Tables;

	constructor(options: { pool: pg.Pool; tables: Tables }) {
		this.#pool = options.pool;
		this.#t = options.tables;
	}

	async create(planId: string, v: NewVersion): Promise<void> {
		try {
			await this.#pool.query(
				`INSERT INTO ${this.#t.versions} (id, plan_id, name, created_at, created_by, auto, state) VALUES ($1, $2, $3, $4, $5, $6, $7)
				 ON CONFLICT (plan_id, name) WHERE auto DO NOTHING`,
				[v.id, planId, v.name, v.createdAt, v.createdBy, v.auto, toBuffer(v.state)]
			);
		} catch (error) {
			if (sqlState(error) === FOREIGN_KEY_VIOLATION) throw new PlanNotFoundError(planId);
			throw error;
		}
	}

	async list(planId: string): Promise<VersionInfo[]> {
		const { rows } = await this.#pool.query<VersionRow>(
			`SELECT id, name, created_at, created_by, auto FROM ${this.#t.versions} WHERE plan_id = $1 ORDER BY created_at DESC, position DESC`,
			[planId]
		);
		return rows.map((r) => ({ id: r.id, name: r.name, createdAt: r.created_at, createdBy: r.created_by, auto: r.auto }));
	}

	async load(planId: string, versionId: string): Promise<Uint8Array | null> {
		const { rows } = await this.#pool.query<{ state: Buffer }>(`SELECT state FROM ${this.#t.versions} WHERE plan_id = $1 AND id = $2`, [planId, versionId]);
		const row = rows[0];
		return row ? toBytes(row.state) : null;
	}
}

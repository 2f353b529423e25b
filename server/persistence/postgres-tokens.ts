/**
 * Share tokens in the PostgreSQL store. Rotation marks the role's old token revoked (kept, so a
 * client holding it learns "revoked" rather than "unknown plan") and grants a new one in one
 * transaction, so there is never a moment with two live tokens or none.
 */
import type pg from 'pg';
import { inTransaction, type Queryable, type Tables } from './postgres-pool';
import { ROLES, type Role, type TokenGrant } from './store';

export class PostgresTokens {
	readonly #pool: pg.Pool;
	readonly #t: Tables;
	readonly #now: () => Date;

	constructor(options: { pool: pg.Pool; tables: Tables; now: () => Date }) {
		this.#pool = options.pool;
		this.#t = options.tables;
		this.#now = options.now;
	}

	/** Grants one token per role (inside the transaction that creates the plan). */
	async insertForPlan(db: Queryable, planId: string, tokens: Readonly<Record<Role, string>>, at: string): Promise<void> {
		await db.query(
			`INSERT INTO ${this.#t.tokens} (token, plan_id, role, created_at) SELECT token, $1, role, $2 FROM unnest($3::text[], $4::text[]) AS t (token, role)`,
			[planId, at, ROLES.map((role) => tokens[role]), [...ROLES]]
		);
	}

	async find(token: string): Promise<TokenGrant | null> {
		const { rows } = await this.#pool.query<{ plan_id: string; role: Role }>(
			`SELECT plan_id, role FROM ${this.#t.tokens} WHERE token = $1 AND revoked_at IS NULL`,
			[token]
		);
		const row = rows[0];
		return row ? { planId: row.plan_id, role: row.role } : null;
	}

	/** The revoked token ('' when the role had none live), or null when the plan does not exist. */
	async rotate(planId: string, role: Role, newToken: string): Promise<string | null> {
		const { plans, tokens } = this.#t;
		return inTransaction(this.#pool, async (client) => {
			// The plan row's lock queues two rotations of one plan (from two processes) one after the
			// other; each statement after it sees what the other committed. Appends wait a moment too.
			const plan = await client.query(`SELECT 1 FROM ${plans} WHERE id = $1 FOR NO KEY UPDATE`, [planId]);
			if (plan.rowCount === 0) return null;
			const at = this.#now().toISOString();
			const revoked = await client.query<{ token: string }>(
				`UPDATE ${tokens} SET revoked_at = $3 WHERE plan_id = $1 AND role = $2 AND revoked_at IS NULL RETURNING token`,
				[planId, role, at]
			);
			await client.query(`INSERT INTO ${tokens} (token, plan_id, role, created_at) VALUES ($1, $2, $3, $4)`, [newToken, planId, role, at]);
			return revoked.rows[0]?.token ?? '';
		});
	}
}

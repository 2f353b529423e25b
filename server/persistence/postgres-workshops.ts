/** Workshops in the PostgreSQL store (migration 3): a trainer's token over a list of team plans. */
import type pg from 'pg';
import { inTransaction, type Tables } from './postgres-pool';
import type { Workshop } from './store';

interface WorkshopRow {
	id: string;
	title: string;
	created_at: string;
	locked: boolean;
	/** The team columns are null for a workshop without teams (LEFT JOIN). */
	name: string | null;
	plan_id: string | null;
	owner_token: string | null;
	editor_token: string | null;
	viewer_token: string | null;
}

export class PostgresWorkshops {
	readonly #pool: pg.Pool;
	readonly #t: Tables;

	constructor(options: { pool: pg.Pool; tables: Tables }) {
		this.#pool = options.pool;
		this.#t = options.tables;
	}

	async create(w: Workshop, trainerToken: string): Promise<void> {
		const { workshops, workshop_teams } = this.#t;
		await inTransaction(this.#pool, async (client) => {
			await client.query(`INSERT INTO ${workshops} (id, title, trainer_token, created_at) VALUES ($1, $2, $3, $4)`, [w.id, w.title, trainerToken, w.createdAt]);
			if (w.teams.length === 0) return;
			await client.query(
				`INSERT INTO ${workshop_teams} (workshop_id, position, name, plan_id, owner_token, editor_token, viewer_token)
				 SELECT $1, position - 1, name, plan_id, owner_token, editor_token, viewer_token
				 FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) WITH ORDINALITY
				   AS t (name, plan_id, owner_token, editor_token, viewer_token, position)`,
				[
					w.id,
					w.teams.map((t) => t.name),
					w.teams.map((t) => t.planId),
					w.teams.map((t) => t.tokens.owner),
					w.teams.map((t) => t.tokens.editor),
					w.teams.map((t) => t.tokens.viewer)
				]
			);
		});
	}

	async find(id: string, trainerToken: string): Promise<Workshop | null> {
		const { workshops, workshop_teams } = this.#t;
		const { rows } = await this.#pool.query<WorkshopRow>(
			`SELECT w.id, w.title, w.created_at, w.locked, t.name, t.plan_id, t.owner_token, t.editor_token, t.viewer_token
			 FROM ${workshops} w LEFT JOIN ${workshop_teams} t ON t.workshop_id = w.id
			 WHERE w.id = $1 AND w.trainer_token = $2
			 ORDER BY t.position`,
			[id, trainerToken]
		);
		const first = rows[0];
		if (!first) return null;
		const teams: Workshop['teams'] = [];
		for (const r of rows) {
			if (r.name === null || r.plan_id === null || r.owner_token === null || r.editor_token === null || r.viewer_token === null) continue;
			teams.push({ name: r.name, planId: r.plan_id, tokens: { owner: r.owner_token, editor: r.editor_token, viewer: r.viewer_token } });
		}
		return { id: first.id, title: first.title, createdAt: first.created_at, locked: first.locked, teams };
	}

	async setLocked(id: string, trainerToken: string, locked: boolean): Promise<Workshop | null> {
		await this.#pool.query(`UPDATE ${this.#t.workshops} SET locked = $1 WHERE id = $2 AND trainer_token = $3`, [locked, id, trainerToken]);
		return this.find(id, trainerToken);
	}

	async isPlanLocked(planId: string): Promise<boolean> {
		const { workshops, workshop_teams } = this.#t;
		const { rowCount } = await this.#pool.query(
			`SELECT 1 FROM ${workshop_teams} t JOIN ${workshops} w ON w.id = t.workshop_id WHERE t.plan_id = $1 AND w.locked LIMIT 1`,
			[planId]
		);
		return (rowCount ?? 0) > 0;
	}
}

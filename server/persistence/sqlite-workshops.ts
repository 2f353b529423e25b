/** Workshops in the SQLite store (migration 3): a trainer's token over a list of team plans. */
import type { Database, Statement } from 'better-sqlite3';
import type { Workshop } from './store';

interface TeamRow {
	name: string;
	plan_id: string;
	owner_token: string;
	editor_token: string;
	viewer_token: string;
}

export class SqliteWorkshops {
	readonly #create: (workshop: Workshop, trainerToken: string) => void;
	readonly #find: Statement;
	readonly #teams: Statement;
	readonly #setLocked: Statement;
	readonly #planLocked: Statement;

	constructor(db: Database) {
		const insert = db.prepare('INSERT INTO workshops (id, title, trainer_token, created_at) VALUES (?, ?, ?, ?)');
		const insertTeam = db.prepare(
			'INSERT INTO workshop_teams (workshop_id, position, name, plan_id, owner_token, editor_token, viewer_token) VALUES (?, ?, ?, ?, ?, ?, ?)'
		);
		this.#create = db.transaction((w: Workshop, trainerToken: string) => {
			insert.run(w.id, w.title, trainerToken, w.createdAt);
			w.teams.forEach((t, i) => insertTeam.run(w.id, i, t.name, t.planId, t.tokens.owner, t.tokens.editor, t.tokens.viewer));
		});
		this.#find = db.prepare('SELECT id, title, created_at, locked FROM workshops WHERE id = ? AND trainer_token = ?');
		this.#setLocked = db.prepare('UPDATE workshops SET locked = ? WHERE id = ? AND trainer_token = ?');
		this.#planLocked = db.prepare('SELECT 1 FROM workshop_teams t JOIN workshops w ON w.id = t.workshop_id WHERE t.plan_id = ? AND w.locked = 1');
		this.#teams = db.prepare('SELECT name, plan_id, owner_token, editor_token, viewer_token FROM workshop_teams WHERE workshop_id = ? ORDER BY position');
	}

	create(workshop: Workshop, trainerToken: string): void {
		this.#create(workshop, trainerToken);
	}

	setLocked(id: string, trainerToken: string, locked: boolean): Workshop | null {
		this.#setLocked.run(locked ? 1 : 0, id, trainerToken);
		return this.find(id, trainerToken);
	}

	isPlanLocked(planId: string): boolean {
		return this.#planLocked.get(planId) !== undefined;
	}

	find(id: string, trainerToken: string): Workshop | null {
		const row = this.#find.get(id, trainerToken) as { id: string; title: string; created_at: string; locked: number } | undefined;
		if (!row) return null;
		const teams = (this.#teams.all(id) as TeamRow[]).map((t) => ({
			name: t.name,
			planId: t.plan_id,
			tokens: { owner: t.owner_token, editor: t.editor_token, viewer: t.viewer_token }
		}));
		return { id: row.id, title: row.title, createdAt: row.created_at, locked: row.locked === 1, teams };
	}
}

/**
 * The embedded store: one SQLite file, `<dataDir>/planbook.sqlite`, through better-sqlite3.
 *
 * Durability: WAL journal with `synchronous = NORMAL`. Every `appendUpdate` is its own committed
 * transaction, written to the WAL (the OS page cache) before the promise resolves, so a crash of the
 * planbook process — including kill -9 — loses nothing that was acknowledged. What NORMAL gives up
 * is the fsync per commit: after a power cut or an OS crash the last few commits may roll back.
 * Set `PLANBOOK_SQLITE_SYNCHRONOUS=FULL` to fsync every commit when that matters more than write
 * latency (several milliseconds per update on ordinary disks).
 *
 * better-sqlite3 is synchronous; the async methods exist so the server core is written against the
 * same interface as a networked backend. Each call runs to completion before the next starts, so a
 * statement never interleaves with another inside this process.
 *
 * Checkpoints: with `backgroundCheckpoint`, a worker thread checkpoints the WAL (wal-checkpointer.ts)
 * before it reaches SQLite's automatic threshold, which is otherwise crossed inside an append —
 * that append, and every relay queued behind it, would wait for the checkpoint's fsyncs.
 * Durability is the same either way: a commit is durable once it is in the WAL.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3, { type Database, type Statement } from 'better-sqlite3';
import { migrateSqlite } from './sqlite-migrations';
import { sqliteTokenRotation } from './sqlite-tokens';
import { SqliteWorkshops } from './sqlite-workshops';
import { SqliteVersions } from './sqlite-versions';
import { WalCheckpointer } from './wal-checkpointer';
import { PlanNotFoundError, ROLES, type CompactOptions, type NewPlan, type PlanInfo, type PlanStore, type Role, type StoredUpdates, type TokenGrant, type NewVersion, type VersionInfo, type Workshop } from './store';

export const SQLITE_FILE_NAME = 'planbook.sqlite';
export type SqliteSynchronous = 'NORMAL' | 'FULL';

export interface SqliteStoreOptions {
	/** Directory of the database file; created when missing. */
	dataDir: string;
	synchronous?: SqliteSynchronous;
	/** Clock for created/updated times (tests pass a fixed one). */
	now?: () => Date;
	/**
	 * Also checkpoint the WAL from a worker thread this often (the server does); SQLite's automatic
	 * checkpoint, inside the append that takes the WAL past 1,000 pages, is then a rare backstop.
	 */
	backgroundCheckpoint?: { intervalMs: number; onError: (error: unknown) => void };
}

interface PlanRow {
	id: string;
	title: string;
	created_at: string;
	updated_at: string;
}

/** Opens (creating and migrating when needed) the store in `dataDir`. */
export function openSqliteStore(options: SqliteStoreOptions): SqliteStore {
	mkdirSync(options.dataDir, { recursive: true });
	const file = join(options.dataDir, SQLITE_FILE_NAME);
	const synchronous = options.synchronous === 'FULL' ? 'FULL' : 'NORMAL';
	const db = new BetterSqlite3(file);
	try {
		db.pragma('journal_mode = WAL');
		db.pragma(`synchronous = ${synchronous}`);
		db.pragma('foreign_keys = ON');
		// Another process (the CLI, a backup) holding a lock briefly should delay us, not fail us.
		db.pragma('busy_timeout = 5000');
		migrateSqlite(db, undefined, options.now);
	} catch (error) {
		db.close();
		throw error;
	}
	const background = options.backgroundCheckpoint;
	const checkpointer = background && new WalCheckpointer({ file, synchronous, ...background });
	return new SqliteStore(db, options.now ?? (() => new Date()), checkpointer);
}

export class SqliteStore implements PlanStore {
	readonly #db: Database;
	readonly #now: () => Date;
	readonly #sql: Record<
		| 'insertPlan' | 'insertToken' | 'insertUpdate' | 'touchPlan' | 'findToken' | 'planExists' | 'planInfo'
		| 'snapshot' | 'updatesAfter' | 'upsertSnapshot' | 'deleteUpdatesUpTo' | 'setTitle' | 'deletePlan',
		Statement
	>;
	/** The append as one prepared transaction: it runs per update, so it is not rebuilt per call. */
	readonly #append: (id: string, update: Buffer) => number;
	readonly #checkpointer: WalCheckpointer | undefined;
	readonly #versions: SqliteVersions;
	readonly #workshops: SqliteWorkshops;
	readonly #rotate: (planId: string, role: Role, newToken: string) => string | null;
	#closed = false;

	constructor(db: Database, now: () => Date, checkpointer?: WalCheckpointer) {
		this.#db = db;
		this.#now = now;
		this.#checkpointer = checkpointer;
		this.#versions = new SqliteVersions(db);
		this.#workshops = new SqliteWorkshops(db);
		this.#rotate = sqliteTokenRotation(db, now);
		this.#sql = {
			insertPlan: db.prepare('INSERT INTO plans (id, title, created_at, updated_at) VALUES (?, ?, ?, ?)'),
			insertToken: db.prepare('INSERT INTO tokens (token, plan_id, role, created_at) VALUES (?, ?, ?, ?)'),
			insertUpdate: db.prepare('INSERT INTO updates (plan_id, data) VALUES (?, ?)'),
			touchPlan: db.prepare('UPDATE plans SET updated_at = ? WHERE id = ?'),
			findToken: db.prepare('SELECT plan_id, role FROM tokens WHERE token = ? AND revoked_at IS NULL'),
			planExists: db.prepare('SELECT 1 FROM plans WHERE id = ?'),
			planInfo: db.prepare('SELECT id, title, created_at, updated_at FROM plans WHERE id = ?'),
			snapshot: db.prepare('SELECT state, seq FROM snapshots WHERE plan_id = ?'),
			updatesAfter: db.prepare('SELECT seq, data FROM updates WHERE plan_id = ? AND seq > ? ORDER BY seq'),
			upsertSnapshot: db.prepare(
				`INSERT INTO snapshots (plan_id, state, seq) VALUES (?, ?, ?)
				 ON CONFLICT (plan_id) DO UPDATE SET state = excluded.state, seq = excluded.seq`
			),
			deleteUpdatesUpTo: db.prepare('DELETE FROM updates WHERE plan_id = ? AND seq <= ?'),
			setTitle: db.prepare('UPDATE plans SET title = ? WHERE id = ?'),
			deletePlan: db.prepare('DELETE FROM plans WHERE id = ?')
		};
		this.#append = db.transaction((id: string, update: Buffer): number => {
			// Touch first: it tells us whether the plan exists without a second query.
			if (this.#sql.touchPlan.run(this.#now().toISOString(), id).changes === 0) throw new PlanNotFoundError(id);
			return Number(this.#sql.insertUpdate.run(id, update).lastInsertRowid);
		});
	}

	async createPlan(plan: NewPlan): Promise<void> {
		const at = this.#now().toISOString();
		this.#db.transaction(() => {
			this.#sql.insertPlan.run(plan.id, plan.title, at, at);
			for (const role of ROLES) this.#sql.insertToken.run(plan.tokens[role], plan.id, role, at);
			this.#sql.insertUpdate.run(plan.id, toBuffer(plan.initialUpdate));
		})();
	}

	async findToken(token: string): Promise<TokenGrant | null> {
		const row = this.#sql.findToken.get(token) as { plan_id: string; role: Role } | undefined;
		return row ? { planId: row.plan_id, role: row.role } : null;
	}

	async planExists(id: string): Promise<boolean> {
		return this.#sql.planExists.get(id) !== undefined;
	}

	async planInfo(id: string): Promise<PlanInfo | null> {
		const row = this.#sql.planInfo.get(id) as PlanRow | undefined;
		return row ? { id: row.id, title: row.title, createdAt: row.created_at, updatedAt: row.updated_at } : null;
	}

	async loadUpdates(id: string): Promise<StoredUpdates> {
		// One read transaction, so a compaction cannot fall between reading the snapshot and the log.
		return this.#db.transaction((): StoredUpdates => {
			const snapshot = this.#sql.snapshot.get(id) as { state: Buffer; seq: number } | undefined;
			const after = this.#sql.updatesAfter.all(id, snapshot?.seq ?? 0) as { seq: number; data: Buffer }[];
			const updates: Uint8Array[] = snapshot ? [snapshot.state] : [];
			for (const row of after) updates.push(row.data);
			return {
				updates,
				lastSeq: after.at(-1)?.seq ?? snapshot?.seq ?? 0,
				appendedCount: after.length
			};
		})();
	}

	async appendUpdate(id: string, update: Uint8Array): Promise<number> {
		return this.#append(id, toBuffer(update));
	}

	async compact(id: string, mergedState: Uint8Array, upToSeq: number, options: CompactOptions = {}): Promise<void> {
		this.#db.transaction(() => {
			if (this.#sql.planExists.get(id) === undefined) return; // deleted meanwhile: nothing to keep
			const current = this.#sql.snapshot.get(id) as { seq: number } | undefined;
			// A snapshot never moves backwards: an older merge arriving late must not replace a newer one.
			if (current && current.seq > upToSeq) return;
			this.#sql.upsertSnapshot.run(id, toBuffer(mergedState), upToSeq);
			// Only what the merged state contains; updates appended since (seq > upToSeq) stay.
			this.#sql.deleteUpdatesUpTo.run(id, upToSeq);
			if (options.title !== undefined) this.#sql.setTitle.run(options.title, id);
		})();
	}

	async rotateToken(planId: string, role: Role, newToken: string): Promise<string | null> {
		return this.#rotate(planId, role, newToken);
	}

	async createWorkshop(workshop: Workshop, trainerToken: string): Promise<void> {
		this.#workshops.create(workshop, trainerToken);
	}

	async findWorkshop(id: string, trainerToken: string): Promise<Workshop | null> {
		return this.#workshops.find(id, trainerToken);
	}

	async setWorkshopLocked(id: string, trainerToken: string, locked: boolean): Promise<Workshop | null> {
		return this.#workshops.setLocked(id, trainerToken, locked);
	}

	async isPlanLocked(planId: string): Promise<boolean> {
		return this.#workshops.isPlanLocked(planId);
	}

	async createVersion(planId: string, version: NewVersion): Promise<void> {
		this.#versions.create(planId, version);
	}

	async listVersions(planId: string): Promise<VersionInfo[]> {
		return this.#versions.list(planId);
	}

	async loadVersion(planId: string, versionId: string): Promise<Uint8Array | null> {
		return this.#versions.load(planId, versionId);
	}

	async deletePlan(id: string): Promise<boolean> {
		// updates and snapshots go with the plan (ON DELETE CASCADE); tokens stay (see migration 1).
		return this.#sql.deletePlan.run(id).changes > 0;
	}

	async close(): Promise<void> {
		if (this.#closed) return;
		this.#closed = true;
		// The worker's connection first, so ours is the last and SQLite checkpoints the WAL away.
		await this.#checkpointer?.stop();
		this.#db.close();
	}
}

/** better-sqlite3 binds Buffers as BLOBs; this views the same bytes without copying. */
function toBuffer(bytes: Uint8Array): Buffer {
	return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * The update log of the PostgreSQL store: appends, reads and compaction of one plan's updates,
 * shared by every server process (the `SharedLogStore` guarantees of store.ts).
 *
 * Seqs: `plans.last_seq` is each plan's counter. An append bumps it and inserts the update in ONE
 * statement; the bump's row lock holds every other appender of that plan until this one commits,
 * so seqs are 1, 2, 3… with no gap and become visible in seq order. A reader that sees seq N sees
 * every seq below it. synchronous_commit is left at the server's setting (on by default), so the
 * append has been flushed to the WAL when it resolves; do not turn it off for planbook's database.
 *
 * Compaction locks the snapshot row, never the plan row, so it does not stall appends. It merges
 * the stored snapshot, the updates it deletes and the caller's state in a Y.Doc: a process whose doc
 * lacks updates (the bus dropped them) cannot lose them, and two compactions of one plan queue on
 * the snapshot row instead of overwriting each other.
 */
import type pg from 'pg';
import * as Y from 'yjs';
import { inTransaction, toBuffer, toBytes, type Tables } from './postgres-pool';
import { PlanNotFoundError, type CompactOptions, type SequencedUpdate, type StoredUpdates, type UpdatesSince } from './store';

interface LogRow {
	/** 0: the plan's last seq; 1: the snapshot (seq = up_to_seq); 2: an update. */
	kind: number;
	/** bigint, which pg returns as a string. */
	seq: string;
	data: Buffer | null;
}

interface PlanLog {
	lastSeq: number | undefined;
	snapshot: Uint8Array | undefined;
	updates: SequencedUpdate[];
}

export class PostgresUpdateLog {
	readonly #pool: pg.Pool;
	readonly #t: Tables;
	readonly #now: () => Date;
	readonly #onSkipped: (planId: string, error: unknown) => void;

	constructor(options: { pool: pg.Pool; tables: Tables; now: () => Date; onSkipped: (planId: string, error: unknown) => void }) {
		this.#pool = options.pool;
		this.#t = options.tables;
		this.#now = options.now;
		this.#onSkipped = options.onSkipped;
	}

	async append(id: string, update: Uint8Array): Promise<number> {
		const { plans, updates } = this.#t;
		const result = await this.#pool.query<{ seq: string }>(
			`WITH bumped AS (UPDATE ${plans} SET last_seq = last_seq + 1, updated_at = $3 WHERE id = $1 RETURNING last_seq)
			 INSERT INTO ${updates} (plan_id, seq, data) SELECT $1, last_seq, $2 FROM bumped RETURNING seq`,
			[id, toBuffer(update), this.#now().toISOString()]
		);
		const row = result.rows[0];
		if (!row) throw new PlanNotFoundError(id);
		return Number(row.seq);
	}

	async load(id: string): Promise<StoredUpdates> {
		// -1: the snapshot, whatever its up_to_seq, and every update after it.
		const log = await this.#read(id, -1);
		return {
			updates: [...(log.snapshot ? [log.snapshot] : []), ...log.updates.map((u) => u.update)],
			lastSeq: log.lastSeq ?? 0,
			appendedCount: log.updates.length
		};
	}

	async since(id: string, afterSeq: number): Promise<UpdatesSince> {
		const log = await this.#read(id, afterSeq);
		if (log.lastSeq === undefined) throw new PlanNotFoundError(id);
		return { ...(log.snapshot ? { snapshot: log.snapshot } : {}), updates: log.updates, lastSeq: log.lastSeq };
	}

	/**
	 * The plan's last seq, its snapshot when that covers seqs after `afterSeq`, and the updates after
	 * both. One statement reads one MVCC snapshot of the database (the consistency a REPEATABLE READ
	 * transaction would give, in one round trip instead of five), so a compaction committing
	 * meanwhile is seen either wholly or not at all.
	 */
	async #read(id: string, afterSeq: number): Promise<PlanLog> {
		const { plans, snapshots, updates } = this.#t;
		const { rows } = await this.#pool.query<LogRow>(
			`SELECT 0 AS kind, last_seq AS seq, NULL::bytea AS data FROM ${plans} WHERE id = $1
			 UNION ALL
			 SELECT 1, up_to_seq, data FROM ${snapshots} WHERE plan_id = $1 AND up_to_seq > $2
			 UNION ALL
			 SELECT 2, seq, data FROM ${updates}
			  WHERE plan_id = $1 AND seq > GREATEST($2, COALESCE((SELECT up_to_seq FROM ${snapshots} WHERE plan_id = $1), 0))
			 ORDER BY kind, seq`,
			[id, afterSeq]
		);
		const log: PlanLog = { lastSeq: undefined, snapshot: undefined, updates: [] };
		for (const row of rows) {
			if (row.kind === 0) log.lastSeq = Number(row.seq);
			else if (row.data && row.kind === 1) log.snapshot = toBytes(row.data);
			else if (row.data) log.updates.push({ seq: Number(row.seq), update: toBytes(row.data) });
		}
		return log;
	}

	async lastSeqs(ids: readonly string[]): Promise<Map<string, number>> {
		const seqs = new Map<string, number>();
		if (ids.length === 0) return seqs;
		const { rows } = await this.#pool.query<{ id: string; last_seq: string }>(`SELECT id, last_seq FROM ${this.#t.plans} WHERE id = ANY($1::text[])`, [
			[...ids]
		]);
		for (const row of rows) seqs.set(row.id, Number(row.last_seq));
		return seqs;
	}

	async compact(id: string, mergedState: Uint8Array, upToSeq: number, options: CompactOptions): Promise<void> {
		if (!Number.isSafeInteger(upToSeq) || upToSeq < 0) throw new RangeError(`upToSeq must be a seq, not ${upToSeq}`);
		const { plans, snapshots, updates } = this.#t;
		await inTransaction(this.#pool, async (client) => {
			// KEY SHARE: the plan cannot be deleted under us, yet appends (which update the row) go on.
			// Taken before the snapshot row, in the order DELETE FROM plans takes them: no deadlock.
			const plan = await client.query(`SELECT 1 FROM ${plans} WHERE id = $1 FOR KEY SHARE`, [id]);
			if (plan.rowCount === 0) return; // deleted meanwhile: nothing to keep
			// The first compaction has no row to lock: an empty placeholder (never committed as such:
			// it is replaced below) gives the second of two concurrent first compactions one to wait on.
			await client.query(`INSERT INTO ${snapshots} (plan_id, data, up_to_seq) VALUES ($1, ''::bytea, 0) ON CONFLICT (plan_id) DO NOTHING`, [id]);
			const current = await client.query<{ data: Buffer; up_to_seq: string }>(`SELECT data, up_to_seq FROM ${snapshots} WHERE plan_id = $1 FOR UPDATE`, [
				id
			]);
			const old = current.rows[0];
			const oldSeq = Number(old?.up_to_seq ?? 0);
			// A snapshot never moves backwards: an older merge arriving late changes nothing.
			if (oldSeq > upToSeq) return;
			const deleted = await client.query<{ seq: string; data: Buffer }>(`DELETE FROM ${updates} WHERE plan_id = $1 AND seq <= $2 RETURNING seq, data`, [
				id,
				upToSeq
			]);
			const merged = this.#merge(id, [
				...(old && old.data.byteLength > 0 ? [old.data] : []),
				...deleted.rows.sort((a, b) => Number(a.seq) - Number(b.seq)).map((row) => row.data),
				mergedState
			]);
			await client.query(`UPDATE ${snapshots} SET data = $2, up_to_seq = $3 WHERE plan_id = $1`, [id, toBuffer(merged), upToSeq]);
			// Last, so the plan row (which appends lock) is held only for the COMMIT's round trip.
			if (options.title !== undefined) await client.query(`UPDATE ${plans} SET title = $2 WHERE id = $1`, [id, options.title]);
		});
	}

	/** One Yjs update holding all of `parts` (garbage-collected, as the live doc would encode it). */
	#merge(id: string, parts: readonly Uint8Array[]): Uint8Array {
		const doc = new Y.Doc();
		try {
			for (const part of parts) {
				try {
					Y.applyUpdate(doc, part);
				} catch (error) {
					// As when a doc loads: one update that does not apply must not block the plan's compaction.
					this.#onSkipped(id, error);
				}
			}
			return Y.encodeStateAsUpdate(doc);
		} finally {
			doc.destroy();
		}
	}
}

/**
 * The scale-out store: plans in PostgreSQL, shared by every server process of one deployment
 * (`PLANBOOK_DATABASE_URL`). Same behaviour as the SQLite store, plus the `SharedLogStore`
 * guarantees: per-plan gapless seqs committed in order, catch-up reads, and compaction that merges
 * rather than replaces (postgres-update-log.ts). Tokens, versions and workshops live in their own
 * modules, as in SQLite; every table sits in one schema (`public` unless told otherwise).
 *
 * Opening connects once (a clear error naming host:port/db when it cannot; never the password) and
 * migrates under an advisory lock, so processes starting together migrate exactly once.
 */
import type pg from 'pg';
import { consoleLogger, type Logger } from '../log';
import { migratePostgres } from './postgres-migrations';
import { inTransaction, openPool, qualifiedTables, toBuffer, type Tables } from './postgres-pool';
import { PostgresTokens } from './postgres-tokens';
import { PostgresUpdateLog } from './postgres-update-log';
import { PostgresVersions } from './postgres-versions';
import { PostgresWorkshops } from './postgres-workshops';
import type {
	CompactOptions,
	NewPlan,
	NewVersion,
	PlanInfo,
	Role,
	SharedLogStore,
	StoredUpdates,
	TokenGrant,
	UpdatesSince,
	VersionInfo,
	Workshop
} from './store';

export interface PostgresStoreOptions {
	/** `postgres://user:password@host:port/database` (PG* environment variables fill what it omits). */
	connectionString: string;
	/** Schema of planbook's tables, created when missing; `public` by default. */
	schema?: string;
	/** Clock for created/updated times (tests pass a fixed one). */
	now?: () => Date;
	/** Connections per process; pg's default 10. */
	poolSize?: number;
	/** How long connecting may take before it fails; 10 s by default. */
	connectTimeoutMs?: number;
	/** Where a dropped idle connection or a skipped unappliable update is reported. */
	log?: Logger;
}

interface PlanRow {
	id: string;
	title: string;
	created_at: string;
	updated_at: string;
}

/** Connects, creates the schema when missing, migrates it, and returns the store. */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<PostgresStore> {
	const log = options.log ?? consoleLogger();
	const schema = options.schema ?? 'public';
	const { pool, client } = await openPool({
		connectionString: options.connectionString,
		poolSize: options.poolSize ?? 10,
		connectTimeoutMs: options.connectTimeoutMs ?? 10_000,
		onIdleError: (error) => log.warn('an idle PostgreSQL connection failed; the pool reconnects', { reason: error.message })
	});
	client.release();
	const tables = qualifiedTables(schema);
	try {
		await migratePostgres({ pool, schema, tables, now: options.now });
	} catch (error) {
		await pool.end();
		throw error;
	}
	return new PostgresStore({ pool, tables, now: options.now ?? (() => new Date()), log });
}

export class PostgresStore implements SharedLogStore {
	readonly shared = true;
	readonly #pool: pg.Pool;
	readonly #t: Tables;
	readonly #now: () => Date;
	readonly #log: PostgresUpdateLog;
	readonly #tokens: PostgresTokens;
	readonly #versions: PostgresVersions;
	readonly #workshops: PostgresWorkshops;
	#closing: Promise<void> | undefined;

	constructor(options: { pool: pg.Pool; tables: Tables; now: () => Date; log: Logger }) {
		const { pool, tables, now, log } = options;
		this.#pool = pool;
		this.#t = tables;
		this.#now = now;
		const onSkipped = (planId: string, error: unknown): void =>
			log.error('compaction skipped a stored update that does not apply', { plan: planId }, error);
		this.#log = new PostgresUpdateLog({ pool, tables, now, onSkipped });
		this.#tokens = new PostgresTokens({ pool, tables, now });
		this.#versions = new PostgresVersions({ pool, tables });
		this.#workshops = new PostgresWorkshops({ pool, tables });
	}

	async createPlan(plan: NewPlan): Promise<void> {
		const at = this.#now().toISOString();
		await inTransaction(this.#pool, async (client) => {
			// The first state is update 1, as if appended: appendedCount counts it, as in SQLite.
			await client.query(`INSERT INTO ${this.#t.plans} (id, title, created_at, updated_at, last_seq) VALUES ($1, $2, $3, $3, 1)`, [plan.id, plan.title, at]);
			await this.#tokens.insertForPlan(client, plan.id, plan.tokens, at);
			await client.query(`INSERT INTO ${this.#t.updates} (plan_id, seq, data) VALUES ($1, 1, $2)`, [plan.id, toBuffer(plan.initialUpdate)]);
		});
	}

	findToken(token: string): Promise<TokenGrant | null> {
		return this.#tokens.find(token);
	}

	async planExists(id: string): Promise<boolean> {
		const { rowCount } = await this.#pool.query(`SELECT 1 FROM ${this.#t.plans} WHERE id = $1`, [id]);
		return (rowCount ?? 0) > 0;
	}

	async planInfo(id: string): Promise<PlanInfo | null> {
		const { rows } = await this.#pool.query<PlanRow>(`SELECT id, title, created_at, updated_at FROM ${this.#t.plans} WHERE id = $1`, [id]);
		const row = rows[0];
		return row ? { id: row.id, title: row.title, createdAt: row.created_at, updatedAt: row.updated_at } : null;
	}

	loadUpdates(id: string): Promise<StoredUpdates> {
		return this.#log.load(id);
	}

	appendUpdate(id: string, update: Uint8Array): Promise<number> {
		return this.#log.append(id, update);
	}

	compact(id: string, mergedState: Uint8Array, upToSeq: number, options: CompactOptions = {}): Promise<void> {
		return this.#log.compact(id, mergedState, upToSeq, options);
	}

	updatesSince(planId: string, afterSeq: number): Promise<UpdatesSince> {
		return this.#log.since(planId, afterSeq);
	}

	lastSeqs(planIds: readonly string[]): Promise<Map<string, number>> {
		return this.#log.lastSeqs(planIds);
	}

	rotateToken(planId: string, role: Role, newToken: string): Promise<string | null> {
		return this.#tokens.rotate(planId, role, newToken);
	}

	createWorkshop(workshop: Workshop, trainerToken: string): Promise<void> {
		return this.#workshops.create(workshop, trainerToken);
	}

	findWorkshop(id: string, trainerToken: string): Promise<Workshop | null> {
		return this.#workshops.find(id, trainerToken);
	}

	setWorkshopLocked(id: string, trainerToken: string, locked: boolean): Promise<Workshop | null> {
		return this.#workshops.setLocked(id, trainerToken, locked);
	}

	isPlanLocked(planId: string): Promise<boolean> {
		return this.#workshops.isPlanLocked(planId);
	}

	createVersion(planId: string, version: NewVersion): Promise<void> {
		return this.#versions.create(planId, version);
	}

	listVersions(planId: string): Promise<VersionInfo[]> {
		return this.#versions.list(planId);
	}

	loadVersion(planId: string, versionId: string): Promise<Uint8Array | null> {
		return this.#versions.load(planId, versionId);
	}

	async deletePlan(id: string): Promise<boolean> {
		// Updates, snapshot and versions go with the plan (ON DELETE CASCADE); tokens stay (migration 1).
		const { rowCount } = await this.#pool.query(`DELETE FROM ${this.#t.plans} WHERE id = $1`, [id]);
		return (rowCount ?? 0) > 0;
	}

	/** Ends the pool once in-flight queries finish; calling it again waits for the same end. */
	close(): Promise<void> {
		this.#closing ??= this.#pool.end();
		return this.#closing;
	}
}

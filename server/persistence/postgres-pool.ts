/**
 * The PostgreSQL plumbing shared by the postgres-*.ts modules: the pool, an error that names the
 * server without its password, transactions, and table names qualified by schema.
 *
 * Tables are named `"schema"."table"` in every statement rather than through `search_path`: a
 * session setting would be lost behind a pooler in transaction mode (PgBouncer), and a qualified
 * name can never silently resolve to another schema's table.
 */
import pg from 'pg';

/** Every table of the store (see postgres-migrations.ts). */
export const TABLE_NAMES = ['planbook_migrations', 'plans', 'tokens', 'updates', 'snapshots', 'versions', 'workshops', 'workshop_teams'] as const;
export type TableName = (typeof TABLE_NAMES)[number];
/** Each table as it appears in SQL: `"schema"."table"`. */
export type Tables = Readonly<Record<TableName, string>>;

/** Something statements run on: the pool (autocommit) or one checked-out client (a transaction). */
export type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>;

export function qualifiedTables(schema: string): Tables {
	const prefix = `${pg.escapeIdentifier(schema)}.`;
	return Object.fromEntries(TABLE_NAMES.map((name) => [name, prefix + pg.escapeIdentifier(name)])) as Record<TableName, string>;
}

/** The server a connection string points at, as `host:port/database`, never with the password. */
export function describeServer(connectionString: string): string {
	try {
		// The client parses the string exactly as it will connect (PG* variables fill the gaps);
		// constructing it opens nothing.
		const client = new pg.Client({ connectionString });
		return `${client.host}:${client.port}/${client.database ?? ''}`;
	} catch {
		return 'an unparsable connection string';
	}
}

/** The connection string's password, when it has one (to keep it out of error messages). */
function passwordOf(connectionString: string): string | undefined {
	try {
		const password = new pg.Client({ connectionString }).password;
		return typeof password === 'string' && password.length > 0 ? password : undefined;
	} catch {
		return undefined;
	}
}

/** `cannot connect to PostgreSQL at host:port/db: reason`, with any echo of the password masked. */
export class PostgresConnectError extends Error {
	override readonly name = 'PostgresConnectError';
	constructor(connectionString: string, cause: unknown) {
		const password = passwordOf(connectionString);
		let reason = cause instanceof Error ? cause.message || cause.name : String(cause);
		if (password) reason = reason.split(password).join('***');
		super(`cannot connect to PostgreSQL at ${describeServer(connectionString)}: ${reason}`);
	}
}

export interface PoolOptions {
	connectionString: string;
	poolSize: number;
	connectTimeoutMs: number;
	/** An idle pooled connection failed (server restart, network); the pool drops it and reconnects. */
	onIdleError: (error: Error) => void;
}

/** Creates the pool and checks out a first client, so a wrong URL fails here, clearly. */
export async function openPool(options: PoolOptions): Promise<{ pool: pg.Pool; client: pg.PoolClient }> {
	let pool: pg.Pool;
	try {
		pool = new pg.Pool({
			connectionString: options.connectionString,
			max: options.poolSize,
			connectionTimeoutMillis: options.connectTimeoutMs,
			application_name: 'planbook'
		});
	} catch (error) {
		throw new PostgresConnectError(options.connectionString, error);
	}
	// Without a listener an idle client's error (e.g. the server restarting) would crash the process.
	pool.on('error', (error) => options.onIdleError(error));
	try {
		return { pool, client: await pool.connect() };
	} catch (error) {
		await pool.end().catch(() => {});
		throw new PostgresConnectError(options.connectionString, error);
	}
}

/** Runs `work` in one transaction on one client: COMMIT when it resolves, ROLLBACK when it throws. */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
	const client = await pool.connect();
	let broken: Error | undefined;
	try {
		await client.query('BEGIN');
		const result = await work(client);
		await client.query('COMMIT');
		return result;
	} catch (error) {
		try {
			await client.query('ROLLBACK');
		} catch (rollbackError) {
			// The connection itself failed: do not hand it to the next caller.
			broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
		}
		throw error;
	} finally {
		client.release(broken);
	}
}

/** PostgreSQL's error code (SQLSTATE) of a failed statement, if it is one. */
export function sqlState(error: unknown): string | undefined {
	const code = (error as { code?: unknown } | null)?.code;
	return typeof code === 'string' ? code : undefined;
}

/** pg binds Buffers as bytea; this views the same bytes without copying. */
export function toBuffer(bytes: Uint8Array): Buffer {
	return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** A bytea as a plain Uint8Array over the same memory (pg hands out Buffers). */
export function toBytes(data: Buffer): Uint8Array {
	return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

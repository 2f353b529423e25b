/**
 * The external services of the scale-out tests: PostgreSQL and Redis on loopback (CI runs both; a
 * developer's machine may not). A test file checks once at its top and skips what needs a missing
 * service, saying which (`serviceWarning`), so `npm test` still passes without them.
 */
import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import pg from 'pg';
import * as Y from 'yjs';
import { silentLogger } from '../../../server/log';
import { openPostgresStore } from '../../../server/persistence/postgres-store';

/** How long a check waits for a service before calling it missing. */
const CHECK_TIMEOUT_MS = 2_000;

export function postgresUrl(): string {
	return process.env.PLANBOOK_TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
}

export function redisUrl(): string {
	return process.env.PLANBOOK_TEST_REDIS_URL || 'redis://127.0.0.1:6379';
}

/** Whether PostgreSQL at `url` accepts a connection and answers a query within 2 s. */
export async function postgresAvailable(url = postgresUrl()): Promise<boolean> {
	const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: CHECK_TIMEOUT_MS, query_timeout: CHECK_TIMEOUT_MS });
	// A connection dropped after the check must not crash the test process.
	client.on('error', () => {});
	try {
		await client.connect();
		await client.query('SELECT 1');
		return true;
	} catch {
		return false;
	} finally {
		await client.end().catch(() => {});
	}
}

/** Whether Redis at `url` answers `PING` with `+PONG` within 2 s (plain TCP, no client library). */
export function redisAvailable(url = redisUrl()): Promise<boolean> {
	let host: string;
	let port: number;
	try {
		const parsed = new URL(url);
		host = parsed.hostname || '127.0.0.1';
		port = Number(parsed.port || 6379);
	} catch {
		return Promise.resolve(false);
	}
	return new Promise((resolve) => {
		const socket = connect({ host, port });
		let reply = '';
		const done = (up: boolean): void => {
			clearTimeout(timer);
			socket.destroy();
			resolve(up);
		};
		const timer = setTimeout(() => done(false), CHECK_TIMEOUT_MS);
		socket.setEncoding('latin1');
		socket.on('connect', () => socket.write('PING\r\n'));
		socket.on('data', (chunk: string) => {
			reply += chunk;
			// An error reply (e.g. -NOAUTH) means a Redis these tests cannot use as configured.
			if (reply.includes('\r\n')) done(reply.startsWith('+PONG'));
		});
		socket.on('error', () => done(false));
		socket.on('close', () => done(false));
	});
}

export type Service = 'postgres' | 'redis';

/**
 * What a test file prints (once, at its top) when it skips tests for lack of a service: which one,
 * where it looked, and how to provide it.
 */
export function serviceWarning(file: string, missing: readonly Service[]): string {
	const how: Record<Service, string> = {
		postgres: `PostgreSQL at ${redactPassword(postgresUrl())} (start one, e.g. \`docker run -d -p 5432:5432 -e POSTGRES_HOST_AUTH_METHOD=trust -e POSTGRES_DB=test postgres:16\`, or set PLANBOOK_TEST_DATABASE_URL)`,
		redis: `Redis at ${redisUrl()} (start one, e.g. \`docker run -d -p 6379:6379 redis:7\`, or set PLANBOOK_TEST_REDIS_URL)`
	};
	return `${file}: skipping the tests that need ${missing.map((service) => how[service]).join(' and ')}: not reachable`;
}

/** A fresh schema name for one test file's tables: `<prefix>_<time>_<random>`, a plain identifier. */
export function uniqueSchema(prefix: string): string {
	const safePrefix = prefix.toLowerCase().replace(/[^a-z0-9_]/g, '_');
	return `${safePrefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
}

/** Drops a test schema and everything in it (no error when it is already gone). */
export async function dropSchema(url: string, schema: string): Promise<void> {
	const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: CHECK_TIMEOUT_MS });
	client.on('error', () => {});
	try {
		await client.connect();
		await client.query(`DROP SCHEMA IF EXISTS ${pg.escapeIdentifier(schema)} CASCADE`);
	} finally {
		await client.end().catch(() => {});
	}
}

/** Empties every table of a schema except its migration record (a fresh store between tests). */
export async function truncateSchema(url: string, schema: string): Promise<void> {
	const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: CHECK_TIMEOUT_MS });
	client.on('error', () => {});
	try {
		await client.connect();
		const { rows } = await client.query<{ tablename: string }>(
			`SELECT tablename FROM pg_tables WHERE schemaname = $1 AND tablename <> 'planbook_migrations'`,
			[schema]
		);
		if (rows.length === 0) return;
		const tables = rows.map((row) => `${pg.escapeIdentifier(schema)}.${pg.escapeIdentifier(row.tablename)}`);
		await client.query(`TRUNCATE ${tables.join(', ')} RESTART IDENTITY`);
	} finally {
		await client.end().catch(() => {});
	}
}

function redactPassword(url: string): string {
	try {
		const parsed = new URL(url);
		if (parsed.password) parsed.password = '***';
		return parsed.toString();
	} catch {
		return url;
	}
}

/** A plan as PostgreSQL holds it now (schema `schema`), read by a store of its own. */
export async function storedDoc(schema: string, planId: string): Promise<Y.Doc> {
	const store = await openPostgresStore({ connectionString: postgresUrl(), schema, poolSize: 1, log: silentLogger() });
	try {
		const doc = new Y.Doc();
		for (const update of (await store.loadUpdates(planId)).updates) Y.applyUpdate(doc, update);
		return doc;
	} finally {
		await store.close();
	}
}

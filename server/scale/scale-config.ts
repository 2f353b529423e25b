/**
 * Scale-out settings from the environment. Without them planbook is one process on its embedded
 * SQLite store. `PLANBOOK_DATABASE_URL` alone puts plans in PostgreSQL (one process);
 * with `PLANBOOK_REDIS_URL` too, any number of identical processes serve the same plans. Redis alone
 * is refused: processes that each keep their own SQLite file cannot share plans.
 */
import { ConfigError } from '../config';

export interface ScaleOutConfig {
	databaseUrl?: string;
	/** PostgreSQL schema for planbook's tables (default public): several deployments in one database. */
	databaseSchema?: string;
	redisUrl?: string;
	/** Prefix of the Redis channels (default planbook): several deployments on one Redis. */
	busPrefix?: string;
}

type Env = Readonly<Record<string, string | undefined>>;

export function scaleOutFromEnv(env: Env): ScaleOutConfig {
	const databaseUrl = readUrl(env, 'PLANBOOK_DATABASE_URL', ['postgres:', 'postgresql:']);
	const redisUrl = readUrl(env, 'PLANBOOK_REDIS_URL', ['redis:', 'rediss:']);
	if (redisUrl && !databaseUrl) {
		throw new ConfigError('PLANBOOK_REDIS_URL needs PLANBOOK_DATABASE_URL: several processes can only share plans stored in PostgreSQL');
	}
	const databaseSchema = readName(env, 'PLANBOOK_DATABASE_SCHEMA', /^[a-z_][a-z0-9_]{0,62}$/, 'lower-case letters, digits and _ (at most 63)');
	const busPrefix = readName(env, 'PLANBOOK_REDIS_PREFIX', /^[A-Za-z0-9_.:-]{1,64}$/, 'letters, digits and _ . : - (at most 64)');
	if (databaseSchema && !databaseUrl) throw new ConfigError('PLANBOOK_DATABASE_SCHEMA needs PLANBOOK_DATABASE_URL');
	if (busPrefix && !redisUrl) throw new ConfigError('PLANBOOK_REDIS_PREFIX needs PLANBOOK_REDIS_URL');
	return { databaseUrl, redisUrl, ...(databaseSchema ? { databaseSchema } : {}), ...(busPrefix ? { busPrefix } : {}) };
}

function readName(env: Env, name: string, pattern: RegExp, expected: string): string | undefined {
	const raw = env[name]?.trim();
	if (!raw) return undefined;
	if (!pattern.test(raw)) throw new ConfigError(`${name} must be ${expected}, got "${raw}"`);
	return raw;
}

function readUrl(env: Env, name: string, protocols: readonly string[]): string | undefined {
	const raw = env[name]?.trim();
	if (!raw) return undefined;
	let protocol: string;
	try {
		protocol = new URL(raw).protocol;
	} catch {
		throw new ConfigError(`${name} is not a URL (expected ${protocols[0]}//host:port/…)`);
	}
	if (!protocols.includes(protocol)) throw new ConfigError(`${name} must start with ${protocols.map((p) => `${p}//`).join(' or ')}, got ${protocol}//…`);
	return raw;
}

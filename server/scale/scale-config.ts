/**
 * Scale-out settings from the environment. Without them planbook is one process on its embedded
 * SQLite store. `PLANBOOK_DATABASE_URL` alone puts plans in PostgreSQL (one process);
 * with `PLANBOOK_REDIS_URL` too, any number of identical processes serve the same plans. Redis alone
 * is refused: processes that each keep their own SQLite file cannot share plans.
 */
import { ConfigError } from '../config';

export interface ScaleOutConfig {
	databaseUrl?: string;
	redisUrl?: string;
}

type Env = Readonly<Record<string, string | undefined>>;

export function scaleOutFromEnv(env: Env): ScaleOutConfig {
	const databaseUrl = readUrl(env, 'PLANBOOK_DATABASE_URL', ['postgres:', 'postgresql:']);
	const redisUrl = readUrl(env, 'PLANBOOK_REDIS_URL', ['redis:', 'rediss:']);
	if (redisUrl && !databaseUrl) {
		throw new ConfigError('PLANBOOK_REDIS_URL needs PLANBOOK_DATABASE_URL: several processes can only share plans stored in PostgreSQL');
	}
	return { databaseUrl, redisUrl };
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

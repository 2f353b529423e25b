/**
 * Server limits and their environment variables. Defaults suit one process serving a team: a frame
 * or request body may carry a whole pasted plan (10 MiB), an idle plan leaves memory after a minute.
 */
import type { SqliteSynchronous } from './persistence/sqlite-store';

export interface ServerLimits {
	/** Largest WebSocket message accepted; larger ones close the socket with 4413. */
	maxFrameBytes: number;
	/** Largest REST request body; larger ones get 413. */
	maxBodyBytes: number;
	/** How long a plan with no connection stays loaded before it is compacted and unloaded. */
	idleUnloadMs: number;
	/** Merge the update log into the snapshot after this many appended updates. */
	compactEvery: number;
	/** Sustained messages per second one socket may send (0 = unlimited); beyond: close 4429. */
	messagesPerSecond: number;
	/** Messages a socket may send in a burst above the sustained rate (reconnect, paste). */
	messageBurst: number;
	/** Interval of WebSocket pings; a socket that missed the previous pong is cut. */
	pingIntervalMs: number;
}

export const DEFAULT_LIMITS: Readonly<ServerLimits> = {
	maxFrameBytes: 10 * 1024 * 1024,
	maxBodyBytes: 10 * 1024 * 1024,
	idleUnloadMs: 60_000,
	compactEvery: 500,
	messagesPerSecond: 300,
	messageBurst: 2_000,
	pingIntervalMs: 30_000
};

const ENV_NAMES: Readonly<Record<keyof ServerLimits, string>> = {
	maxFrameBytes: 'PLANBOOK_MAX_FRAME_BYTES',
	maxBodyBytes: 'PLANBOOK_MAX_BODY_BYTES',
	idleUnloadMs: 'PLANBOOK_IDLE_UNLOAD_MS',
	compactEvery: 'PLANBOOK_COMPACT_EVERY',
	messagesPerSecond: 'PLANBOOK_MAX_MESSAGES_PER_SECOND',
	messageBurst: 'PLANBOOK_MESSAGE_BURST',
	pingIntervalMs: 'PLANBOOK_PING_INTERVAL_MS'
};

/** A configuration value that cannot be used; the message names the variable. */
export class ConfigError extends Error {
	override readonly name = 'ConfigError';
}

type Env = Readonly<Record<string, string | undefined>>;

/** Limits from the environment, defaults for what is unset. Throws ConfigError for a bad value. */
export function limitsFromEnv(env: Env): ServerLimits {
	const limits = { ...DEFAULT_LIMITS };
	for (const key of Object.keys(ENV_NAMES) as (keyof ServerLimits)[]) {
		const name = ENV_NAMES[key];
		const raw = env[name];
		if (raw === undefined || raw.trim() === '') continue;
		const value = Number(raw);
		// Zero is meaningful only for the rate (off); a zero frame size or ping interval is a typo.
		const minimum = key === 'messagesPerSecond' ? 0 : 1;
		if (!Number.isSafeInteger(value) || value < minimum) {
			throw new ConfigError(`${name} must be a whole number ≥ ${minimum}, got "${raw}"`);
		}
		limits[key] = value;
	}
	return limits;
}

/** `PLANBOOK_SQLITE_SYNCHRONOUS`: NORMAL (default) or FULL (see sqlite-store.ts). */
export function sqliteSynchronousFromEnv(env: Env): SqliteSynchronous {
	const raw = (env.PLANBOOK_SQLITE_SYNCHRONOUS ?? '').trim().toUpperCase();
	if (raw === '' || raw === 'NORMAL') return 'NORMAL';
	if (raw === 'FULL') return 'FULL';
	throw new ConfigError(`PLANBOOK_SQLITE_SYNCHRONOUS must be NORMAL or FULL, got "${env.PLANBOOK_SQLITE_SYNCHRONOUS}"`);
}

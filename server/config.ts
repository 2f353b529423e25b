/**
 * Server limits and their environment variables. Defaults suit one process serving a team: a frame
 * or request body may carry a whole pasted plan (10 MiB), an idle plan leaves memory after a minute.
 *
 * Every breach closes (or, for presence, throttles) only the connection at fault, is logged and is
 * counted in planbook_limit_breaches_total{limit}. Permanent problems close with a 44xx code, after
 * which clients stop retrying (a frame or plan too large: retrying sends the same bytes again);
 * passing ones with 1013 "try again later", after which y-websocket backs off and reconnects.
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
	/**
	 * Largest stored plan (snapshot + update log, bytes). An update that would grow it beyond is
	 * refused, not stored, and its socket closed with 4422; deletions are always accepted.
	 */
	maxDocBytes: number;
	/** Open WebSockets per remote address; beyond: close 1013 (the client retries later). */
	maxConnectionsPerAddress: number;
	/** Plans loaded in this process at once; a connection that would load one more gets 1013. */
	maxLoadedDocs: number;
	/** Sustained presence (awareness) messages per second one socket may send; beyond: dropped. */
	awarenessPerSecond: number;
	/** Presence messages a socket may send in a burst above the sustained rate. */
	awarenessBurst: number;
}

export const DEFAULT_LIMITS: Readonly<ServerLimits> = {
	maxFrameBytes: 10 * 1024 * 1024,
	maxBodyBytes: 10 * 1024 * 1024,
	idleUnloadMs: 60_000,
	compactEvery: 500,
	messagesPerSecond: 300,
	messageBurst: 2_000,
	pingIntervalMs: 30_000,
	// A 2 MB plan is a large one (bench/load-bench.ts); the log may weigh as much again before compaction.
	maxDocBytes: 64 * 1024 * 1024,
	// A classroom behind one NAT: 30 teams of 5, a few tabs each, and the trainer's dashboard.
	maxConnectionsPerAddress: 256,
	maxLoadedDocs: 2_000,
	// y-websocket sends presence on every cursor move and renews it every 15 s.
	awarenessPerSecond: 10,
	awarenessBurst: 20
};

const ENV_NAMES: Readonly<Record<keyof ServerLimits, string>> = {
	maxFrameBytes: 'PLANBOOK_MAX_FRAME_BYTES',
	maxBodyBytes: 'PLANBOOK_MAX_BODY_BYTES',
	idleUnloadMs: 'PLANBOOK_IDLE_UNLOAD_MS',
	compactEvery: 'PLANBOOK_COMPACT_EVERY',
	messagesPerSecond: 'PLANBOOK_MAX_MESSAGES_PER_SECOND',
	messageBurst: 'PLANBOOK_MESSAGE_BURST',
	pingIntervalMs: 'PLANBOOK_PING_INTERVAL_MS',
	maxDocBytes: 'PLANBOOK_MAX_DOC_BYTES',
	maxConnectionsPerAddress: 'PLANBOOK_MAX_CONNECTIONS_PER_ADDRESS',
	maxLoadedDocs: 'PLANBOOK_MAX_LOADED_DOCS',
	awarenessPerSecond: 'PLANBOOK_MAX_AWARENESS_PER_SECOND',
	awarenessBurst: 'PLANBOOK_AWARENESS_BURST'
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
		// Zero is meaningful only for the rates (off); a zero frame size or ping interval is a typo.
		const minimum = key === 'messagesPerSecond' || key === 'awarenessPerSecond' ? 0 : 1;
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

/**
 * planbook server entry (run with tsx): one Node process, one port, serving the SvelteKit app from
 * `build/`, the WebSocket endpoint `/ws/<planId>`, the REST API `/api`, `/healthz` and `/metrics`.
 * Configuration by environment: PORT (3000), HOST (0.0.0.0), PLANBOOK_DATA_DIR (./data, created
 * when missing), PLANBOOK_SQLITE_SYNCHRONOUS, and the limits of config.ts (PLANBOOK_IDLE_UNLOAD_MS,
 * PLANBOOK_MAX_FRAME_BYTES, …). Scale-out: PLANBOOK_DATABASE_URL (plans in PostgreSQL) and
 * PLANBOOK_REDIS_URL (several processes share plans through Redis); see README "Running at scale".
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadAppHandler, MissingBuildError } from './app-handler';
import { ConfigError, limitsFromEnv, sqliteSynchronousFromEnv } from './config';
import { consoleLogger } from './log';
import { clientAddressHeaderFromEnv } from './client-address';
import { startServer } from './start-server';
import { PostgresSchemaError } from './persistence/postgres-migrations';
import { PostgresConnectError } from './persistence/postgres-pool';
import { BusConnectError } from './scale/redis-bus';
import { scaleOutFromEnv } from './scale/scale-config';

/** How long a graceful shutdown may take before the process exits anyway. */
const SHUTDOWN_GRACE_MS = 10_000;

function readPort(raw: string | undefined): number {
	if (raw === undefined || raw === '') return 3000;
	const port = Number(raw);
	if (!Number.isInteger(port) || port < 0 || port > 65_535) {
		fail(`PORT must be an integer between 0 and 65535, got "${raw}".`);
	}
	return port;
}

function fail(message: string): never {
	console.error(`planbook: ${message}`);
	process.exit(1);
}

async function main(): Promise<void> {
	const port = readPort(process.env.PORT);
	const host = process.env.HOST || '0.0.0.0';
	const dataDir = resolve(process.env.PLANBOOK_DATA_DIR || 'data');
	const buildDir = fileURLToPath(new URL('../build', import.meta.url));
	let limits;
	let synchronous;
	let scaleOut;
	let clientAddressHeader;
	try {
		limits = limitsFromEnv(process.env);
		synchronous = sqliteSynchronousFromEnv(process.env);
		scaleOut = scaleOutFromEnv(process.env);
		clientAddressHeader = clientAddressHeaderFromEnv(process.env);
	} catch (error) {
		if (error instanceof ConfigError) fail(error.message);
		throw error;
	}

	const handler = await loadAppHandler(buildDir).catch((error: unknown) => {
		if (error instanceof MissingBuildError) fail(error.message);
		throw error;
	});

	const server = await startServer({ port, host, dataDir, handler, limits, synchronous, logger: consoleLogger(), clientAddressHeader, ...scaleOut }).catch(
		(error: NodeJS.ErrnoException) => {
			if (error instanceof BusConnectError || error instanceof PostgresConnectError || error instanceof PostgresSchemaError) fail(error.message);
			if (error.code === 'EADDRINUSE') fail(`port ${port} is already in use; set PORT to another one.`);
			if (error.code === 'EACCES' || error.code === 'EROFS') fail(`cannot use the data directory ${dataDir}: ${error.message}`);
			throw error;
		}
	);
	const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
	const storage = scaleOut.databaseUrl ? `plans in PostgreSQL${scaleOut.redisUrl ? ', shared through Redis' : ''}` : `data in ${dataDir}`;
	console.log(`planbook listening on http://${shownHost}:${server.port} (${storage})`);

	let stopping = false;
	const shutdown = (signal: NodeJS.Signals): void => {
		if (stopping) return;
		stopping = true;
		console.log(`planbook: ${signal} received, shutting down`);
		setTimeout(() => {
			console.error('planbook: shutdown took too long; exiting');
			process.exit(1);
		}, SHUTDOWN_GRACE_MS).unref();
		server.close().then(
			() => process.exit(0),
			(error: unknown) => {
				console.error('planbook: shutdown failed', error);
				process.exit(1);
			}
		);
	};
	process.on('SIGINT', shutdown);
	process.on('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
	console.error('planbook: failed to start', error);
	process.exit(1);
});

/**
 * Planbook server processes for the reliability suite: each a real child process (so SIGKILL is
 * real) running tests/integration/helpers/child-server-entry.ts, on PostgreSQL + Redis with a
 * schema and channel prefix of the test's own, or on SQLite when no database URL is given.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnChildServer, type ChildServer } from '../../integration/helpers/child-server';
import { dropSchema, postgresUrl, uniqueSchema } from '../../integration/helpers/services';

/** Limits a test run needs: hundreds of clients from 127.0.0.1, and quick unloading. */
export const LOAD_LIMITS: Readonly<Record<string, string>> = {
	PLANBOOK_MAX_CONNECTIONS_PER_ADDRESS: '10000',
	PLANBOOK_IDLE_UNLOAD_MS: '2000'
};

export interface ClusterOptions {
	/** PostgreSQL + Redis (scale-out); without them, one SQLite directory shared by no one. */
	redisUrl?: string;
	databaseUrl?: string;
	env?: Record<string, string>;
}

export class Cluster {
	readonly schema: string | undefined;
	readonly prefix = `planbook-reliability-${randomUUID()}`;
	readonly processes: (ChildServer | undefined)[] = [];
	readonly #options: ClusterOptions;
	readonly #dirs: string[] = [];
	readonly #ports: number[] = [];

	constructor(options: ClusterOptions) {
		this.#options = options;
		this.schema = options.databaseUrl ? uniqueSchema('planbook_rel') : undefined;
	}

	/** Starts process `index` (on its former port when it ran before). */
	async start(index: number): Promise<ChildServer> {
		const dir = mkdtempSync(join(tmpdir(), 'planbook-rel-'));
		this.#dirs.push(dir);
		const { databaseUrl, redisUrl } = this.#options;
		const env: Record<string, string> = {
			...LOAD_LIMITS,
			...this.#options.env,
			PORT: String(this.#ports[index] ?? 0),
			...(databaseUrl ? { PLANBOOK_DATABASE_URL: databaseUrl, PLANBOOK_TEST_DB_SCHEMA: this.schema as string } : {}),
			...(redisUrl ? { PLANBOOK_REDIS_URL: redisUrl, PLANBOOK_TEST_BUS_PREFIX: this.prefix } : {})
		};
		const child = await spawnChildServer(dir, 30_000, env);
		this.processes[index] = child;
		this.#ports[index] = Number(new URL(child.url).port);
		return child;
	}

	process(index: number): ChildServer {
		const child = this.processes[index];
		if (!child) throw new Error(`process ${index} is not running`);
		return child;
	}

	async kill9(index: number): Promise<void> {
		await this.processes[index]?.kill9();
		this.processes[index] = undefined;
	}

	async stop(): Promise<void> {
		for (let index = 0; index < this.processes.length; index++) await this.kill9(index);
		for (const dir of this.#dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
		if (this.schema) await dropSchema(postgresUrl(), this.schema);
	}
}

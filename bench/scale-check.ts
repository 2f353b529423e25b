/**
 * What the scale suite reads besides the clients: the services it needs, the plan as PostgreSQL
 * holds it (the convergence check's reference: nothing acknowledged may be missing there), and the
 * scale-out counters of a server's /metrics.
 */
import * as Y from 'yjs';
import { silentLogger } from '../server/log';
import { describeServer } from '../server/persistence/postgres-pool';
import { openPostgresStore } from '../server/persistence/postgres-store';
import { describeRedisUrl } from '../server/scale/redis-bus';
import { postgresAvailable, redisAvailable } from '../tests/integration/helpers/services';
import { docDigest } from './sync-peers';
import { metricSample } from './sync-latency';

/** Why the suite cannot run (which service is missing, where it looked), or null when it can. */
export async function missingServices(databaseUrl: string, redisUrl: string): Promise<string | null> {
	const [postgres, redis] = await Promise.all([postgresAvailable(databaseUrl), redisAvailable(redisUrl)]);
	const missing = [
		...(postgres ? [] : [`PostgreSQL at ${describeServer(databaseUrl)}`]),
		...(redis ? [] : [`Redis at ${describeRedisUrl(redisUrl)}`])
	];
	if (missing.length === 0) return null;
	return `${missing.join(' and ')} not reachable (set PLANBOOK_TEST_DATABASE_URL / PLANBOOK_TEST_REDIS_URL to use others)`;
}

/** The plan as stored in `schema` (snapshot and update log): its digest and last seq. */
export async function storedPlan(options: { databaseUrl: string; schema: string; planId: string }): Promise<{ digest: string; lastSeq: number }> {
	const store = await openPostgresStore({ connectionString: options.databaseUrl, schema: options.schema, poolSize: 1, log: silentLogger() });
	try {
		const stored = await store.loadUpdates(options.planId);
		const doc = new Y.Doc();
		for (const update of stored.updates) Y.applyUpdate(doc, update);
		const digest = docDigest(doc);
		doc.destroy();
		return { digest, lastSeq: stored.lastSeq };
	} finally {
		await store.close();
	}
}

/** A server's scale-out counters (cumulative since it started). */
export interface ScaleCounters {
	/** Updates this process stored (each is one seq of the plan's log). */
	stored: number;
	published: number;
	publishFailed: number;
	received: number;
	catchUps: number;
	catchUpUpdates: number;
}

export async function readScaleCounters(url: string): Promise<ScaleCounters> {
	const text = await (await fetch(`${url}/metrics`)).text();
	const bus = (direction: string): number => metricSample(text, `planbook_bus_messages_total{direction="${direction}"}`);
	return {
		stored: metricSample(text, 'planbook_updates_stored_total'),
		published: bus('published'),
		publishFailed: bus('publish-failed'),
		received: bus('received'),
		catchUps: metricSample(text, 'planbook_catch_ups_total'),
		catchUpUpdates: metricSample(text, 'planbook_catch_up_updates_total')
	};
}

/** `after − before`, field by field, summed over the processes of a setup. */
export function counterGrowth(after: readonly ScaleCounters[], before: readonly ScaleCounters[]): ScaleCounters {
	const total = { stored: 0, published: 0, publishFailed: 0, received: 0, catchUps: 0, catchUpUpdates: 0 };
	after.forEach((a, index) => {
		const b = before[index];
		if (!b) return;
		for (const key of Object.keys(total) as (keyof ScaleCounters)[]) total[key] += a[key] - b[key];
	});
	return total;
}

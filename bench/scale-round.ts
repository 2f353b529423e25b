/**
 * One round of the scale suite (scale-bench.ts), always fresh: a PostgreSQL schema and a Redis
 * channel prefix of its own, one or two planbook processes on them (sync-server-entry.ts `scale`),
 * a plan from the marketing-plan template created on process A, the fifty writers
 * (sync-writers-entry.ts) split between the processes (writer i on process i mod n), and two
 * observers here: the first on process A, connected before the writers, the last on the last
 * process (B in `two`, A in `one`), after them. Then:
 *
 * 1. paced: a warm-up, then the sync suite's load (each writer one edit every 500 ms, so 100
 *    edits/s), timed at both observers as sync-bench.ts does. In `two`, each observer is on the
 *    process of half the writers; the other half's edits reach it over Redis (`viaBus`).
 * 2. flood: every writer edits as fast as acknowledgments allow (one edit in flight each) for a
 *    fixed time. Throughput = edits over the time from the first edit until the last was
 *    acknowledged (stored) and had reached both observers (converged).
 * 3. checks, any failing one failing the suite: every client holds the same doc, no connection
 *    dropped, no timed edit went missing, and PostgreSQL holds that same doc, with exactly one seq
 *    per update the processes stored (plus the plan's first state).
 */
import { randomUUID } from 'node:crypto';
import { dropSchema, uniqueSchema } from '../tests/integration/helpers/services';
import { counterGrowth, readScaleCounters, storedPlan, type ScaleCounters } from './scale-check';
import { createPlan, editAndWait, expectConverged, readWrites, subtractWrites, type ServerStats, type WriteCounts } from './sync-bench';
import { clockOffset, matchLatencies } from './sync-latency';
import { connectPeer, recordArrivals, whenCovers, type BenchPeer, type ClockMark } from './sync-peers';
import { forkTs, within, type BenchChild } from './sync-processes';

export type Setup = 'one' | 'two';

/** The load of every round, the same for both setups. */
export const SCALE_LOAD = { writers: 50, warmupEdits: 3, pacedEdits: 10, intervalMs: 500, floodMs: 5_000 } as const;
const TIMEOUTS = { start: 30_000, converge: 15_000 };

export interface ScaleRound {
	setup: Setup;
	/** Paced latencies (ms) at both observers of edits made on the observer's own process. */
	sameProcess: number[];
	/** … and of edits made on the other process, relayed over Redis (`two` only). */
	viaBus: number[];
	offset: { offsetMs: number; uncertaintyMs: number };
	/** `writersCpuMs`: what the writers' process used meanwhile (is the harness the limit?). */
	flood: { edits: number; seconds: number; ackMs: number[]; writersCpuMs: number };
	/** Summed over the setup's processes, per phase. */
	cpuMs: { paced: number; flood: number };
	/** The worst of the setup's processes, per phase. */
	loopDelayMs: { paced: ServerStats['loopDelayMs']; flood: ServerStats['loopDelayMs'] };
	writes: { paced: WriteCounts; flood: WriteCounts };
	/** Summed over the processes, per phase. */
	counters: { paced: ScaleCounters; flood: ScaleCounters };
}

interface Flooded {
	type: 'flooded';
	edits: number;
	startedAt: number;
	lastAckAt: number;
	ackMs: number[];
	clocks: [number, number][];
	cpuMs: number;
}

/** What the setup's processes report at a point of the round. */
interface Sample {
	stats: ServerStats[];
	writes: WriteCounts[];
	counters: ScaleCounters[];
}

/** Runs one round; throws when a check fails (see the header). Drops its schema however it ends. */
export async function runScaleRound(options: { setup: Setup; index: number; databaseUrl: string; redisUrl: string }): Promise<ScaleRound> {
	const { setup, index, databaseUrl, redisUrl } = options;
	const schema = uniqueSchema('planbook_bench');
	const servers: BenchChild[] = [];
	const observers: BenchPeer[] = [];
	let writers: BenchChild | undefined;
	try {
		const env = {
			PLANBOOK_DATABASE_URL: databaseUrl,
			PLANBOOK_REDIS_URL: redisUrl,
			PLANBOOK_BENCH_DB_SCHEMA: schema,
			PLANBOOK_BENCH_BUS_PREFIX: `planbook-bench-${randomUUID()}`
		};
		for (let i = 0; i < (setup === 'one' ? 1 : 2); i++) servers.push(forkTs('bench/sync-server-entry.ts', { args: ['scale'], env }));
		const urls = await Promise.all(servers.map(async (s) => (await s.next<{ type: 'listening'; url: string }>('listening', TIMEOUTS.start)).url));
		const wsBases = urls.map((url) => `${url.replace(/^http/, 'ws')}/ws`);
		const { planId, token } = await createPlan(urls[0] as string);

		const first = connectPeer({ wsBase: wsBases[0] as string, planId, token });
		observers.push(first);
		const firstArrivals = recordArrivals(first.doc, first.provider);
		await within(first.synced, TIMEOUTS.start, 'the first observer’s sync');

		writers = forkTs('bench/sync-writers-entry.ts');
		await writers.next('alive', TIMEOUTS.start);
		const { clients } = await writers.request<{ type: 'ready'; clients: number[] }>(
			{ type: 'start', wsBase: wsBases[0], wsBases, planId, token, count: SCALE_LOAD.writers },
			'ready',
			TIMEOUTS.start
		);
		const last = connectPeer({ wsBase: wsBases.at(-1) as string, planId, token });
		observers.push(last);
		const lastArrivals = recordArrivals(last.doc, last.provider);
		await within(last.synced, TIMEOUTS.start, 'the last observer’s sync');

		const offset = await clockOffset(writers);
		const paced = { intervalMs: SCALE_LOAD.intervalMs };
		await editAndWait(writers, observers, { ...paced, editsPerWriter: SCALE_LOAD.warmupEdits, seed: index * 2 + 1 });
		const start = await sample(servers, urls);
		firstArrivals.clear();
		lastArrivals.clear();
		const stamps = await editAndWait(writers, observers, { ...paced, editsPerWriter: SCALE_LOAD.pacedEdits, seed: index * 2 + 2 });
		const afterPaced = await sample(servers, urls);

		const processOf = new Map(clients.map((client, i) => [client, i % wsBases.length]));
		const timed = [
			{ arrivals: firstArrivals, process: 0 },
			{ arrivals: lastArrivals, process: wsBases.length - 1 }
		].map(({ arrivals, process }) => ({
			same: matchLatencies(stamps.filter((s) => processOf.get(s.client) === process), arrivals, offset.offsetMs),
			other: matchLatencies(stamps.filter((s) => processOf.get(s.client) !== process), arrivals, offset.offsetMs)
		}));
		const missing = timed.reduce((sum, t) => sum + t.same.missing + t.other.missing, 0);
		if (missing > 0) throw new Error(`${missing} edits never reached an observer`);

		firstArrivals.clear();
		lastArrivals.clear();
		const flooded = await writers.request<Flooded>({ type: 'flood', durationMs: SCALE_LOAD.floodMs }, 'flooded', SCALE_LOAD.floodMs + TIMEOUTS.converge);
		await Promise.all(observers.map((o) => whenCovers(o.doc, flooded.clocks, TIMEOUTS.converge)));
		// When each observer's arrival log first reached every writer's last clock (our clock).
		const targets: ClockMark[] = flooded.clocks.map(([client, clock]) => ({ client, clock, at: 0 }));
		const convergedAt = Math.max(...[firstArrivals, lastArrivals].flatMap((arrivals) => matchLatencies(targets, arrivals, 0).latencies));
		const endedAt = Math.max(flooded.lastAckAt - offset.offsetMs, convergedAt);
		const seconds = (endedAt - (flooded.startedAt - offset.offsetMs)) / 1000;
		const afterFlood = await sample(servers, urls);

		await checkConverged({ writers, observers, databaseUrl, schema, planId, stored: afterFlood.counters });
		return {
			setup,
			sameProcess: timed.flatMap((t) => t.same.latencies),
			viaBus: timed.flatMap((t) => t.other.latencies),
			offset,
			flood: { edits: flooded.edits, seconds, ackMs: flooded.ackMs, writersCpuMs: flooded.cpuMs },
			cpuMs: { paced: cpuGrowth(afterPaced, start), flood: cpuGrowth(afterFlood, afterPaced) },
			loopDelayMs: { paced: worstDelay(afterPaced), flood: worstDelay(afterFlood) },
			writes: { paced: writesGrowth(afterPaced, start), flood: writesGrowth(afterFlood, afterPaced) },
			counters: { paced: counterGrowth(afterPaced.counters, start.counters), flood: counterGrowth(afterFlood.counters, afterPaced.counters) }
		};
	} finally {
		for (const observer of observers) observer.destroy();
		await writers?.stop();
		await Promise.all(servers.map((s) => s.stop()));
		await dropSchema(databaseUrl, schema).catch((error: unknown) => {
			process.stderr.write(`bench: could not drop the schema ${schema}: ${error instanceof Error ? error.message : String(error)}\n`);
		});
	}
}

/**
 * Every writer and observer holds the same doc, none lost its connection, and PostgreSQL holds that
 * doc too, its log one seq per stored update: seq 1 is the plan's first state, every other seq an
 * update one of the processes counted as stored (so none was stored twice or lost).
 */
async function checkConverged(options: {
	writers: BenchChild;
	observers: readonly BenchPeer[];
	databaseUrl: string;
	schema: string;
	planId: string;
	stored: readonly ScaleCounters[];
}): Promise<void> {
	const { writers, observers, databaseUrl, schema, planId } = options;
	const converged = await expectConverged(writers, observers);
	const inDatabase = await storedPlan({ databaseUrl, schema, planId });
	if (inDatabase.digest !== converged) throw new Error('the plan in PostgreSQL differs from the clients’ converged doc');
	const storedTotal = options.stored.reduce((sum, c) => sum + c.stored, 0);
	if (inDatabase.lastSeq !== storedTotal + 1) {
		throw new Error(`PostgreSQL's log ends at seq ${inDatabase.lastSeq}, but the processes stored ${storedTotal} updates after the first state`);
	}
}

async function sample(servers: readonly BenchChild[], urls: readonly string[]): Promise<Sample> {
	const [stats, writes, counters] = await Promise.all([
		Promise.all(servers.map((s) => s.request<ServerStats>({ type: 'stats' }, 'stats', 5_000))),
		Promise.all(urls.map(readWrites)),
		Promise.all(urls.map(readScaleCounters))
	]);
	return { stats, writes, counters };
}

function cpuGrowth(after: Sample, before: Sample): number {
	return after.stats.reduce((sum, s, i) => sum + s.cpuMs - (before.stats[i]?.cpuMs ?? 0), 0);
}

/** The `stats` reply covers the loop delay since the previous one, i.e. the phase just ended. */
function worstDelay(after: Sample): ServerStats['loopDelayMs'] {
	return {
		p99: Math.max(...after.stats.map((s) => s.loopDelayMs.p99)),
		max: Math.max(...after.stats.map((s) => s.loopDelayMs.max))
	};
}

function writesGrowth(after: Sample, before: Sample): WriteCounts {
	const total: WriteCounts = { count: 0, sumSeconds: 0, over5ms: 0, over25ms: 0 };
	after.writes.forEach((w, i) => {
		const growth = subtractWrites(w, before.writes[i] ?? w);
		total.count += growth.count;
		total.sumSeconds += growth.sumSeconds;
		total.over5ms += growth.over5ms;
		total.over25ms += growth.over25ms;
	});
	return total;
}

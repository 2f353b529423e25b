/**
 * Sync suite. Issue requirement: "sync latency (p50/p95 update-to-peer, 50 writers on one plan over
 * loopback) and the same load through a bare @y/websocket-server 0.1.1 (Yjs 13, no persistence) in
 * the same run, reported as a ratio (targets: p95 ≤ 25 ms, planbook with durable writes ≤ 1.2x the
 * bare server)". `meets_targets` judges the p95 and the p95 ratio; the p50 ratio is reported too.
 *
 * Three processes, so that no two of them share an event loop: the server (sync-server-entry.ts),
 * the fifty writers (sync-writers-entry.ts) and this one, which holds two observers — one connected
 * before the writers and one after, so they are first and last in the server's fan-out order —
 * and times every edit at both. Latency = the writer's clock just before its local change to the
 * observer's clock once Yjs has applied the relayed update, corrected by the measured offset
 * between the two processes' clocks. On this 2-core machine the three still share two cores, the
 * same for both servers.
 *
 * Each server runs twice, in the order planbook, bare, bare, planbook (so drift in background load
 * hits both alike), each time fresh: new process, new plan from the marketing-plan template (the
 * bare server gets the same content from the first observer), new SQLite directory on the same
 * disk as the project. Then: setup edits, a warm-up, and the measured edits. The suite fails
 * (`error`) when an edit never arrives, a connection drops, or the docs differ at the end.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { docFromPlan } from '../src/lib/collab/schema/plan-doc';
import { createPlanFromTemplate } from '../src/lib/domain/plan/index';
import { quantile, sig, type SuiteReport } from './measure';
import { connectPeer, docDigest, recordArrivals, clocksOf, whenCovers, type BenchPeer, type ClockMark } from './sync-peers';
import { clockOffset, matchLatencies, metricSample } from './sync-latency';
import { forkTs, within, type BenchChild } from './sync-processes';

type ServerKind = 'planbook' | 'bare';

const WRITERS = 50;
const ORDER: readonly ServerKind[] = ['planbook', 'bare', 'bare', 'planbook'];
/** Per writer and round: 10 edits, one every 500 ms, so the plan sees 100 edits/s from 50 people. */
const EDITS_PER_ROUND = 10;
const INTERVAL_MS = 500;
const WARMUP_EDITS = 3;
const TEMPLATE = 'marketing-plan';
const TARGETS = { p95_ms: 25, ratio: 1.2 };
const TIMEOUTS = { start: 30_000, converge: 15_000, round: 90_000 };

interface RoundResult {
	kind: ServerKind;
	first: number[];
	last: number[];
	/** planbook only: the store's write-latency histogram over the round. */
	writes?: { count: number; sumSeconds: number; over5ms: number; over25ms: number };
	offset: { offsetMs: number; uncertaintyMs: number };
	/** The server process over the measured edits: CPU time, and its event loop's worst delays. */
	server: ServerStats;
}

/** A server process's `stats` reply (sync-server-entry.ts). */
export interface ServerStats {
	type: 'stats';
	cpuMs: number;
	loopDelayMs: { p99: number; max: number };
}

/** Runs the suite; sets `error` when an edit is lost, a socket drops or the docs do not converge. */
export async function runSyncBench(): Promise<SuiteReport> {
	// Other work on the machine shows in every figure here; the load average tells a reader how much.
	const loadBefore = loadavg()[0] ?? Number.NaN;
	const rounds: RoundResult[] = [];
	for (const [index, kind] of ORDER.entries()) {
		process.stderr.write(`bench: sync round ${index + 1}/${ORDER.length} (${kind})…\n`);
		rounds.push(await within(runRound(kind, index), TIMEOUTS.round, `sync round ${index + 1} (${kind})`));
	}
	const planbook = summarise(rounds.filter((r) => r.kind === 'planbook'));
	const bare = summarise(rounds.filter((r) => r.kind === 'bare'));
	const ratio_p95 = sig(planbook.p95_ms / bare.p95_ms, 3);
	const ratio_p50 = sig(planbook.p50_ms / bare.p50_ms, 3);
	return {
		writers: WRITERS,
		edits: (WRITERS * EDITS_PER_ROUND * ORDER.length) / 2,
		edits_per_second: (WRITERS * 1000) / INTERVAL_MS,
		observers: 2,
		order: ORDER,
		planbook,
		bare,
		ratio_p95,
		ratio_p50,
		targets: TARGETS,
		meets_targets: planbook.p95_ms <= TARGETS.p95_ms && ratio_p95 <= TARGETS.ratio,
		machine: { cpus: availableParallelism(), load_avg_1m: [sig(loadBefore, 2), sig(loadavg()[0] ?? Number.NaN, 2)] },
		clock_offset_ms: {
			max_abs: sig(Math.max(...rounds.map((r) => Math.abs(r.offset.offsetMs))), 2),
			uncertainty: sig(Math.max(...rounds.map((r) => r.offset.uncertaintyMs)), 2)
		}
	};
}

function summarise(rounds: readonly RoundResult[]) {
	const first = rounds.flatMap((r) => r.first);
	const last = rounds.flatMap((r) => r.last);
	const all = [...first, ...last];
	const stats = (values: number[]) => ({ p50_ms: sig(quantile(values, 0.5), 3), p95_ms: sig(quantile(values, 0.95), 3) });
	const writes = rounds.map((r) => r.writes).filter((w) => w !== undefined);
	const edits = rounds.length * WRITERS * EDITS_PER_ROUND;
	const count = writes.reduce((sum, w) => sum + w.count, 0);
	return {
		p50_ms: sig(quantile(all, 0.5), 3),
		p95_ms: sig(quantile(all, 0.95), 3),
		p99_ms: sig(quantile(all, 0.99), 3),
		max_ms: sig(Math.max(...all), 3),
		samples: all.length,
		first_peer: stats(first),
		last_peer: stats(last),
		server_cpu_ms_per_edit: sig(rounds.reduce((sum, r) => sum + r.server.cpuMs, 0) / edits, 3),
		server_loop_delay_ms: {
			p99: sig(Math.max(...rounds.map((r) => r.server.loopDelayMs.p99)), 3),
			max: sig(Math.max(...rounds.map((r) => r.server.loopDelayMs.max)), 3)
		},
		...(count > 0
			? {
					sqlite_writes: {
						count,
						mean_ms: sig((writes.reduce((sum, w) => sum + w.sumSeconds, 0) * 1000) / count, 3),
						over_5ms: writes.reduce((sum, w) => sum + w.over5ms, 0),
						over_25ms: writes.reduce((sum, w) => sum + w.over25ms, 0)
					}
				}
			: {})
	};
}

async function runRound(kind: ServerKind, index: number): Promise<RoundResult> {
	const dataDir = kind === 'planbook' ? mkdtempSync(join(tmpdir(), 'planbook-bench-')) : undefined;
	const observers: BenchPeer[] = [];
	let server: BenchChild | undefined;
	let writers: BenchChild | undefined;
	try {
		server = forkTs('bench/sync-server-entry.ts', { args: [kind], env: dataDir ? { PLANBOOK_DATA_DIR: dataDir } : {} });
		const { url } = await server.next<{ type: 'listening'; url: string }>('listening', TIMEOUTS.start);
		const wsBase = `${url.replace(/^http/, 'ws')}/ws`;
		const { planId, token, seed } = kind === 'planbook' ? await createPlan(url) : bareRoom();

		const first = connectPeer({ wsBase, planId, token, doc: seed });
		observers.push(first);
		const firstArrivals = recordArrivals(first.doc, first.provider);
		await within(first.synced, TIMEOUTS.start, 'the first observer’s sync');

		writers = forkTs('bench/sync-writers-entry.ts');
		await writers.next('alive', TIMEOUTS.start);
		await writers.request({ type: 'start', wsBase, planId, token, count: WRITERS }, 'ready', TIMEOUTS.start);
		const last = connectPeer({ wsBase, planId, token });
		observers.push(last);
		const lastArrivals = recordArrivals(last.doc, last.provider);
		await within(last.synced, TIMEOUTS.start, 'the last observer’s sync');

		const offset = await clockOffset(writers);
		await editAndWait(writers, observers, { editsPerWriter: WARMUP_EDITS, intervalMs: INTERVAL_MS, seed: index * 2 + 1 });
		const writesBefore = kind === 'planbook' ? await readWrites(url) : undefined;
		const statsBefore = await server.request<ServerStats>({ type: 'stats' }, 'stats', 5_000);
		firstArrivals.clear();
		lastArrivals.clear();
		const stamps = await editAndWait(writers, observers, { editsPerWriter: EDITS_PER_ROUND, intervalMs: INTERVAL_MS, seed: index * 2 + 2 });

		const statsAfter = await server.request<ServerStats>({ type: 'stats' }, 'stats', 5_000);
		await expectConverged(writers, observers);

		const atFirst = matchLatencies(stamps, firstArrivals, offset.offsetMs);
		const atLast = matchLatencies(stamps, lastArrivals, offset.offsetMs);
		if (atFirst.missing + atLast.missing > 0) throw new Error(`${atFirst.missing + atLast.missing} edits never reached an observer`);
		const writesAfter = kind === 'planbook' ? await readWrites(url) : undefined;
		return {
			kind,
			first: atFirst.latencies,
			last: atLast.latencies,
			offset,
			server: { ...statsAfter, cpuMs: statsAfter.cpuMs - statsBefore.cpuMs },
			...(writesBefore && writesAfter ? { writes: subtractWrites(writesAfter, writesBefore) } : {})
		};
	} finally {
		for (const observer of observers) observer.destroy();
		await writers?.stop();
		await server?.stop();
		if (dataDir) rmSync(dataDir, { recursive: true, force: true });
	}
}

/**
 * Waits until every writer holds what the first observer holds, then throws unless all writers
 * and observers hold one state and no connection dropped; resolves with that state's digest.
 */
export async function expectConverged(writers: BenchChild, observers: readonly BenchPeer[]): Promise<string> {
	const expected = [...clocksOf((observers[0] as BenchPeer).doc)];
	const { digests, drops } = await writers.request<{ type: 'digests'; digests: string[]; drops: number }>(
		{ type: 'digest', expected, timeoutMs: TIMEOUTS.converge },
		'digests',
		TIMEOUTS.converge + 5_000
	);
	const all = [...digests, ...observers.map((o) => docDigest(o.doc))];
	if (new Set(all).size !== 1) throw new Error(`the ${all.length} clients did not converge (${new Set(all).size} different states)`);
	const dropped = drops + observers.reduce((sum, o) => sum + o.drops(), 0);
	if (dropped > 0) throw new Error(`${dropped} connections dropped during the round`);
	return all[0] as string;
}

/** Runs one batch of edits in the writers' process and waits until both observers have them all. */
export async function editAndWait(
	writers: BenchChild,
	observers: readonly BenchPeer[],
	run: { editsPerWriter: number; intervalMs: number; seed: number }
): Promise<ClockMark[]> {
	const ran = await writers.request<{ type: 'ran'; stamps: [number, number, number][]; clocks: [number, number][] }>(
		{ type: 'run', ...run },
		'ran',
		run.editsPerWriter * run.intervalMs + TIMEOUTS.converge
	);
	await Promise.all(observers.map((o) => whenCovers(o.doc, ran.clocks, TIMEOUTS.converge)));
	return ran.stamps.map(([client, clock, at]) => ({ client, clock, at }));
}

/** A plan from the marketing-plan template over planbook's REST API; its editor token. */
export async function createPlan(url: string): Promise<{ planId: string; token: string; seed?: undefined }> {
	const response = await fetch(`${url}/api/plans`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({ template: TEMPLATE })
	});
	if (response.status !== 201) throw new Error(`creating the plan failed: ${response.status} ${await response.text()}`);
	const created = (await response.json()) as { id: string; tokens: { editor: string } };
	return { planId: created.id, token: created.tokens.editor };
}

/** The bare server has no plans API: the first observer brings the same template's content. */
function bareRoom() {
	return { planId: `bench-${randomUUID()}`, token: '', seed: docFromPlan(createPlanFromTemplate(TEMPLATE)) };
}

export interface WriteCounts {
	count: number;
	sumSeconds: number;
	over5ms: number;
	over25ms: number;
}

/** The store's write-latency histogram, from a planbook server's /metrics. */
export async function readWrites(url: string): Promise<WriteCounts> {
	const text = await (await fetch(`${url}/metrics`)).text();
	const name = 'planbook_persist_write_seconds';
	const count = metricSample(text, `${name}_count`);
	return {
		count,
		sumSeconds: metricSample(text, `${name}_sum`),
		over5ms: count - metricSample(text, `${name}_bucket{le="0.005"}`),
		over25ms: count - metricSample(text, `${name}_bucket{le="0.025"}`)
	};
}

export function subtractWrites(after: WriteCounts, before: WriteCounts): WriteCounts {
	return {
		count: after.count - before.count,
		sumSeconds: after.sumSeconds - before.sumSeconds,
		over5ms: after.over5ms - before.over5ms,
		over25ms: after.over25ms - before.over25ms
	};
}

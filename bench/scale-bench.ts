/**
 * Scale suite. Issue requirement (#8): "`npm run bench` gains: throughput and p95 latency of the
 * two-process setup against one process in the same run."
 *
 * Two setups, both planbook on PostgreSQL and Redis (scale-round.ts runs a round of either):
 * - `one`: one process; all fifty writers and both observers on it;
 * - `two`: two processes on the same schema and channel prefix; writers split between them, one
 *   observer on each, so half of every observer's samples crossed the bus (`via_bus`).
 * Rounds run in the order one, two, two, one, one, two (so drift in background load hits both
 * alike), each fresh, after one uncounted warm-up round. Reported per setup: update-to-peer
 * latency under the sync suite's paced load (100 edits/s), the throughput with every writer
 * sending as fast as acknowledgments allow, and what explains them (server CPU per edit, event-loop
 * delay, PostgreSQL append times, bus traffic and catch-ups); then two/one ratios, pooled and per
 * pair of neighbouring rounds (`by_pair`: when their signs disagree, noise outweighs the effect).
 *
 * Reading the throughput: a process stores a plan's updates one at a time (shared-doc.ts), and
 * every append of a plan takes that plan's row lock until it commits (postgres-update-log.ts), so
 * one plan's throughput is bounded by PostgreSQL's commit time, whatever the process count; a
 * second process only overlaps one append's round trip with the other's. On this 2-core machine
 * the processes, the writers, PostgreSQL and Redis also share two cores.
 *
 * Skipped (`skipped`, not `error`) when PostgreSQL or Redis is not reachable; the addresses are
 * the integration tests' (tests/integration/helpers/services.ts: PLANBOOK_TEST_DATABASE_URL and
 * PLANBOOK_TEST_REDIS_URL, or loopback defaults).
 */
import { availableParallelism, loadavg } from 'node:os';
import { postgresUrl, redisUrl } from '../tests/integration/helpers/services';
import { missingServices } from './scale-check';
import { SCALE_LOAD, runScaleRound, type ScaleRound, type Setup } from './scale-round';
import { quantile, sig, type SuiteReport } from './measure';
import { within } from './sync-processes';

const ORDER: readonly Setup[] = ['one', 'two', 'two', 'one', 'one', 'two'];
/**
 * Run first and not counted: the suite's first round was often the slowest by far (PostgreSQL
 * appends several times slower), which would fall on `one` alone.
 */
const WARMUP: Setup = 'two';
const ROUND_TIMEOUT_MS = 90_000;

/** Runs the suite; `error` when a round's check fails, `skipped` without PostgreSQL or Redis. */
export async function runScaleBench(): Promise<SuiteReport> {
	const databaseUrl = postgresUrl();
	const busUrl = redisUrl();
	const missing = await missingServices(databaseUrl, busUrl);
	if (missing) return { skipped: missing };
	// Other work on the machine shows in every figure here; the load average tells a reader how much.
	const loadBefore = loadavg()[0] ?? Number.NaN;
	process.stderr.write(`bench: scale warm-up round (${WARMUP})…\n`);
	await within(runScaleRound({ setup: WARMUP, index: ORDER.length, databaseUrl, redisUrl: busUrl }), ROUND_TIMEOUT_MS, 'the scale warm-up round');
	const rounds: ScaleRound[] = [];
	for (const [index, setup] of ORDER.entries()) {
		process.stderr.write(`bench: scale round ${index + 1}/${ORDER.length} (${setup})…\n`);
		const round = runScaleRound({ setup, index, databaseUrl, redisUrl: busUrl });
		rounds.push(await within(round, ROUND_TIMEOUT_MS, `scale round ${index + 1} (${setup})`));
	}
	const one = summarise(rounds.filter((r) => r.setup === 'one'));
	const two = summarise(rounds.filter((r) => r.setup === 'two'));
	const ratio = (a: number, b: number): number => sig(a / b, 3);
	return {
		writers: SCALE_LOAD.writers,
		observers: 2,
		order: ORDER,
		warmup_round: WARMUP,
		paced: { edits_per_second: (SCALE_LOAD.writers * 1000) / SCALE_LOAD.intervalMs, edits_per_round: SCALE_LOAD.writers * SCALE_LOAD.pacedEdits },
		flood: { seconds_per_round: SCALE_LOAD.floodMs / 1000, in_flight_per_writer: 1 },
		one,
		two,
		two_over_one: {
			p50: ratio(two.latency_ms.p50, one.latency_ms.p50),
			p95: ratio(two.latency_ms.p95, one.latency_ms.p95),
			p99: ratio(two.latency_ms.p99, one.latency_ms.p99),
			p95_via_bus: ratio(two.latency_ms.via_bus?.p95 ?? Number.NaN, one.latency_ms.p95),
			throughput: ratio(two.throughput.edits_per_s, one.throughput.edits_per_s),
			// Each pair of neighbouring rounds (one of each setup) on its own: does the sign hold?
			by_pair: byPair(rounds)
		},
		machine: { cpus: availableParallelism(), load_avg_1m: [sig(loadBefore, 2), sig(loadavg()[0] ?? Number.NaN, 2)] },
		clock_offset_ms: {
			max_abs: sig(Math.max(...rounds.map((r) => Math.abs(r.offset.offsetMs))), 2),
			uncertainty: sig(Math.max(...rounds.map((r) => r.offset.uncertaintyMs)), 2)
		}
	};
}

/** The two/one ratios of p95 and throughput within rounds 1–2, 3–4, 5–6 (ORDER pairs the setups). */
function byPair(rounds: readonly ScaleRound[]): { p95: number[]; throughput: number[] } {
	const pairs: { one: ScaleRound; two: ScaleRound }[] = [];
	for (let i = 0; i + 1 < rounds.length; i += 2) {
		const pair = [rounds[i], rounds[i + 1]];
		const one = pair.find((r) => r?.setup === 'one');
		const two = pair.find((r) => r?.setup === 'two');
		if (one && two) pairs.push({ one, two });
	}
	return {
		p95: pairs.map(({ one, two }) => sig(roundP95(two) / roundP95(one), 3)),
		throughput: pairs.map(({ one, two }) => sig(roundThroughput(two) / roundThroughput(one), 3))
	};
}

function roundP95(round: ScaleRound): number {
	return quantile([...round.sameProcess, ...round.viaBus], 0.95);
}

function roundThroughput(round: ScaleRound): number {
	return round.flood.edits / round.flood.seconds;
}

type Percentiles = { p50: number; p95: number; p99: number; samples: number };

function percentiles(values: readonly number[]): Percentiles {
	return { p50: sig(quantile(values, 0.5), 3), p95: sig(quantile(values, 0.95), 3), p99: sig(quantile(values, 0.99), 3), samples: values.length };
}

function summarise(rounds: readonly ScaleRound[]) {
	const same = rounds.flatMap((r) => r.sameProcess);
	const viaBus = rounds.flatMap((r) => r.viaBus);
	const all = [...same, ...viaBus];
	const floodEdits = rounds.reduce((sum, r) => sum + r.flood.edits, 0);
	const floodSeconds = rounds.reduce((sum, r) => sum + r.flood.seconds, 0);
	const pacedEdits = rounds.length * SCALE_LOAD.writers * SCALE_LOAD.pacedEdits;
	const sumOf = (pick: (r: ScaleRound) => number): number => rounds.reduce((sum, r) => sum + pick(r), 0);
	const writes = (phase: 'paced' | 'flood') => {
		const count = sumOf((r) => r.writes[phase].count);
		return {
			count,
			mean_ms: sig((sumOf((r) => r.writes[phase].sumSeconds) * 1000) / count, 3),
			over_5ms: sumOf((r) => r.writes[phase].over5ms),
			over_25ms: sumOf((r) => r.writes[phase].over25ms)
		};
	};
	const bus = (phase: 'paced' | 'flood') => ({
		published: sumOf((r) => r.counters[phase].published),
		received: sumOf((r) => r.counters[phase].received),
		publish_failed: sumOf((r) => r.counters[phase].publishFailed),
		catch_ups: sumOf((r) => r.counters[phase].catchUps),
		catch_up_updates: sumOf((r) => r.counters[phase].catchUpUpdates)
	});
	return {
		latency_ms: {
			...percentiles(all),
			max: sig(Math.max(...all), 3),
			p95_per_round: rounds.map((r) => sig(roundP95(r), 3)),
			...(viaBus.length > 0 ? { same_process: percentiles(same), via_bus: percentiles(viaBus) } : {})
		},
		throughput: {
			edits_per_s: sig(floodEdits / floodSeconds, 3),
			per_round: rounds.map((r) => sig(roundThroughput(r), 3)),
			// The mean PostgreSQL append per round: a plan's appends queue on its row lock, so this sets the pace.
			append_ms_per_round: rounds.map((r) => sig((r.writes.flood.sumSeconds * 1000) / r.writes.flood.count, 3)),
			edits: floodEdits,
			ack_ms: percentiles(rounds.flatMap((r) => r.flood.ackMs)),
			// Cores the writers' process kept busy: near 1, the harness rather than planbook set the pace.
			writers_cpu_cores: sig(sumOf((r) => r.flood.writersCpuMs) / (floodSeconds * 1000), 2)
		},
		server_cpu_ms_per_edit: {
			paced: sig(sumOf((r) => r.cpuMs.paced) / pacedEdits, 3),
			flood: sig(sumOf((r) => r.cpuMs.flood) / floodEdits, 3)
		},
		server_loop_delay_ms: {
			paced: { p99: sig(Math.max(...rounds.map((r) => r.loopDelayMs.paced.p99)), 3), max: sig(Math.max(...rounds.map((r) => r.loopDelayMs.paced.max)), 3) },
			flood: { p99: sig(Math.max(...rounds.map((r) => r.loopDelayMs.flood.p99)), 3), max: sig(Math.max(...rounds.map((r) => r.loopDelayMs.flood.max)), 3) }
		},
		postgres_appends: { paced: writes('paced'), flood: writes('flood') },
		bus: { paced: bus('paced'), flood: bus('flood') }
	};
}

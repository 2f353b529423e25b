/**
 * Timing helpers for the benchmarks: warm up, take repeated samples with `performance.now()`, and
 * report robust figures (median, p95) rather than means, because a single GC pause or JIT
 * deoptimisation would otherwise dominate a sub-millisecond measurement.
 */
import { performance } from 'node:perf_hooks';

/** What one suite reports: free-form figures, plus `error` when a correctness check failed. */
export type SuiteReport = Record<string, unknown> & { error?: string };

/** Robust summary of repeated timings, all in milliseconds. */
export interface TimingStats {
	median: number;
	p95: number;
	min: number;
	max: number;
	samples: number;
}

/** Runs `fn` once and returns its wall time in milliseconds. */
export function timeOnce(fn: () => void): number {
	const start = performance.now();
	fn();
	return performance.now() - start;
}

/**
 * Calls `fn` `warmup` times unmeasured (so V8 has compiled and optimised the hot paths before we
 * look: mathjs' evaluator needs ~100 passes to settle), then `samples` times measured. Returns each
 * measured call's time in milliseconds. `fn` keeps its own counter when it must vary its input, so
 * that sampling can be split into interleaved rounds without restarting the sequence.
 */
export function sampleTimes(fn: () => void, { warmup, samples }: { warmup: number; samples: number }): number[] {
	for (let i = 0; i < warmup; i++) fn();
	const times: number[] = [];
	for (let i = 0; i < samples; i++) times.push(timeOnce(fn));
	return times;
}

/**
 * The q-quantile (0..1) by the nearest-rank method: always an observed sample, which is what a
 * latency p95 should be (an interpolated value is a time no edit actually took).
 */
export function quantile(values: readonly number[], q: number): number {
	if (values.length === 0) return Number.NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
	return sorted[rank - 1] as number;
}

/** The middle value (mean of the two middle ones for an even count); NaN when empty. */
export function median(values: readonly number[]): number {
	if (values.length === 0) return Number.NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	return sorted.length % 2 === 1
		? (sorted[mid] as number)
		: ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** The arithmetic mean; NaN when empty. */
export function mean(values: readonly number[]): number {
	let total = 0;
	for (const v of values) total += v;
	return values.length === 0 ? Number.NaN : total / values.length;
}

/** Summarises timings in milliseconds, rounded for the report. */
export function timingStats(times: readonly number[]): TimingStats {
	return {
		median: sig(median(times)),
		p95: sig(quantile(times, 0.95)),
		min: sig(Math.min(...times)),
		max: sig(Math.max(...times)),
		samples: times.length
	};
}

/**
 * Rounds to 4 significant digits: timer resolution and run-to-run noise make further digits
 * meaningless, and short numbers keep the JSON readable and diffable between runs.
 */
export function sig(x: number, digits = 4): number {
	return Number.isFinite(x) && x !== 0 ? Number(x.toPrecision(digits)) : x;
}

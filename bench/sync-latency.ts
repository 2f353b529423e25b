/**
 * Turning the writers' stamps and the observers' arrival logs into update-to-peer latencies, and
 * the clock correction between the writers' process and this one.
 */
import { epochNow, type BenchChild } from './sync-processes';
import type { ClockMark } from './sync-peers';

/**
 * Latency of each stamped edit at one observer, in ms: the first arrival whose clock for the
 * writer's client reaches the edit's clock, minus the stamp, minus `offsetMs` (how far the writers'
 * clock runs ahead of ours). `missing` counts edits the observer never received.
 */
export function matchLatencies(
	stamps: readonly ClockMark[],
	arrivals: ReadonlyMap<number, readonly ClockMark[]>,
	offsetMs: number
): { latencies: number[]; missing: number } {
	const latencies: number[] = [];
	let missing = 0;
	for (const stamp of stamps) {
		// Arrivals per client are in clock order, so the first one reaching the clock is a binary search.
		const marks = arrivals.get(stamp.client) ?? [];
		let lo = 0;
		let hi = marks.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if ((marks[mid] as ClockMark).clock < stamp.clock) lo = mid + 1;
			else hi = mid;
		}
		const arrival = marks[lo];
		if (arrival) latencies.push(arrival.at - (stamp.at - offsetMs));
		else missing++;
	}
	return { latencies, missing };
}

/**
 * How far `child`'s clock (`epochNow` there) runs ahead of ours, in ms, NTP-style: of `rounds`
 * ping-pongs over IPC, the one with the shortest round trip, assuming its two legs took equally
 * long. The error is at most half that round trip (reported as `uncertaintyMs`); both processes
 * read the same system clock, so the offset itself is normally a few microseconds.
 */
export async function clockOffset(child: BenchChild, rounds = 15): Promise<{ offsetMs: number; uncertaintyMs: number }> {
	let best = { offsetMs: 0, uncertaintyMs: Number.POSITIVE_INFINITY };
	for (let i = 0; i < rounds; i++) {
		const t0 = epochNow();
		const pong = await child.request<{ type: 'pong'; t0: number; at: number }>({ type: 'ping', t0 }, 'pong', 5_000);
		const t1 = epochNow();
		const half = (t1 - t0) / 2;
		if (half < best.uncertaintyMs) best = { offsetMs: pong.at - (t0 + half), uncertaintyMs: half };
	}
	return best;
}

/** One sample value of Prometheus text (`name` or `name{labels}`); NaN when absent. */
export function metricSample(text: string, sample: string): number {
	const line = text.split('\n').find((l) => l.startsWith(`${sample} `));
	return line ? Number(line.slice(sample.length + 1)) : Number.NaN;
}

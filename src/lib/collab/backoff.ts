/**
 * Reconnection delays with jitter. y-websocket waits min(2^n × 100 ms, maxBackoffTime) after the
 * n-th failed attempt, the same for every client: after a server restart or a refusal under load
 * (1013), every browser would come back in the same instant. Setting `maxBackoffTime` before each
 * retry to a random 50–100 % of that delay ("equal jitter") spreads them out while keeping the
 * exponential growth up to y-websocket's own 2.5 s ceiling.
 */
const BASE_MS = 100;
const CAP_MS = 2_500;

/** The delay before retry number `attempt` (1 = the first retry). `random` returns [0, 1). */
export function jitteredBackoff(attempt: number, random: () => number = Math.random): number {
	const exponential = Math.min(CAP_MS, BASE_MS * 2 ** Math.max(1, attempt));
	return Math.round(exponential * (0.5 + random() * 0.5));
}

/**
 * The reliability suite (tests/reliability): load, crashes, restarts, join storms, fuzzed frames,
 * hostile input and memory churn against real server processes on loopback. It runs after the unit
 * and integration tests, one file at a time, because its files measure latency and memory and
 * must not share the two cores with each other.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['tests/reliability/**/*.test.ts'],
		environment: 'node',
		fileParallelism: false,
		testTimeout: 180_000,
		hookTimeout: 60_000
	}
});

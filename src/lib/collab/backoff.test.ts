import { describe, expect, it } from 'vitest';
import { jitteredBackoff } from './backoff';

describe('jitteredBackoff', () => {
	it('grows exponentially up to 2.5 s, spread over 50–100 % of the delay', () => {
		expect(jitteredBackoff(1, () => 0)).toBe(100);
		expect(jitteredBackoff(1, () => 0.999999)).toBe(200);
		expect(jitteredBackoff(3, () => 0.5)).toBe(600);
		expect(jitteredBackoff(20, () => 0)).toBe(1_250);
		expect(jitteredBackoff(20, () => 0.999999)).toBe(2_500);
	});

	it('gives clients that fail together different delays', () => {
		const delays = new Set(Array.from({ length: 50 }, () => jitteredBackoff(4)));
		expect(delays.size).toBeGreaterThan(10);
		for (const delay of delays) expect(delay).toBeGreaterThanOrEqual(800);
	});
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { percentile, summarize } from './stats';
import { createRandom } from './random';

describe('percentile (type 7)', () => {
	// Hand-computed: h = (n − 1)·p, interpolate between x[⌊h⌋] and x[⌊h⌋ + 1].
	it.each([
		[[1, 2, 3, 4], 0.5, 2.5], // h = 1.5
		[[1, 2, 3, 4], 0.25, 1.75], // h = 0.75
		[[1, 2, 3, 4], 0.05, 1.15], // h = 0.15
		[[1, 2, 3, 4], 0.95, 3.85], // h = 2.85
		[[10, 20, 30, 40, 50], 0.9, 46], // h = 3.6
		[[10, 20, 30, 40, 50], 0.5, 30], // h = 2, an order statistic
		[[15, 20, 35, 40, 50], 0.4, 29], // NumPy's documented example set; h = 1.6
		[[7], 0.3, 7],
		[[1, 2], 0, 1],
		[[1, 2], 1, 2]
	])('%o at %d is %d', (values, p, expected) => {
		expect(percentile(values, p)).toBeCloseTo(expected, 12);
	});

	it('is NaN for no values and refuses p outside [0, 1]', () => {
		expect(percentile([], 0.5)).toBeNaN();
		expect(() => percentile([1], 1.5)).toThrow(RangeError);
		expect(() => percentile([1], -0.1)).toThrow(RangeError);
		expect(() => percentile([1], Number.NaN)).toThrow(RangeError);
	});

	it('is monotone in p and stays within [min, max]', () => {
		fc.assert(
			fc.property(
				fc.array(fc.double({ min: -1e9, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 50 }),
				fc.double({ min: 0, max: 1, noNaN: true }),
				fc.double({ min: 0, max: 1, noNaN: true }),
				(values, p, q) => {
					const sorted = Float64Array.from(values).sort();
					const [lo, hi] = p <= q ? [p, q] : [q, p];
					expect(percentile(sorted, lo)).toBeLessThanOrEqual(percentile(sorted, hi));
					expect(percentile(sorted, lo)).toBeGreaterThanOrEqual(sorted[0] as number);
					expect(percentile(sorted, hi)).toBeLessThanOrEqual(sorted[sorted.length - 1] as number);
				}
			)
		);
	});
});

describe('summarize', () => {
	it('bins samples whose range is so small that the bin width underflows', () => {
		const s = summarize([0, 5e-324], { bins: 2 });
		expect(s.histogram.counts.reduce((a, b) => a + b, 0)).toBe(2);
	});

	it('computes moments and percentiles of a small sample', () => {
		const s = summarize([4, 1, 3, 2]);
		expect(s).toMatchObject({ count: 4, invalid: 0, mean: 2.5, min: 1, max: 4, p50: 2.5 });
		expect(s.sd).toBeCloseTo(Math.sqrt(5 / 3), 12);
		expect(s.p5).toBeCloseTo(1.15, 12);
		expect(s.p95).toBeCloseTo(3.85, 12);
	});

	it('does not modify its input', () => {
		const input = [3, 1, 2];
		summarize(input);
		expect(input).toEqual([3, 1, 2]);
	});

	it('skips and counts non-finite samples', () => {
		const s = summarize([1, Number.NaN, 3, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]);
		expect(s).toMatchObject({ count: 2, invalid: 3, mean: 2, min: 1, max: 3 });
		expect(s.histogram.counts.reduce((a, b) => a + b, 0)).toBe(2);
	});

	it('reports NaN statistics and no bins when nothing is finite', () => {
		const s = summarize([Number.NaN]);
		expect(s.count).toBe(0);
		expect(s.invalid).toBe(1);
		expect(s.mean).toBeNaN();
		expect(s.p50).toBeNaN();
		expect(s.histogram.counts).toEqual([]);
		expect(summarize([]).count).toBe(0);
	});

	it('gives sd 0 and one bin for identical samples', () => {
		const s = summarize(new Float64Array(1000).fill(0.1));
		expect(s).toMatchObject({ count: 1000, mean: 0.1, sd: 0, min: 0.1, max: 0.1, p5: 0.1, p95: 0.1 });
		expect(s.histogram).toEqual({ min: 0.1, max: 0.1, binWidth: 0, counts: [1000] });
	});

	it('gives sd 0 for a single sample', () => {
		expect(summarize([5]).sd).toBe(0);
	});

	it('bins values into equal-width bins with max in the last bin', () => {
		const s = summarize([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], { bins: 5 });
		expect(s.histogram.binWidth).toBe(2);
		expect(s.histogram.counts).toEqual([2, 2, 2, 2, 3]);
	});

	it('defaults to 30 bins and refuses bad bin counts', () => {
		expect(summarize([0, 1]).histogram.counts).toHaveLength(30);
		expect(() => summarize([0, 1], { bins: 0 })).toThrow(RangeError);
		expect(() => summarize([0, 1], { bins: 2.5 })).toThrow(RangeError);
	});

	it('histogram counts sum to count for any finite samples', () => {
		fc.assert(
			fc.property(
				fc.array(fc.oneof(fc.double({ min: -1e12, max: 1e12 }), fc.constant(Number.NaN)), {
					maxLength: 200
				}),
				fc.integer({ min: 1, max: 60 }),
				(values, bins) => {
					const s = summarize(values, { bins });
					expect(s.count + s.invalid).toBe(values.length);
					expect(s.histogram.counts.reduce((a, b) => a + b, 0)).toBe(s.count);
					if (s.count > 0) {
						expect(s.mean).toBeGreaterThanOrEqual(s.min);
						expect(s.mean).toBeLessThanOrEqual(s.max);
						expect(s.p5 <= s.p50 && s.p50 <= s.p95).toBe(true);
					}
				}
			)
		);
	});

	it('keeps the mean accurate when large values cancel', () => {
		// Naive left-to-right summation of the sorted values gives (−1e16 + 1) + 1e16 = 0.
		expect(summarize([1e16, 1, -1e16]).mean).toBeCloseTo(1 / 3, 12);
	});

	it('keeps the sd accurate for a large offset', () => {
		const values = Array.from({ length: 1000 }, (_, i) => 1e9 + (i % 2 === 0 ? 0.5 : -0.5));
		expect(summarize(values).sd).toBeCloseTo(0.5 * Math.sqrt(1000 / 999), 9);
	});

	it('summarises 1,000,000 samples quickly', () => {
		const rng = createRandom('million');
		const samples = new Float64Array(1_000_000);
		for (let i = 0; i < samples.length; i++) samples[i] = rng.next();
		const start = performance.now();
		const s = summarize(samples);
		console.log(`summarize(1,000,000): ${(performance.now() - start).toFixed(1)} ms`);
		expect(s.count).toBe(1_000_000);
		expect(s.mean).toBeCloseTo(0.5, 2);
		expect(s.p5).toBeCloseTo(0.05, 2);
		expect(s.p95).toBeCloseTo(0.95, 2);
		expect(s.sd).toBeCloseTo(Math.sqrt(1 / 12), 3);
	});
});

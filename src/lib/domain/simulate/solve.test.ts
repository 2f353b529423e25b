import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findRoot, maximize, type FindRootResult, type MaximizeResult } from './solve';

function rootOf(result: FindRootResult): number {
	if (!result.ok) throw new Error(`expected a root, got: ${result.message}`);
	return result.x;
}

function argmax(result: MaximizeResult): number {
	if (!result.ok) throw new Error(`expected a maximum, got: ${result.message}`);
	return result.x;
}

describe('findRoot', () => {
	it('solves polynomials', () => {
		expect(rootOf(findRoot({ f: (x) => x * x - 2, min: 0, max: 3 }))).toBeCloseTo(Math.SQRT2, 9);
		const cubicRoot = rootOf(findRoot({ f: (x) => x ** 3 - x - 2, min: 1, max: 2 }));
		expect(cubicRoot).toBeCloseTo(1.5213797068045676, 9);
		// Cubic with roots −1, 0.5, 2: the scan finds the leftmost sign change first.
		const cubic = (x: number): number => (x + 1) * (x - 0.5) * (x - 2);
		expect(rootOf(findRoot({ f: cubic, min: -3, max: 3 }))).toBeCloseTo(-1, 9);
		expect(rootOf(findRoot({ f: cubic, min: 0, max: 3 }))).toBeCloseTo(0.5, 9);
	});

	it('returns an exact zero on the scan grid without refining', () => {
		expect(findRoot({ f: (x) => x - 5, min: 0, max: 10 })).toEqual({ ok: true, x: 5, iterations: 0 });
		expect(findRoot({ f: (x) => x, min: 0, max: 1 })).toEqual({ ok: true, x: 0, iterations: 0 });
	});

	it('converges in few iterations on smooth functions', () => {
		const result = findRoot({ f: (x) => Math.exp(x) - 10, min: 0, max: 10 });
		expect(result.ok && result.iterations).toBeLessThan(15);
		// Default tolerance: 1e-9 of the interval width.
		expect(Math.abs(rootOf(result) - Math.log(10))).toBeLessThanOrEqual(1e-9 * 10);
	});

	it('meets the tolerance relative to the interval width', () => {
		fc.assert(
			fc.property(
				fc.double({ min: -1e6, max: 1e6, noNaN: true }),
				fc.double({ min: 1e-3, max: 1e6, noNaN: true }),
				fc.double({ min: 0.01, max: 0.99, noNaN: true }),
				(min, width, share) => {
					const root = min + share * width;
					const x = rootOf(findRoot({ f: (v) => Math.atan(v - root), min, max: min + width }));
					expect(Math.abs(x - root)).toBeLessThanOrEqual(2e-9 * width + 1e-12 * Math.abs(root));
				}
			)
		);
	});

	it('reports no sign change with the interval in the message', () => {
		expect(findRoot({ f: (x) => x * x + 1, min: -2, max: 2.5 })).toEqual({
			ok: false,
			reason: 'no-sign-change',
			message: 'no solution in [-2, 2.5]'
		});
		const result = findRoot({ f: (x) => x - 10, min: 0, max: 1 / 3 });
		expect(result.ok || result.message).toBe('no solution in [0, 0.333333]');
	});

	it('does not mistake a pole for a root', () => {
		expect(findRoot({ f: (x) => 1 / x, min: -1, max: 1.3 })).toMatchObject({
			ok: false,
			reason: 'no-sign-change'
		});
		// Past the pole at 0 the scan carries on to the real root at 2.
		expect(rootOf(findRoot({ f: (x) => 1 / x - 0.5, min: -1, max: 3 }))).toBeCloseTo(2, 9);
	});

	it('skips regions where the function is NaN or null', () => {
		expect(rootOf(findRoot({ f: (x) => Math.sqrt(x - 1) - 0.5, min: 0, max: 3 }))).toBeCloseTo(1.25, 9);
		expect(rootOf(findRoot({ f: (x) => Math.log(x), min: -1, max: 3 }))).toBeCloseTo(1, 9);
		expect(rootOf(findRoot({ f: (x) => (x < 2 ? null : x - 3), min: 0, max: 5 }))).toBeCloseTo(3, 9);
		// Undefined exactly at a scan point (0/0 at 0.5) but with a sign change around it.
		const hole = (x: number): number => ((x - 0.5) * (x - 0.5)) / (x - 0.5);
		expect(rootOf(findRoot({ f: hole, min: 0, max: 1 }))).toBeCloseTo(0.5, 9);
	});

	it('reports not-finite when the crossing hides in an undefined region', () => {
		const gap = (x: number): number => (x < 1 ? -1 : x < 2 ? Number.NaN : 1);
		expect(findRoot({ f: gap, min: 0, max: 3 })).toMatchObject({ ok: false, reason: 'not-finite' });
		expect(findRoot({ f: () => Number.NaN, min: 0, max: 3 })).toEqual({
			ok: false,
			reason: 'not-finite',
			message: 'no finite value of the function in [0, 3]'
		});
	});

	it('handles a zero-width interval and refuses reversed ones', () => {
		expect(findRoot({ f: (x) => x - 2, min: 2, max: 2 })).toEqual({ ok: true, x: 2, iterations: 0 });
		expect(findRoot({ f: (x) => x - 3, min: 2, max: 2 })).toMatchObject({ ok: false });
		expect(() => findRoot({ f: (x) => x, min: 1, max: 0 })).toThrow(RangeError);
		expect(() => findRoot({ f: (x) => x, min: 0, max: Number.POSITIVE_INFINITY })).toThrow(RangeError);
	});
});

describe('maximize', () => {
	it('finds the vertex of a parabola', () => {
		const result = maximize({ f: (x) => -((x - 3) ** 2), min: 0, max: 10 });
		expect(argmax(result)).toBeCloseTo(3, 6);
		expect(result.ok && result.value).toBeCloseTo(0, 10);
	});

	it('finds the global maximum of a bimodal function', () => {
		// A broad local peak at 2 (height 1) and a narrower, higher one at 7 (height 1.5).
		const bimodal = (x: number): number =>
			Math.exp(-((x - 2) ** 2)) + 1.5 * Math.exp(-(((x - 7) / 0.3) ** 2));
		expect(argmax(maximize({ f: bimodal, min: 0, max: 10 }))).toBeCloseTo(7, 6);
		// And when the broad peak is the higher one.
		const other = (x: number): number =>
			1.2 * Math.exp(-((x - 2) ** 2)) + Math.exp(-(((x - 7) / 0.3) ** 2));
		expect(argmax(maximize({ f: other, min: 0, max: 10 }))).toBeCloseTo(2, 6);
	});

	it('finds maxima at the interval ends', () => {
		expect(maximize({ f: (x) => x, min: 1, max: 4 })).toEqual({ ok: true, x: 4, value: 4 });
		expect(maximize({ f: (x) => -x, min: 1, max: 4 })).toEqual({ ok: true, x: 1, value: -1 });
	});

	it('ignores points where f is NaN, infinite or null', () => {
		const f = (x: number): number | null =>
			x < 1 ? null : x > 4 && x < 5 ? Number.NaN : x > 8 ? Number.POSITIVE_INFINITY : -((x - 6) ** 2);
		expect(argmax(maximize({ f, min: 0, max: 10 }))).toBeCloseTo(6, 6);
		// The maximum sits right at the edge of an undefined region.
		const edge = (x: number): number => (x > 2 ? Number.NaN : x);
		expect(argmax(maximize({ f: edge, min: 0, max: 3 }))).toBeCloseTo(2, 6);
	});

	it('reports when f is nowhere finite', () => {
		expect(maximize({ f: () => null, min: -1, max: 1 })).toEqual({
			ok: false,
			message: 'no finite value of the function in [-1, 1]'
		});
	});

	it('refuses bad grids and intervals', () => {
		expect(() => maximize({ f: (x) => x, min: 0, max: 1, gridPoints: 1 })).toThrow(RangeError);
		expect(() => maximize({ f: (x) => x, min: 2, max: 1 })).toThrow(RangeError);
		expect(maximize({ f: (x) => x, min: 2, max: 2 })).toEqual({ ok: true, x: 2, value: 2 });
	});

	describe('constant-elasticity profit (DESIGN §5.13)', () => {
		// profit(p) = (k·p − c)·B·(p/P0)^ε − F, maximal at p* = ε·c / (k·(1 + ε)) for ε < −1.
		const profit =
			(k: number, c: number, baseVolume: number, basePrice: number, elasticity: number, fixed: number) =>
			(p: number): number =>
				(k * p - c) * baseVolume * (p / basePrice) ** elasticity - fixed;

		it('matches the closed form for a typical plan', () => {
			const [k, c, elasticity] = [0.6, 10, -2];
			const optimum = (elasticity * c) / (k * (1 + elasticity)); // 33.33…
			const x = argmax(maximize({ f: profit(k, c, 10_000, 30, elasticity, 50_000), min: 15, max: 60 }));
			expect(Math.abs(x / optimum - 1)).toBeLessThan(1e-6);
		});

		it('matches the closed form for random parameters', () => {
			fc.assert(
				fc.property(
					fc.double({ min: 0.2, max: 1, noNaN: true }),
					fc.double({ min: 0.5, max: 500, noNaN: true }),
					fc.double({ min: 10, max: 1e6, noNaN: true }),
					fc.double({ min: -5, max: -1.2, noNaN: true }),
					fc.double({ min: 0, max: 2, noNaN: true }),
					fc.double({ min: 0.6, max: 1.6, noNaN: true }),
					(k, c, baseVolume, elasticity, fixedShare, basePriceShare) => {
						const optimum = (elasticity * c) / (k * (1 + elasticity));
						// Bounds as the optimiser uses them: [0.5 × base, 2 × base] around a base price
						// that keeps p* inside.
						const basePrice = optimum * basePriceShare;
						const contribution = profit(k, c, baseVolume, basePrice, elasticity, 0);
						// Fixed costs on the scale of the best contribution, as in real plans; fixed costs
						// thousands of times larger drown the curvature in rounding and no optimiser
						// can then locate p* to 1e-6.
						const fixed = fixedShare * contribution(optimum);
						const f = profit(k, c, baseVolume, basePrice, elasticity, fixed);
						const x = argmax(maximize({ f, min: 0.5 * basePrice, max: 2 * basePrice }));
						expect(Math.abs(x / optimum - 1)).toBeLessThan(1e-6);
					}
				),
				{ numRuns: 500 }
			);
		});
	});
});

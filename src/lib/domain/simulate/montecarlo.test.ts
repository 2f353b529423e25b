import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FINANCE_OUTPUT_NAMES } from '../finance/types.js';
import { compilePlan } from '../model/plan-inputs.js';
import { breakevenPlan } from '../../test-data/factories.js';
import { monteCarlo, MonteCarloRun } from './montecarlo.js';

const program = compilePlan(breakevenPlan());
const uncertain = [
	{ name: 'price', distribution: { type: 'triangular', min: 100, mode: 120, max: 130 } },
	{ name: 'unit_cost', distribution: { type: 'normal', mean: 80, sd: 5 } },
	{ name: 'volume', distribution: { type: 'pert', min: 15000, mode: 20000, max: 24000 } }
] as const;

describe('Monte Carlo', () => {
	it('gives the same numbers for the same seed, different for another', () => {
		const a = monteCarlo({ program, uncertain, trials: 2000, seed: 42 });
		const b = monteCarlo({ program, uncertain, trials: 2000, seed: 42 });
		const c = monteCarlo({ program, uncertain, trials: 2000, seed: 43 });
		expect(a.outputs.profit).toEqual(b.outputs.profit);
		expect(a.p_loss).toBe(b.p_loss);
		expect(a.outputs.profit?.mean).not.toBe(c.outputs.profit?.mean);
	});

	it('pins the first trials of seed 42 so an algorithm change cannot pass unnoticed', () => {
		const r = monteCarlo({ program, uncertain, trials: 3, seed: 42 });
		const profits = [...(r.samples.profit as Float64Array)];
		expect(profits.map((p) => Math.round(p))).toMatchSnapshot();
	});

	it('runs in chunks with the same result as in one go', () => {
		const run = new MonteCarloRun({ program, uncertain, trials: 1000, seed: 'chunks' });
		while (!run.finished) run.step(137);
		const once = monteCarlo({ program, uncertain, trials: 1000, seed: 'chunks' });
		expect(run.result().outputs).toEqual(once.outputs);
		expect(run.done).toBe(1000);
	});

	it('estimates P(loss) and keeps the raw samples for audit', () => {
		const r = monteCarlo({ program, uncertain, trials: 20000, seed: 1 });
		expect(r.p_loss).toBeGreaterThan(0);
		expect(r.p_loss).toBeLessThan(0.5);
		const profit = r.samples.profit as Float64Array;
		const losses = profit.filter((p) => p < 0).length;
		expect(r.p_loss).toBe(losses / 20000);
		expect(r.samples.price).toHaveLength(20000);
		expect(r.outputs.profit?.histogram.counts.reduce((s, x) => s + x, 0)).toBe(20000);
	});

	it('property: zero-width distributions reproduce the deterministic result', () => {
		const base = program.runner([])([]);
		fc.assert(
			fc.property(fc.integer(), fc.integer({ min: 1, max: 50 }), (seed, trials) => {
				const r = monteCarlo({
					program,
					trials,
					seed,
					uncertain: [
						{ name: 'price', distribution: { type: 'triangular', min: 120, mode: 120, max: 120 } },
						{ name: 'unit_cost', distribution: { type: 'normal', mean: 80, sd: 0 } },
						{ name: 'fixed_costs', distribution: { type: 'uniform', min: 600000, max: 600000 } },
						{ name: 'volume', distribution: { type: 'pert', min: 20000, mode: 20000, max: 20000 } }
					]
				});
				for (const n of FINANCE_OUTPUT_NAMES) {
					const expected = base.values[program.slotOf(n) as number] as number;
					expect(r.outputs[n]?.mean).toBeCloseTo(expected, 6);
					expect(r.outputs[n]?.sd).toBeCloseTo(0, 6);
				}
				expect(r.p_loss).toBe(0);
			}),
			{ numRuns: 30 }
		);
	});

	it('refuses bad trial counts and unknown variables', () => {
		expect(() => monteCarlo({ program, uncertain, trials: 0, seed: 1 })).toThrow(RangeError);
		expect(() => monteCarlo({ program, uncertain: [{ name: 'nope', distribution: { type: 'uniform', min: 0, max: 1 } }], trials: 1, seed: 1 })).toThrow(/not a variable/);
	});
});

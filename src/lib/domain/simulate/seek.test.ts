import { describe, expect, it } from 'vitest';
import { compilePlan } from '../model/plan-inputs.js';
import { breakevenPlan, elasticPlan, makePlan } from '../../test-data/factories.js';
import { goalSeek, optimize } from './seek.js';
import { evaluateInScope, runScenario } from './scenarios.js';
import { sensitivity } from './sensitivity.js';

const setup = (plan = breakevenPlan()) => {
	const program = compilePlan(plan);
	return { program, base: program.runner([])([]) };
};

describe('goal seek', () => {
	it('finds the price that reaches a target profit', () => {
		const r = goalSeek({ ...setup(), variable: 'price', target: 400000 });
		expect(r).toMatchObject({ ok: true, variable: 'price' });
		if (r.ok) {
			expect(r.value).toBeCloseTo(130, 6);
			expect(r.outputValue).toBeCloseTo(400000, 3);
		}
	});

	it('finds the volume at breakeven (profit 0)', () => {
		const r = goalSeek({ ...setup(), variable: 'volume', target: 0 });
		expect(r.ok && r.value).toBeCloseTo(15000, 4);
	});

	it('says clearly when no value in the interval reaches the target', () => {
		const r = goalSeek({ ...setup(), variable: 'price', target: 1e12, min: 100, max: 200 });
		expect(r).toEqual({ ok: false, message: expect.stringMatching(/^profit = 1000000000000: no solution in \[100, 200\]/) });
	});

	it('refuses unknown variables and outputs', () => {
		expect(goalSeek({ ...setup(), variable: 'nope', target: 0 })).toEqual({ ok: false, message: 'the plan has no variable "nope"' });
		expect(goalSeek({ ...setup(), variable: 'price', output: 'nope', target: 0 })).toEqual({ ok: false, message: 'unknown output "nope"' });
	});
});

describe('optimize', () => {
	it('matches the closed-form optimum of constant-elasticity demand behind a margin chain', () => {
		// profit ∝ p^ε (k p − c): the optimum is p* = ε c / (k (1 + ε)) with k = 0.65 (35 % margin).
		const r = optimize({ ...setup(elasticPlan()), variable: 'price' });
		const expected = (-1.8 * 14) / (0.65 * (1 - 1.8));
		expect(r.ok && r.value).toBeCloseTo(expected, 5);
	});

	it('respects given bounds', () => {
		const r = optimize({ ...setup(elasticPlan()), variable: 'price', min: 55, max: 70 });
		expect(r.ok && r.value).toBeCloseTo(55, 6);
	});

	it('needs bounds when the variable has no base value', () => {
		const plan = makePlan({ variables: { price: '120', unit_cost: '80', fixed_costs: '1', volume: '100', x: '1/0' } });
		expect(optimize({ ...setup(plan), variable: 'x' })).toMatchObject({ ok: false, message: expect.stringContaining('give bounds') });
	});
});

describe('sensitivity', () => {
	it('moves each input ± 10 % and sorts by swing', () => {
		const rows = sensitivity(setup());
		expect(rows.map((r) => r.name)).toEqual(['price', 'unit_cost', 'volume', 'fixed_costs']);
		const price = rows[0];
		expect(price?.outputAtLow).toBeCloseTo(20000 * 28 - 600000, 6);
		expect(price?.outputAtHigh).toBeCloseTo(20000 * 52 - 600000, 6);
		expect(price?.swing).toBeCloseTo(480000, 6);
	});

	it('takes a chosen input list, share and output', () => {
		const rows = sensitivity({ ...setup(), inputs: ['volume'], share: 0.5, output: 'units' });
		expect(rows).toHaveLength(1);
		expect([rows[0]?.outputAtLow, rows[0]?.outputAtHigh]).toEqual([10000, 30000]);
	});
});

describe('scenarios', () => {
	it('evaluates overrides in the base scope, finance outputs included', () => {
		const { program, base } = setup();
		expect(evaluateInScope(program, base, 'price * 0.9')).toBeCloseTo(108, 12);
		expect(evaluateInScope(program, base, 'profit / 1000')).toBeCloseTo(200, 12);
		expect(evaluateInScope(program, base, 'import("x")')).toBe('function "import" is not allowed');
	});

	it('recomputes everything downstream of the overridden variables', () => {
		const plan = breakevenPlan({ share: '0.1', market: '200000', margin: 'profit / revenue' });
		const program = compilePlan(plan);
		const base = program.runner([])([]);
		const r = runScenario(program, base, { name: 'more', overrides: { volume: 'market * share * 1.5', price: '130' } });
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.overrides).toEqual({ volume: 30000, price: 130 });
		expect(r.outputs.profit).toBeCloseTo(30000 * 50 - 600000, 6);
		expect(r.run.values[program.slotOf('margin') as number]).toBeCloseTo((30000 * 50 - 600000) / (30000 * 130), 12);
		expect(r.monthly.months).toHaveLength(12);
	});
});

import { describe, expect, it } from 'vitest';
import { parsePlanText } from '../plan/parse.js';
import { EXAMPLE_NAMES, exampleText, expectedOutput, numericDifferences } from '../../test-data/examples.js';
import { breakevenPlan, makePlan } from '../../test-data/factories.js';
import { simulatePlan } from './report.js';

describe('simulatePlan', () => {
	it.each(EXAMPLE_NAMES)('reproduces the expected figures of %s', (name) => {
		const parsed = parsePlanText(exampleText(name));
		if (!parsed.ok) throw new Error(parsed.errors[0]?.message);
		const outcome = simulatePlan(parsed.plan);
		if (!outcome.ok) throw new Error(outcome.problems[0]?.message);
		expect(numericDifferences(expectedOutput(name), JSON.parse(JSON.stringify(outcome.report)))).toEqual([]);
	});

	it('lists variable values and leaves out analyses without data', () => {
		const outcome = simulatePlan(breakevenPlan({ margin: 'profit / revenue' }));
		if (!outcome.ok) throw new Error('expected ok');
		expect(outcome.report.variables.margin).toBeCloseTo(200000 / 2400000, 12);
		expect(outcome.report).not.toHaveProperty('funnel');
		expect(outcome.report).not.toHaveProperty('dealers');
		expect(outcome.report).not.toHaveProperty('abc');
		expect(Object.keys(outcome.report.outputs)[0]).toBe('ex_factory');
	});

	it('uses a named scenario as the base with --scenario', () => {
		const plan = makePlan({
			variables: { price: '120', unit_cost: '80', fixed_costs: '600000', volume: '20000' },
			scenarios: [{ name: 'cheap', overrides: { price: 'price - 10' } }]
		});
		const outcome = simulatePlan(plan, { scenario: 'cheap' });
		if (!outcome.ok) throw new Error('expected ok');
		expect(outcome.report.outputs.profit).toBeCloseTo(20000 * 30 - 600000, 9);
		expect(outcome.report.variables.price).toBe(110);
		expect(simulatePlan(plan, { scenario: 'nope' })).toMatchObject({
			ok: false,
			problems: [{ path: 'scenarios', message: 'no scenario named "nope" (the plan has "cheap")' }]
		});
	});

	it('names the variable and path of formula errors', () => {
		const plan = breakevenPlan({ bad: 'import("fs")', loop_a: 'loop_b', loop_b: 'loop_a' });
		const outcome = simulatePlan(plan);
		expect(outcome.ok).toBe(false);
		if (outcome.ok) return;
		expect(outcome.problems[0]).toEqual({ path: 'variables[4].expr', message: 'bad: function "import" is not allowed' });
		expect(outcome.problems[1]?.message).toMatch(/loop_a: circular reference: loop_a, loop_b/);
	});

	it('refuses variables named like finance outputs', () => {
		const outcome = simulatePlan(breakevenPlan({ profit: '1' }));
		expect(outcome).toMatchObject({ ok: false, problems: [{ path: 'variables[4].name' }] });
	});

	it('says which finance inputs are missing', () => {
		const outcome = simulatePlan(makePlan({ variables: { price: '10' } }));
		expect(outcome).toMatchObject({
			ok: false,
			problems: [{ message: 'the finance model needs the variables unit_cost, fixed_costs, volume (or base_volume, base_price and elasticity)' }]
		});
	});

	it('reports broken scenario overrides with their path', () => {
		const plan = makePlan({
			variables: { price: '120', unit_cost: '80', fixed_costs: '600000', volume: '20000' },
			scenarios: [
				{ name: 'a', overrides: { nothing: '1' } },
				{ name: 'b', overrides: { price: 'price * unknown_thing' } },
				{ name: 'c', overrides: { profit: '1' } }
			]
		});
		const outcome = simulatePlan(plan);
		expect(outcome.ok).toBe(false);
		if (outcome.ok) return;
		expect(outcome.problems.map((p) => p.path)).toEqual([
			'scenarios[0].overrides.nothing',
			'scenarios[1].overrides.price',
			'scenarios[2].overrides.profit'
		]);
	});
});

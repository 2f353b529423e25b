import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FINANCE_OUTPUT_NAMES } from '../finance/types.js';
import { parsePlanText } from '../plan/parse.js';
import { EXAMPLE_NAMES, exampleText } from '../../test-data/examples.js';
import { breakevenPlan } from '../../test-data/factories.js';
import { compilePlan } from './plan-inputs.js';
import { PlanModel } from './plan-model.js';

function example(name: string) {
	const parsed = parsePlanText(exampleText(name));
	if (!parsed.ok) throw new Error(parsed.errors[0]?.message);
	return parsed.plan;
}

describe('PlanProgram and PlanModel agree', () => {
	it.each(EXAMPLE_NAMES)('on every name of %s', (name) => {
		const plan = example(name);
		const program = compilePlan(plan);
		const run = program.runner([])([]);
		const model = new PlanModel(plan);
		for (const n of [...plan.variables.map((v) => v.name), ...FINANCE_OUTPUT_NAMES]) {
			expect(program.resultOf(run, n), n).toEqual(model.result(n));
		}
	});

	it('property: after edits of inputs, the live model equals a fresh program run', () => {
		const plan = example('deep-marketing-ars');
		const inputs = ['price', 'unit_cost', 'fixed_costs', 'market_size', 'share'];
		fc.assert(
			fc.property(
				fc.array(fc.tuple(fc.constantFrom(...inputs), fc.double({ min: 0.01, max: 1e7, noNaN: true })), { maxLength: 8 }),
				(edits) => {
					const model = new PlanModel(plan);
					const values = new Map<string, number>();
					for (const [name, value] of edits) {
						model.setVariable(name, String(value));
						values.set(name, value);
					}
					const program = compilePlan(plan);
					const run = program.runner([...values.keys()])([...values.values()]);
					for (const n of FINANCE_OUTPUT_NAMES) {
						const a = program.resultOf(run, n);
						const b = model.result(n);
						if (a?.ok && b?.ok) expect(b.value).toBeCloseTo(a.value, 6);
						else expect(a?.ok).toBe(b?.ok);
					}
				}
			),
			{ numRuns: 100 }
		);
	});
});

describe('PlanModel', () => {
	it('recomputes finance outputs and formulas reading them after an input edit', () => {
		const model = new PlanModel(breakevenPlan({ margin: 'profit / revenue' }));
		const changes = model.setVariable('price', '130');
		const names = changes.map((c) => c.name);
		expect(names).toContain('profit');
		expect(names).toContain('margin');
		expect(names).not.toContain('unit_cost');
		expect(model.value('profit')).toBeCloseTo(20000 * 50 - 600000, 9);
	});

	it('recomputes when plan data changes', () => {
		const model = new PlanModel(breakevenPlan());
		const changes = model.setFinanceData({
			priceChain: [],
			budget: [{ name: 'TV', category: 'promotion', kind: 'fixed', amount: 100000 }],
			campaigns: []
		});
		expect(changes.map((c) => c.name)).toContain('profit');
		expect(model.value('profit')).toBe(100000);
		expect(model.financeOutputs?.fixed_total).toBe(700000);
	});

	it('flags breakeven figures as errors when each unit loses money', () => {
		const model = new PlanModel(breakevenPlan());
		model.setVariable('unit_cost', '130');
		expect(model.result('breakeven_units')).toMatchObject({ ok: false, error: { kind: 'unavailable' } });
		expect(model.financeOutputs?.breakeven_units).toBeNull();
		expect(model.value('profit')).toBe(-800000);
	});

	it('refuses reserved names as values, never throwing', () => {
		const model = new PlanModel(breakevenPlan());
		expect(model.setVariable('profit', '1')[0]?.result).toMatchObject({ ok: false });
		expect(model.variableResult('profit')).toMatchObject({ ok: false, error: { kind: 'refused' } });
		expect(model.value('profit')).toBe(200000);
	});

	it('gives every finance output an error naming missing inputs', () => {
		const model = new PlanModel(breakevenPlan());
		model.removeVariable('volume');
		expect(model.result('profit')).toMatchObject({ ok: false, error: { kind: 'unavailable', message: expect.stringContaining('volume') } });
		model.setVariable('volume', '10 / 0');
		expect(model.result('profit')).toMatchObject({ ok: false, error: { kind: 'dependency', names: ['volume'] } });
	});
});

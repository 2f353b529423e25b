import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { breakevenPlan, makePlan } from '../test-data/factories';
import { readFinanceData, readPlanMeta, readVariableEntries } from './model-inputs';
import { docFromPlan } from './schema/plan-doc';
import { planRoots, rowMap, type YRow, type YRows } from './schema/roots';

describe('reading model inputs leniently', () => {
	it('reads variables, skipping rows without a usable name, duplicates and reserved names', () => {
		const doc = docFromPlan(breakevenPlan());
		const vars = planRoots(doc).variables;
		vars.push([rowMap({ name: '', expr: '' }), rowMap({ name: 'price', expr: '1' }), rowMap({ name: 'profit', expr: '2' })]);
		vars.push([rowMap({ name: '9lives', expr: '1' }), rowMap({ name: 'share', expr: '0.2', label: '份额', unit: '%' })]);
		const entries = readVariableEntries(vars);
		expect(entries.map((e) => e.name)).toEqual(['price', 'unit_cost', 'fixed_costs', 'volume', 'share']);
		expect(entries.find((e) => e.name === 'price')?.expr).toBe('120');
		expect(entries.at(-1)).toMatchObject({ label: '份额', unit: '%' });
		expect(entries[0]?.label).toBe('price');
	});

	it('skips half-filled and invalid data rows so the figures keep working', () => {
		const doc = docFromPlan(
			makePlan({
				variables: { price: '10', unit_cost: '4', fixed_costs: '100', volume: '50' },
				data: {
					budget: [{ name: 'TV', category: 'promotion', kind: 'fixed', amount: 100, month: 3 }],
					priceChain: [{ tier: 'retailer', rate: 0.2, basis: 'margin' }],
					campaigns: [{ name: '618', cost: 10, month: 6, liftUnits: 5 }],
					seasonality: [0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.05]
				}
			})
		);
		const data = planRoots(doc).data;
		const rows = (name: string) => data.get(name) as YRows;
		rows('budget').push([
			rowMap({ name: '', category: '', kind: 'fixed' }),
			rowMap({ name: 'x', category: 'c', kind: 'fixed', amount: 'abc' }),
			rowMap({ name: 'y', category: 'c', kind: 'fixed', amount: 5, month: 13 }),
			rowMap({ name: 'z', category: 'c', kind: 'per_unit', amount: 1 })
		]);
		rows('priceChain').push([rowMap({ tier: 'bad', rate: 1.5, basis: 'margin' })]);
		rows('campaigns').push([rowMap({ name: 'new', cost: 5 })]);
		((rows('seasonality').get(0) as YRow) ?? new Y.Map()).set('value', 'typing');

		const finance = readFinanceData(data);
		expect(finance.budget.map((b) => b.name)).toEqual(['TV', 'z']);
		expect(finance.priceChain).toHaveLength(1);
		expect(finance.campaigns.map((c) => c.name)).toEqual(['618']);
		expect(finance.seasonality).toHaveLength(11);
	});

	it('reads meta with fallbacks while the doc is loading', () => {
		const fallback = { title: '', locale: 'zh-CN' as const, currency: 'CNY', year: 2027 };
		expect(readPlanMeta(new Y.Doc().getMap('meta'), fallback)).toEqual(fallback);
		const doc = docFromPlan(makePlan({ title: 'T', locale: 'en' }));
		expect(readPlanMeta(planRoots(doc).meta, fallback)).toEqual({ title: 'T', locale: 'en', currency: 'CNY', year: 2027 });
	});
});

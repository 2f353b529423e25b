import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyAccounts } from './abc.js';
import { scoreDealers, weightsSumToOne } from './dealers.js';
import { analyzeFunnel } from './funnel.js';
import { budgetTotals, campaignRoi, computeFinance, prepareFinance } from './model.js';
import { monthlyPlan } from './monthly.js';
import { netPriceFactor, walkPriceChain } from './price-chain.js';
import type { FinanceData } from './types.js';

const none: FinanceData = { priceChain: [], budget: [], campaigns: [] };

describe('price chain', () => {
	it('walks back from the consumer price through markup and margin tiers', () => {
		const r = walkPriceChain(6, [
			{ tier: 'distributor', rate: 0.1, basis: 'markup', rebate: 0.02 },
			{ tier: 'retailer', rate: 0.25, basis: 'margin' }
		]);
		expect(r.steps[1]?.purchasePrice).toBeCloseTo(4.5, 12);
		expect(r.ex_factory).toBeCloseTo(4.5 / 1.1, 12);
		expect(r.net_price).toBeCloseTo(4.5 / 1.1 - 0.02 * (4.5 / 1.1), 12);
	});

	it('is the consumer price without a chain, and scales linearly', () => {
		expect(walkPriceChain(120, []).net_price).toBe(120);
		expect(netPriceFactor([{ tier: 'r', rate: 0.35, basis: 'margin' }])).toBeCloseTo(0.65, 12);
	});
});

describe('annual model', () => {
	it('solves the textbook breakeven case', () => {
		const o = computeFinance({ price: 120, unit_cost: 80, fixed_costs: 600000, volume: 20000 }, prepareFinance(none));
		expect(o).toMatchObject({ profit: 200000, breakeven_units: 15000, margin_of_safety: 0.25, revenue: 2400000 });
	});

	it('applies constant-elasticity demand', () => {
		const o = computeFinance({ price: 44.1, unit_cost: 14, fixed_costs: 0, base_volume: 30000, base_price: 49, elasticity: -1.8 }, prepareFinance(none));
		expect(o.demand_units).toBeCloseTo(30000 * Math.pow(0.9, -1.8), 6);
	});

	it('counts budget lines by kind and campaign lift', () => {
		const data: FinanceData = {
			priceChain: [],
			budget: [
				{ name: 'TV', category: 'promotion', kind: 'fixed', amount: 1000 },
				{ name: 'freight', category: 'channel', kind: 'per_unit', amount: 1 },
				{ name: 'commission', category: 'channel', kind: 'percent_of_revenue', amount: 0.1 }
			],
			campaigns: [{ name: 'c', cost: 1000, liftUnits: 100 }]
		};
		const o = computeFinance({ price: 10, unit_cost: 4, fixed_costs: 500, volume: 900 }, prepareFinance(data));
		expect(o.units).toBe(1000);
		expect(o.unit_variable_cost).toBeCloseTo(4 + 1 + 1, 12);
		expect(o.fixed_total).toBe(1500);
		expect(o.marketing_spend).toBeCloseTo(1000 + 1000 + 1000, 9);
		expect(o.profit).toBeCloseTo(1000 * 4 - 1500, 9);
		expect(campaignRoi(data.campaigns[0]!, o.unit_contribution!)).toBeCloseTo((100 * 4 - 1000) / 1000, 12);
		expect(budgetTotals(data.budget, data.campaigns)).toEqual({ fixed: 1000, perUnit: 1, percentOfRevenue: 0.1, liftUnits: 100 });
	});

	it('has no breakeven when each unit loses money', () => {
		const o = computeFinance({ price: 10, unit_cost: 12, fixed_costs: 100, volume: 10 }, prepareFinance(none));
		expect([o.breakeven_units, o.breakeven_revenue, o.margin_of_safety]).toEqual([null, null, null]);
	});

	it('property: at units = breakeven_units, profit is 0', () => {
		fc.assert(
			fc.property(
				fc.double({ min: 1, max: 1000, noNaN: true }),
				fc.double({ min: 0.01, max: 0.9, noNaN: true }),
				fc.double({ min: 0, max: 1e7, noNaN: true }),
				fc.double({ min: 0, max: 0.2, noNaN: true }),
				fc.double({ min: 0, max: 0.5, noNaN: true }),
				(price, costShare, fixed, perUnitShare, pct) => {
					const data: FinanceData = {
						priceChain: [{ tier: 'r', rate: 0.2, basis: 'margin', rebate: 0.01 }],
						budget: [
							{ name: 'f', category: 'promotion', kind: 'fixed', amount: fixed / 3 },
							{ name: 'u', category: 'channel', kind: 'per_unit', amount: price * perUnitShare * 0.1 },
							{ name: 'p', category: 'channel', kind: 'percent_of_revenue', amount: pct * 0.1 }
						],
						campaigns: []
					};
					const inputs = { price, unit_cost: price * costShare * 0.3, fixed_costs: fixed };
					const probe = computeFinance({ ...inputs, volume: 1 }, prepareFinance(data));
					if (probe.breakeven_units === null) return;
					const at = computeFinance({ ...inputs, volume: probe.breakeven_units }, prepareFinance(data));
					expect(Math.abs(at.profit as number)).toBeLessThanOrEqual(1e-6 * Math.max(1, fixed));
				}
			)
		);
	});
});

describe('monthly plan', () => {
	it('places campaign lifts and dated fixed lines in their month, sums to the annual profit', () => {
		const data: FinanceData = {
			priceChain: [],
			budget: [{ name: 'launch', category: 'promotion', kind: 'fixed', amount: 1200, month: 2 }],
			campaigns: [{ name: 'c', cost: 1200, liftUnits: 120, month: 3 }],
			seasonality: [0.05, 0.05, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.05, 0.05]
		};
		const inputs = { price: 10, unit_cost: 6, fixed_costs: 1200, volume: 1000 };
		const o = computeFinance(inputs, prepareFinance(data));
		const m = monthlyPlan(o, data, inputs.fixed_costs);
		expect(m.months[2]?.units).toBeCloseTo(100 + 120, 9);
		expect(m.months[1]?.profit).toBeCloseTo(50 * 4 - 100 - 1200, 9);
		expect(m.months[11]?.cumulative_profit).toBeCloseTo(o.profit as number, 9);
		expect(m.payback_month).toBe(1);
	});

	it('reports no payback when cumulative profit stays negative, and falls back to even months', () => {
		const data: FinanceData = { ...none, seasonality: [1, 2] };
		const o = computeFinance({ price: 10, unit_cost: 9, fixed_costs: 1e6, volume: 10 }, prepareFinance(data));
		const m = monthlyPlan(o, data, 1e6);
		expect(m.payback_month).toBeNull();
		expect(m.seasonalityFallback).toBe(true);
		expect(m.months[0]?.units).toBeCloseTo(10 / 12, 12);
	});
});

describe('funnel, dealers, ABC', () => {
	it('gives the training material figures: funnel 54万, dealers 4.3 and 4.2', () => {
		const f = analyzeFunnel([
			{ stage: '潜在客户跟踪', value: 500000, conversion: 0.5, months: 2 },
			{ stage: '项目投标', value: 250000, conversion: 0.8, months: 1 },
			{ stage: '商务洽谈', value: 200000, conversion: 0.9, months: 1 }
		]);
		expect(f.expected_value).toBeCloseTo(540000, 6);
		expect(f.stages.map((s) => s.close_month)).toEqual([4, 2, 1]);
		const criteria = [0.5, 0.1, 0.2, 0.1, 0.2].map((weight, i) => ({ name: `k${i}`, weight }));
		const d = scoreDealers(criteria, [
			{ name: 'B', scores: [4, 4, 3, 4, 4] },
			{ name: 'A', scores: [5, 4, 2, 4, 3] }
		]);
		expect(d.map((x) => [x.name, x.rank])).toEqual([['A', 1], ['B', 2]]);
		expect(d[0]?.score).toBeCloseTo(4.3, 12);
		expect(weightsSumToOne(criteria)).toBe(false);
	});

	it('breaks dealer ties by name', () => {
		const d = scoreDealers([{ name: 'k', weight: 1 }], [{ name: 'b', scores: [3] }, { name: 'a', scores: [3] }]);
		expect(d.map((x) => x.name)).toEqual(['a', 'b']);
	});

	it('classes accounts A/B/C by cumulative share, first always A, ties by name', () => {
		const rows = classifyAccounts([
			{ name: 'small', value: 5 },
			{ name: 'big', value: 90 },
			{ name: 'mid', value: 5 }
		]);
		expect(rows.map((r) => [r.name, r.class])).toEqual([
			['big', 'A'],
			['mid', 'B'],
			['small', 'C']
		]);
		const exact = classifyAccounts([{ name: 'a', value: 80 }, { name: 'b', value: 15 }, { name: 'c', value: 5 }]);
		expect(exact.map((r) => r.class)).toEqual(['A', 'B', 'C']);
	});
});

import { describe, expect, it } from 'vitest';
import { priceProfitChart } from './price-profit';
import { annotationsOf, contextOf, dataOf, exampleAnalysis, examplePlan, markerPointOf } from './spec-fixtures';

describe('priceProfitChart', () => {
	const ctx = contextOf(examplePlan('price-scenarios'));
	const input = exampleAnalysis('price-scenarios').priceProfit;
	if (!input?.optimum) throw new Error('the price example has an optimum');
	const optimum = input.optimum;
	const spec = priceProfitChart(input, ctx);

	it('marks the optimum and the current plan at the analysed points', () => {
		if (!spec) throw new Error('no spec');
		expect(spec.id).toBe('price-profit');
		expect(markerPointOf(spec, 'optimum')).toEqual({ x: optimum.x, y: optimum.y });
		expect(markerPointOf(spec, 'base')).toEqual({ x: input.basePrice, y: input.baseProfit });
		expect(spec.summary).toBe('Profit peaks at €205,547 with a price of €48.46; the plan now earns €205,500 at €49.00.');
	});

	it('draws the curve and each scenario as a labelled point', () => {
		if (!spec) throw new Error('no spec');
		expect(dataOf(spec, 'Profit at this price')).toEqual(input.points);
		expect(dataOf(spec, 'Scenarios')).toEqual(input.scenarios.map((s) => ({ x: s.x, y: s.y })));
		const labels = input.scenarios.map((_, i) => annotationsOf(spec)[`scenario${i}`]);
		expect(labels.map((l) => (l?.type === 'label' ? l.content : null))).toEqual(['-10%', '+10%']);
		expect(labels.map((l) => (l?.type === 'label' ? l.xValue : null))).toEqual(input.scenarios.map((s) => s.x));
	});

	it('tabulates the marked points then every curve point', () => {
		if (!spec) throw new Error('no spec');
		expect(spec.table.rows).toHaveLength(input.points.length + 2 + input.scenarios.length);
		expect(spec.table.rows[1]).toEqual(['Best price', '€48.46', '€205,547']);
		expect(spec.table.rows[2]?.[0]).toBe('-10%');
	});

	it('drops the optimum marker when the optimiser found none, and is null without a curve', () => {
		const none = priceProfitChart({ ...input, optimum: null }, ctx);
		expect(none && annotationsOf(none)).not.toHaveProperty('optimum');
		expect(none?.summary).toBeUndefined();
		expect(priceProfitChart(null, ctx)).toBeNull();
		expect(priceProfitChart({ ...input, points: [] }, ctx)).toBeNull();
	});
});

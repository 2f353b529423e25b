import { describe, expect, it } from 'vitest';
import { cvpChart } from './cvp';
import { chartContext, contextOf, dataOf, exampleAnalysis, examplePlan, markerLineOf, markerPointOf } from './spec-fixtures';

describe('cvpChart', () => {
	const plan = examplePlan('deep-marketing-ars');
	const analysis = exampleAnalysis('deep-marketing-ars');
	const ctx = contextOf(plan);
	const cvp = analysis.cvp;
	if (!cvp) throw new Error('the ARS example has a CVP chart');
	const spec = cvpChart(cvp, ctx);

	it('marks breakeven and forecast units where the analysis puts them', () => {
		expect(spec?.id).toBe('cvp');
		if (!spec) return;
		expect(markerLineOf(spec, 'breakeven')).toMatchObject({ scaleID: 'x', value: cvp.breakevenUnits });
		expect(markerLineOf(spec, 'forecast')).toMatchObject({ scaleID: 'x', value: cvp.forecastUnits });
		expect(markerLineOf(spec, 'breakeven').label).toBe('盈亏平衡点 94.9万');
		// Revenue meets total cost at breakeven.
		const point = markerPointOf(spec, 'breakevenPoint');
		const price = (analysis.outputs?.net_price ?? Number.NaN);
		expect(point.x).toBe(cvp.breakevenUnits);
		expect(point.y).toBeCloseTo(price * (cvp.breakevenUnits ?? 0), 3);
	});

	it('draws revenue, total cost and the fixed-cost line over the sampled units', () => {
		if (!spec) throw new Error('no spec');
		expect(dataOf(spec, '销售收入')).toEqual(cvp.units.map((x, i) => ({ x, y: cvp.revenue[i] })));
		expect(dataOf(spec, '总成本')).toEqual(cvp.units.map((x, i) => ({ x, y: cvp.totalCost[i] })));
		expect(new Set(dataOf(spec, '固定成本').map((p) => (p as { y: number }).y))).toEqual(new Set([cvp.fixedCost]));
		expect(spec.config.options?.animation).toBe(false);
	});

	it('tabulates one row per sampled point, money in 万', () => {
		if (!spec) throw new Error('no spec');
		expect(spec.table.columns).toEqual(['销量', '销售收入', '总成本', '利润']);
		expect(spec.table.rows).toHaveLength(cvp.units.length);
		const last = spec.table.rows[spec.table.rows.length - 1];
		expect(last?.[1]).toMatch(/万$/);
		expect(spec.summary).toContain('安全边际率');
	});

	it('leaves out the breakeven marker when contribution is not positive', () => {
		const none = cvpChart({ ...cvp, breakevenUnits: null }, chartContext('en'));
		expect(none?.config.options?.plugins?.annotation?.annotations).not.toHaveProperty('breakeven');
		expect(none?.summary).toMatch(/^No breakeven/);
	});

	it('is null without a finance model', () => {
		expect(cvpChart(null, ctx)).toBeNull();
	});
});

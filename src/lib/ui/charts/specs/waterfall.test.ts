import { describe, expect, it } from 'vitest';
import { waterfallChart } from './waterfall';
import { contextOf, dataOf, exampleAnalysis, examplePlan } from './spec-fixtures';

describe('waterfallChart', () => {
	const ctx = contextOf(examplePlan('deep-marketing-ars'));
	const analysis = exampleAnalysis('deep-marketing-ars');
	const spec = waterfallChart(analysis.waterfall, ctx);
	const bars = spec ? (dataOf(spec, '单价') as [number, number][]) : [];

	it('starts at the consumer price and ends at the net price', () => {
		const net = analysis.outputs?.net_price;
		if (net === null || net === undefined) throw new Error('no net price');
		expect(bars[0]).toEqual([0, 6]);
		expect(bars[bars.length - 1]).toEqual([0, net]);
		expect(spec?.config.data.labels).toEqual(['零售价', '零售终端差价', '经销商差价', '返利', '净价']);
	});

	it('floats each step from the price after it to the price before it', () => {
		for (let i = 1; i < bars.length - 1; i++) {
			const [low, high] = bars[i] ?? [Number.NaN, Number.NaN];
			const previousBottom = i === 1 ? (bars[0]?.[1] ?? Number.NaN) : (bars[i - 1]?.[0] ?? Number.NaN);
			expect(high).toBeCloseTo(previousBottom, 12);
			expect(low).toBe(analysis.waterfall[i]?.value);
		}
	});

	it('tabulates every step and the net price', () => {
		expect(spec?.table.rows).toHaveLength(analysis.waterfall.length + 1);
		expect(spec?.table.rows[1]).toEqual(['零售终端差价', '¥4.50', '¥1.50']);
		expect(spec?.summary).toBe('零售价 ¥6.00，厂家净价 ¥4.01（占零售价 66.8%）。');
	});

	it('is null for a plan without a price chain', () => {
		expect(waterfallChart(exampleAnalysis('breakeven-basic').waterfall, ctx)).toBeNull();
	});
});

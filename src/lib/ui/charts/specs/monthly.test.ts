import { describe, expect, it } from 'vitest';
import { monthlyChart } from './monthly';
import { chartContext, contextOf, dataOf, exampleAnalysis, examplePlan, markerLineOf } from './spec-fixtures';

describe('monthlyChart', () => {
	const ctx = contextOf(examplePlan('deep-marketing-ars'));
	const analysis = exampleAnalysis('deep-marketing-ars');
	const spec = monthlyChart({ months: analysis.monthly, paybackMonth: analysis.paybackMonth }, ctx);

	it('draws monthly revenue and profit bars with the cumulative profit line', () => {
		if (!spec) throw new Error('no spec');
		expect(spec.config.data.labels).toEqual(Array.from({ length: 12 }, (_, i) => `${i + 1}月`));
		expect(dataOf(spec, '累计利润')).toEqual(analysis.monthly.map((m) => m.cumulative_profit));
		expect(dataOf(spec, '利润')).toEqual(analysis.monthly.map((m) => m.profit));
		expect(dataOf(spec, '销售收入')).toEqual(analysis.monthly.map((m) => m.revenue));
		expect(spec.config.data.datasets.find((d) => d.label === '累计利润')?.type).toBe('line');
	});

	it('marks the payback month on its bar', () => {
		if (!spec) throw new Error('no spec');
		expect(analysis.paybackMonth).not.toBeNull();
		const line = markerLineOf(spec, 'payback');
		expect(line.value).toBe((analysis.paybackMonth ?? 0) - 1);
		expect(line.label).toBe(`回本月份：${analysis.paybackMonth}月`);
		expect(spec.summary).toContain(`第 ${analysis.paybackMonth} 个月`);
	});

	it('has no marker and says so when the year does not pay back', () => {
		const late = analysis.monthly.map((m) => ({ ...m, cumulative_profit: -1 }));
		const none = monthlyChart({ months: late, paybackMonth: null }, chartContext('en'));
		expect(none?.config.options?.plugins?.annotation?.annotations).toEqual({});
		expect(none?.summary).toBe('No payback within the year.');
		expect(none?.config.data.labels?.[2]).toBe('M3');
	});

	it('tabulates the twelve months and is null without them', () => {
		expect(spec?.table.rows).toHaveLength(12);
		expect(spec?.table.columns).toEqual(['月份', '销量', '销售收入', '利润', '累计利润']);
		expect(monthlyChart({ months: [], paybackMonth: null }, ctx)).toBeNull();
	});
});

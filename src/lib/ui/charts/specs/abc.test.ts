import { describe, expect, it } from 'vitest';
import { abcChart } from './abc';
import { contextOf, dataOf, exampleAnalysis, examplePlan, markerLineOf } from './spec-fixtures';

describe('abcChart', () => {
	const ctx = contextOf(examplePlan('deep-marketing-ars'));
	const abc = exampleAnalysis('deep-marketing-ars').abc;
	const spec = abcChart(abc, ctx);

	it('draws account values largest first, one colour per class', () => {
		if (!spec) throw new Error('no spec');
		expect(spec.config.data.labels).toEqual(abc.map((r) => r.name));
		for (const cls of ['A', 'B', 'C'] as const) {
			expect(dataOf(spec, `${cls} 类客户`)).toEqual(abc.map((r) => (r.class === cls ? r.value : null)));
		}
		const values = abc.map((r) => r.value);
		expect(values).toEqual([...values].sort((a, b) => b - a));
	});

	it('puts the cumulative share on a 0–100 % right axis with the 80 % and 95 % limits', () => {
		if (!spec) throw new Error('no spec');
		expect(dataOf(spec, '累计占比')).toEqual(abc.map((r) => r.cumulative_share * 100));
		const y1 = spec.config.options?.scales?.y1;
		expect(y1).toMatchObject({ min: 0, max: 100, position: 'right' });
		expect(markerLineOf(spec, 'limitA')).toMatchObject({ scaleID: 'y1', value: 80 });
		expect(markerLineOf(spec, 'limitB')).toMatchObject({ scaleID: 'y1', value: 95 });
	});

	it('tabulates every account and is null without accounts', () => {
		expect(spec?.table.rows).toHaveLength(abc.length);
		expect(spec?.table.rows[2]).toEqual(['环城路餐饮', '¥15万', 'B', '83%']);
		expect(abcChart([], ctx)).toBeNull();
	});
});

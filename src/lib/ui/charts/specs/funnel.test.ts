import { describe, expect, it } from 'vitest';
import { funnelChart } from './funnel';
import { contextOf, dataOf, exampleAnalysis, examplePlan } from './spec-fixtures';

describe('funnelChart', () => {
	const plan = examplePlan('deep-marketing-ars');
	const ctx = contextOf(plan);
	const result = exampleAnalysis('deep-marketing-ars').funnel;
	const values = (plan.data.funnel ?? []).map((s) => s.value);

	it('compares each stage value with its expected value, in pipeline order', () => {
		const spec = funnelChart({ result, stageValues: values }, ctx);
		if (!spec || !result) throw new Error('no spec');
		expect(spec.config.data.labels).toEqual(['潜在客户跟踪', '项目投标', '商务洽谈']);
		expect(dataOf(spec, '机会金额')).toEqual(values);
		const expected = dataOf(spec, '预期成交金额') as number[];
		expected.forEach((v, i) => expect(v).toBeCloseTo((values[i] ?? 0) * (result.stages[i]?.win_probability ?? 0), 6));
		expect(expected.reduce((s, v) => s + v, 0)).toBeCloseTo(result.expected_value, 6);
		expect(spec.summary).toBe('漏斗预期成交金额 ¥54万。');
		expect(spec.table.rows).toHaveLength(3);
		expect(spec.table.rows[0]).toEqual(['潜在客户跟踪', '¥50万', '36%', '¥18万', '4']);
	});

	it('falls back to win probabilities when stage values are not given', () => {
		const spec = funnelChart({ result }, ctx);
		if (!spec || !result) throw new Error('no spec');
		expect(dataOf(spec, '成交概率')).toEqual(result.stages.map((s) => s.win_probability * 100));
		expect(spec.table.columns).toEqual(['阶段', '成交概率', '预计成交（月）']);
		// A value list of the wrong length is ignored rather than misaligned.
		expect(funnelChart({ result, stageValues: [1] }, ctx)?.table.columns).toHaveLength(3);
	});

	it('is null without a funnel', () => {
		expect(funnelChart({ result: null }, ctx)).toBeNull();
		expect(funnelChart({ result: exampleAnalysis('price-scenarios').funnel }, ctx)).toBeNull();
	});
});

import { describe, expect, it } from 'vitest';
import { dealersChart } from './dealers';
import { chartContext, contextOf, dataOf, exampleAnalysis, examplePlan } from './spec-fixtures';

describe('dealersChart', () => {
	const ctx = contextOf(examplePlan('deep-marketing-ars'));
	const dealers = exampleAnalysis('deep-marketing-ars').dealers;

	it('ranks dealers by weighted score, best on top', () => {
		const spec = dealersChart(dealers, ctx);
		if (!spec) throw new Error('no spec');
		expect(spec.config.data.labels).toEqual(['经销商A', '经销商B']);
		expect(dataOf(spec, '加权得分')).toEqual([4.3, 4.2]);
		expect(spec.table.rows).toEqual([
			['1', '经销商A', '4.3'],
			['2', '经销商B', '4.2']
		]);
	});

	it('follows rank, not input order', () => {
		const spec = dealersChart([...dealers].reverse(), chartContext('en'));
		expect(spec?.config.data.labels).toEqual(['经销商A', '经销商B']);
	});

	it('is null without scored dealers', () => {
		expect(dealersChart(exampleAnalysis('price-scenarios').dealers, ctx)).toBeNull();
	});
});

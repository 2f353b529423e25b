import { describe, expect, it } from 'vitest';
import { budgetChart } from './budget';
import { chartContext, contextOf, dataOf, exampleAnalysis, examplePlan } from './spec-fixtures';

describe('budgetChart', () => {
	const ctx = contextOf(examplePlan('deep-marketing-ars'));
	const budget = exampleAnalysis('deep-marketing-ars').budgetByCategory;
	const spec = budgetChart(budget, ctx);

	it('shows each category amount, in the plan language, largest first', () => {
		if (!spec) throw new Error('no spec');
		expect(spec.config.data.labels).toEqual(['渠道', '促销推广']);
		expect(dataOf(spec, '金额')).toEqual(budget.map((b) => b.amount));
		expect(spec.table.rows).toEqual([
			['渠道', '¥64万', '61.6%'],
			['促销推广', '¥40万', '38.4%']
		]);
		expect(spec.summary).toBe('费用预算合计 ¥104万。');
	});

	it('keeps a category the catalogue does not know as written', () => {
		const own = budgetChart([{ category: '终端建设', amount: 10 }, { category: 'constructor', amount: 5 }, { category: '', amount: 1 }], chartContext('en'));
		expect(own?.config.data.labels).toEqual(['终端建设', 'constructor', 'Other']);
	});

	it('is null without budget lines', () => {
		expect(budgetChart([], ctx)).toBeNull();
	});
});

/** F 营销预算的财务分析: cost, sales, profit/loss and breakeven analysis of the budget. */
import { usableSeasonality, SEASONALITY_TOLERANCE } from '../../finance/monthly.js';
import { weightsSumToOne } from '../../finance/dealers.js';
import type { Rule } from '../types.js';
import { fmt, isProblem, needOutput, pct, problem, text } from './helpers.js';

export const f1Breakeven: Rule = {
	id: 'F1.breakeven',
	item: 'F',
	severity: 'error',
	hint: text('Forecast sales must reach the breakeven volume.', '预计销量必须达到盈亏平衡销量。'),
	check(ctx) {
		const units = needOutput(ctx, 'units', { variable: 'volume' });
		if (isProblem(units)) return [units];
		const breakeven = ctx.finance?.breakeven_units;
		if (breakeven === null || breakeven === undefined) {
			return [problem({ variable: 'price' }, 'No breakeven: each unit loses money.', '无法达到盈亏平衡：每件产品都在亏损。')];
		}
		return breakeven <= units
			? []
			: [problem({ variable: 'volume' }, `Forecast ${fmt(units, 0)} units is below breakeven ${fmt(breakeven, 0)}.`, `预计销量 ${fmt(units, 0)} 低于盈亏平衡销量 ${fmt(breakeven, 0)}。`)];
	}
};

export const f2Safety: Rule = {
	id: 'F2.safety',
	item: 'F',
	severity: 'warning',
	threshold: 0.1,
	hint: text('Keep a margin of safety so a weaker year still breaks even.', '保留足够的安全边际，销量不及预期时仍能保本。'),
	check(ctx) {
		const mos = needOutput(ctx, 'margin_of_safety', { variable: 'volume' });
		if (isProblem(mos)) return [mos];
		const min = ctx.thresholds['F2.safety'] ?? 0.1;
		return mos >= min ? [] : [problem({ variable: 'volume' }, `Margin of safety ${pct(mos)} is below ${pct(min)}.`, `安全边际率 ${pct(mos)} 低于 ${pct(min)}。`)];
	}
};

export const f3BudgetShare: Rule = {
	id: 'F3.budget-share',
	item: 'F',
	severity: 'warning',
	threshold: 0.3,
	hint: text('Marketing spend above this share of revenue rarely pays back.', '营销费用占销售收入比例过高，通常难以收回。'),
	check(ctx) {
		const spend = needOutput(ctx, 'marketing_spend', { data: 'budget' });
		const revenue = needOutput(ctx, 'revenue', { data: 'budget' });
		if (isProblem(spend)) return [spend];
		if (isProblem(revenue)) return [revenue];
		const max = ctx.thresholds['F3.budget-share'] ?? 0.3;
		if (spend <= max * revenue) return [];
		return [problem({ data: 'budget' }, `Marketing spend is ${revenue > 0 ? pct(spend / revenue) : '∞'} of revenue (limit ${pct(max)}).`, `营销费用占销售收入 ${revenue > 0 ? pct(spend / revenue) : '∞'}（上限 ${pct(max)}）。`)];
	}
};

export const f4Seasonality: Rule = {
	id: 'F4.seasonality',
	item: 'F',
	severity: 'error',
	hint: text('Twelve monthly shares that add up to 100 %.', '季节性系数应为12个月份，合计为100%。'),
	check({ plan }) {
		const s = plan.data.seasonality;
		if (s === undefined) return [];
		const count = s.length;
		if (!usableSeasonality(s)) {
			return [problem({ data: 'seasonality' }, `Seasonality has ${count} values; it needs 12 non-negative shares.`, `季节性系数有 ${count} 个值，应为12个非负数。`)];
		}
		const sum = s.reduce((a, b) => a + b, 0);
		return Math.abs(sum - 1) <= SEASONALITY_TOLERANCE
			? []
			: [problem({ data: 'seasonality' }, `Seasonality sums to ${pct(sum)}, not 100%.`, `季节性系数合计为 ${pct(sum)}，不是100%。`)];
	}
};

export const f5DealerWeights: Rule = {
	id: 'F5.dealer-weights',
	item: 'F',
	severity: 'warning',
	hint: text('Dealer criteria weights should add up to 1 so scores stay on the 1–5 scale.', '经销商评估权重合计应为1，评分才能保持在原有分值范围内。'),
	check({ plan }) {
		const criteria = plan.data.dealers?.criteria ?? [];
		if (criteria.length === 0 || weightsSumToOne(criteria)) return [];
		const sum = criteria.reduce((s, c) => s + c.weight, 0);
		return [problem({ data: 'dealers' }, `Dealer criteria weights sum to ${fmt(sum, 3)}, not 1.`, `经销商评估权重合计为 ${fmt(sum, 3)}，不是1。`)];
	}
};

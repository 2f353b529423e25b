/**
 * P 定价决策: the training material's four tests of a price — acceptable to users, reasonable profit
 * for the channel, competitive against rivals, profitable for the company.
 */
import type { Rule } from '../types.js';
import { fmt, isProblem, needOutput, pct, problem, text } from './helpers.js';

export const p1Acceptable: Rule = {
	id: 'P1.acceptable',
	item: 'P',
	severity: 'warning',
	hint: text('Price at or below what buyers accept (reference_price), or justify the gap.', '价格应不高于顾客可接受价格（reference_price），否则说明理由。'),
	check({ values }) {
		const price = values.get('price');
		const ref = values.get('reference_price');
		if (price === undefined || ref === undefined || price <= ref) return [];
		return [problem({ variable: 'price' }, `Price ${fmt(price)} is above what buyers accept (${fmt(ref)}).`, `零售价 ${fmt(price)} 高于顾客可接受价格 ${fmt(ref)}。`)];
	}
};

export const p2Channel: Rule = {
	id: 'P2.channel',
	item: 'P',
	severity: 'error',
	hint: text('Each channel tier needs at least its minimum rate to stay motivated.', '各渠道环节的利润率不能低于其最低要求，才能保证渠道积极性。'),
	check({ plan }) {
		return (plan.data.priceChain ?? []).flatMap((t, row) =>
			t.minRate !== undefined && t.rate < t.minRate
				? [problem({ data: 'priceChain', row }, `${t.tier} gets ${pct(t.rate)}, below its minimum ${pct(t.minRate)}.`, `${t.tier} 的利润率 ${pct(t.rate)} 低于最低要求 ${pct(t.minRate)}。`)]
				: []
		);
	}
};

/** Words that show the price section argues for a deliberate premium or discount. */
const JUSTIFICATION = /premium|discount|justif|positioning|penetrat|溢价|高端|折扣|低价|平价|优惠|低于|高于|渗透|定位/i;

export const p3Competitive: Rule = {
	id: 'P3.competitive',
	item: 'P',
	severity: 'warning',
	threshold: 0.2,
	hint: text('Stay near competitors’ prices, or explain a premium or discount in the price section.', '价格应接近竞品，或在价格策略中说明溢价或低价的理由。'),
	check({ plan, values, thresholds }) {
		const price = values.get('price');
		const competitors = plan.data.competitors ?? [];
		if (price === undefined || competitors.length === 0) return [];
		const mean = competitors.reduce((s, c) => s + c.price, 0) / competitors.length;
		const band = thresholds['P3.competitive'] ?? 0.2;
		if (Math.abs(price - mean) <= band * mean) return [];
		const justified = plan.sections.some((s) => s.kind === 'price' && JUSTIFICATION.test(s.text));
		if (justified) return [];
		return [
			problem(
				{ variable: 'price' },
				`Price ${fmt(price)} is more than ${pct(band)} from the competitors’ mean ${fmt(mean)}.`,
				`零售价 ${fmt(price)} 偏离竞品均价 ${fmt(mean)} 超过 ${pct(band)}。`
			)
		];
	}
};

export const p4Profit: Rule = {
	id: 'P4.profit',
	item: 'P',
	severity: 'error',
	hint: text('The price must leave the company a profit, ideally the target profit.', '定价必须保证公司有利润，最好达到目标利润。'),
	check(ctx) {
		const profit = needOutput(ctx, 'profit', { variable: 'price' });
		if (isProblem(profit)) return [profit];
		if (profit <= 0) return [problem({ variable: 'price' }, `The plan makes a loss (${fmt(profit)}).`, `计划亏损（利润 ${fmt(profit)}）。`)];
		const target = ctx.values.get('target_profit');
		if (target !== undefined && profit < target) {
			return [problem({ variable: 'target_profit' }, `Profit ${fmt(profit)} is below the target ${fmt(target)}.`, `利润 ${fmt(profit)} 低于目标利润 ${fmt(target)}。`, { severity: 'warning' })];
		}
		return [];
	}
};

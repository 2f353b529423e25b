/**
 * S3 清晰的策略思路和目标 (measurable objectives), S4 整合的策略系统 (integrated strategy) and
 * S5 有效的战术转换 (strategies become tactics).
 */
import { SECTION_TITLES } from '../../plan/sections.js';
import type { Rule } from '../types.js';
import { fmt, isProblem, needOutput, problem, text } from './helpers.js';

export const s3Objectives: Rule = {
	id: 'S3.objectives',
	item: 'S3',
	severity: 'error',
	hint: text('Objectives are measurable: a metric, a number, a unit and a deadline.', '目标要可衡量：指标、数值、单位和完成期限。'),
	check({ plan }) {
		const objectives = plan.data.objectives ?? [];
		if (objectives.length === 0) {
			return [problem({ section: 'objectives' }, 'The plan has no objective.', '计划没有设定目标。')];
		}
		return objectives.flatMap((o, row) => {
			const missing: [string, string][] = [];
			if (!o.metric?.trim()) missing.push(['metric', '指标']);
			if (o.target === undefined) missing.push(['target', '目标值']);
			if (!o.unit?.trim()) missing.push(['unit', '单位']);
			if (!o.deadline) missing.push(['deadline', '期限']);
			if (missing.length === 0) return [];
			return [
				problem(
					{ data: 'objectives', row },
					`Objective ${row + 1} has no ${missing.map((m) => m[0]).join(', ')}.`,
					`第${row + 1}个目标缺少${missing.map((m) => m[1]).join('、')}。`
				)
			];
		});
	}
};

export const s3Deadline: Rule = {
	id: 'S3.deadline',
	item: 'S3',
	severity: 'warning',
	hint: text('Objectives of an annual plan fall due within its year.', '年度计划的目标期限应在计划年度内。'),
	check({ plan }) {
		return (plan.data.objectives ?? []).flatMap((o, row) =>
			o.deadline && Number(o.deadline.slice(0, 4)) !== plan.meta.year
				? [problem({ data: 'objectives', row }, `Deadline ${o.deadline} is outside ${plan.meta.year}.`, `期限 ${o.deadline} 不在 ${plan.meta.year} 年内。`)]
				: []
		);
	}
};

export const s3Positioning: Rule = {
	id: 'S3.positioning',
	item: 'S3',
	severity: 'warning',
	hint: text('Mark the segment you focus on as the target (the main consumer group).', '标出作为重点的目标细分市场（主要消费群体）。'),
	check({ plan }) {
		if ((plan.data.segments ?? []).some((s) => s.target === true)) return [];
		return [problem({ section: 'target' }, 'No segment is marked as the target.', '没有标明目标细分市场。')];
	}
};

export const s4Contribution: Rule = {
	id: 'S4.contribution',
	item: 'S4',
	severity: 'error',
	hint: text('Raise the price or lower unit and per-unit costs until each unit earns something.', '提高价格或降低单位成本，确保每件产品都有边际贡献。'),
	check(ctx) {
		const uc = needOutput(ctx, 'unit_contribution', { variable: 'price' });
		if (isProblem(uc)) return [uc];
		return uc > 0 ? [] : [problem({ variable: 'price' }, `Each unit loses money (unit contribution ${fmt(uc)}).`, `每件产品都在亏损（单位边际贡献 ${fmt(uc)}）。`)];
	}
};

export const s4CampaignBudget: Rule = {
	id: 'S4.campaign-budget',
	item: 'S4',
	severity: 'warning',
	threshold: 0.01,
	hint: text('Every campaign’s cost should appear as a promotion budget line, and vice versa.', '每项促销活动的费用都应列入促销预算，反之亦然。'),
	check({ plan, values, thresholds }) {
		const campaigns = (plan.data.campaigns ?? []).reduce((s, c) => s + c.cost, 0);
		const units = values.get('units') ?? 0;
		const revenue = values.get('revenue') ?? 0;
		const promotion = (plan.data.budget ?? [])
			.filter((b) => b.category === 'promotion')
			.reduce((s, b) => s + (b.kind === 'fixed' ? b.amount : b.kind === 'per_unit' ? b.amount * units : b.amount * revenue), 0);
		const tolerance = thresholds['S4.campaign-budget'] ?? 0.01;
		if (Math.abs(campaigns - promotion) <= tolerance * Math.max(Math.abs(campaigns), Math.abs(promotion))) return [];
		return [
			problem(
				{ data: 'budget' },
				`Campaign costs (${fmt(campaigns)}) differ from the promotion budget (${fmt(promotion)}).`,
				`促销活动费用（${fmt(campaigns)}）与促销预算（${fmt(promotion)}）不一致。`
			)
		];
	}
};

export const s4ChainChannel: Rule = {
	id: 'S4.chain-channel',
	item: 'S4',
	severity: 'warning',
	hint: text('Describe in the channel section how each tier of the price chain is served.', '在渠道策略中说明价格链上每一环节（经销商、零售商等）的安排。'),
	check({ plan }) {
		const channel = plan.sections.filter((s) => s.kind === 'channel');
		const haystack = [
			...channel.map((s) => s.text),
			...channel.flatMap((s) => s.blocks.map((b) => ('text' in b ? b.text : ''))),
			...(plan.data.dealers?.rows.map((r) => r.name) ?? []),
			...(plan.data.accounts?.map((a) => a.name) ?? [])
		]
			.join('\n')
			.toLowerCase();
		return (plan.data.priceChain ?? []).flatMap((tier, row) =>
			haystack.includes(tier.tier.toLowerCase())
				? []
				: [problem({ data: 'priceChain', row }, `The channel section does not mention "${tier.tier}".`, `渠道策略没有提到价格链环节「${tier.tier}」。`)]
		);
	}
};

const MIX = ['product', 'price', 'channel', 'promotion'] as const;

export const s5Actions: Rule = {
	id: 'S5.actions',
	item: 'S5',
	severity: 'warning',
	hint: text('Turn each strategy into at least one scheduled action with an owner.', '每项策略都要落实为至少一项有负责人的行动。'),
	check({ plan }) {
		const rows = plan.data.schedule ?? [];
		return MIX.filter((kind) => !rows.some((r) => r.section === kind)).map((kind) =>
			problem(
				{ section: kind },
				`No schedule row carries out the ${SECTION_TITLES.en[kind].toLowerCase()} strategy.`,
				`「${SECTION_TITLES['zh-CN'][kind]}」没有对应的实施步骤。`
			)
		);
	}
};

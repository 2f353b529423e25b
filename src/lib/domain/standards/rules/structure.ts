/**
 * S1 系统、完整的结构 (complete structure) and S2 充足的数据支持 (sufficient data support), from the
 * training material's "营销计划的标准与保障".
 */
import { DATA_SET_HOME, SECTION_TITLES, STANDARD_SECTION_KINDS } from '../../plan/sections.js';
import type { Plan, SectionKind } from '../../plan/types.js';
import type { Rule } from '../types.js';
import { problem, text } from './helpers.js';

/** A data set counts as content when it has at least one entry. */
function hasData(plan: Plan, kind: SectionKind): boolean {
	return Object.entries(plan.data).some(([name, value]) => {
		if (DATA_SET_HOME[name as keyof typeof DATA_SET_HOME] !== kind || value === undefined) return false;
		if (Array.isArray(value)) return value.length > 0;
		if (name === 'swot') return Object.values(value as Record<string, unknown[]>).some((q) => q.length > 0);
		if (name === 'dealers') return (value as { rows: unknown[] }).rows.length > 0;
		return false;
	});
}

export const s1Sections: Rule = {
	id: 'S1.sections',
	item: 'S1',
	severity: 'error',
	hint: text(
		'A plan covers situation, SWOT, objectives, target market, the 4Ps, budget, schedule and control.',
		'完整的计划包括现状、SWOT、目标、目标市场、4P策略、预算、实施步骤与控制。'
	),
	check({ plan }) {
		return STANDARD_SECTION_KINDS.flatMap((kind) => {
			const sections = plan.sections.filter((s) => s.kind === kind);
			const filled = sections.length > 0 && (sections.some((s) => s.text.trim() !== '' || s.blocks.length > 0) || hasData(plan, kind));
			if (filled) return [];
			const en = SECTION_TITLES.en[kind];
			const zh = SECTION_TITLES['zh-CN'][kind];
			return sections.length === 0
				? [problem({ section: kind }, `The plan has no "${en}" section.`, `计划缺少「${zh}」部分。`)]
				: [problem({ section: kind }, `The "${en}" section is empty.`, `「${zh}」部分还是空的。`)];
		});
	}
};

export const s1Swot: Rule = {
	id: 'S1.swot',
	item: 'S1',
	severity: 'warning',
	hint: text('List at least one strength, weakness, opportunity and threat.', '优势、劣势、机会、威胁每项至少写一条。'),
	check({ plan }) {
		const swot = plan.data.swot;
		const quadrants = [
			['strengths', 'strengths', '优势'],
			['weaknesses', 'weaknesses', '劣势'],
			['opportunities', 'opportunities', '机会'],
			['threats', 'threats', '威胁']
		] as const;
		const empty = quadrants.filter(([key]) => !swot || swot[key].filter((s) => s.trim() !== '').length === 0);
		if (empty.length === 0) return [];
		return [
			problem(
				{ data: 'swot' },
				`SWOT has no ${empty.map((q) => q[1]).join(', ')}.`,
				`SWOT缺少${empty.map((q) => q[2]).join('、')}。`
			)
		];
	}
};

const DEMAND_INPUTS = ['volume', 'base_volume', 'base_price', 'elasticity'];

export const s2Inputs: Rule = {
	id: 'S2.inputs',
	item: 'S2',
	severity: 'warning',
	hint: text(
		'Say where each key number comes from (a survey, last year’s accounts, a quote).',
		'注明关键数据的来源（市场普查、上年财务数据、报价等）。'
	),
	check({ plan }) {
		const names = ['price', 'unit_cost', 'fixed_costs', ...DEMAND_INPUTS];
		return plan.variables
			.filter((v) => names.includes(v.name) && !(v.source ?? '').trim())
			.map((v) => problem({ variable: v.name }, `${v.name} has no source.`, `${v.label ?? v.name}（${v.name}）没有注明数据来源。`));
	}
};

export const s2Market: Rule = {
	id: 'S2.market',
	item: 'S2',
	severity: 'warning',
	hint: text('Give market_size, or segment sizes in the target section.', '给出市场容量 market_size，或在目标市场部分填写细分市场规模。'),
	check({ plan, values }) {
		const sized = (plan.data.segments ?? []).some((s) => s.size !== undefined && s.size > 0);
		if (values.has('market_size') || sized) return [];
		return [problem({ section: 'target' }, 'The market size is not given.', '没有给出市场容量。')];
	}
};

export const s2Competitors: Rule = {
	id: 'S2.competitors',
	item: 'S2',
	severity: 'warning',
	hint: text('Record at least one main competitor’s price.', '至少记录一个主要竞品的价格。'),
	check({ plan }) {
		if ((plan.data.competitors ?? []).length > 0) return [];
		return [problem({ data: 'competitors' }, 'No competitor price is given.', '没有竞品价格数据。')];
	}
};

/**
 * The built-in standard `deep-marketing` (深度营销计划标准), after the training material's
 * "营销计划的标准与保障", its four price tests and its budget analysis. Rule ids are stable
 * (shared/standards/deep-marketing.md); thresholds there are the defaults below.
 */
import type { Rule, StandardPack } from './types.js';
import { f1Breakeven, f2Safety, f3BudgetShare, f4Seasonality, f5DealerWeights } from './rules/budget.js';
import { p1Acceptable, p2Channel, p3Competitive, p4Profit } from './rules/price.js';
import { s6Deps, s6Kpis, s6Rows, s6Year } from './rules/schedule.js';
import { s3Deadline, s3Objectives, s3Positioning, s4CampaignBudget, s4ChainChannel, s4Contribution, s5Actions } from './rules/strategy.js';
import { s1Sections, s1Swot, s2Competitors, s2Inputs, s2Market } from './rules/structure.js';

export const DEEP_MARKETING_ID = 'deep-marketing';

const RULES: readonly Rule[] = [
	s1Sections,
	s1Swot,
	s2Inputs,
	s2Market,
	s2Competitors,
	s3Objectives,
	s3Deadline,
	s3Positioning,
	s4Contribution,
	s4CampaignBudget,
	s4ChainChannel,
	s5Actions,
	s6Rows,
	s6Year,
	s6Deps,
	s6Kpis,
	p1Acceptable,
	p2Channel,
	p3Competitive,
	p4Profit,
	f1Breakeven,
	f2Safety,
	f3BudgetShare,
	f4Seasonality,
	f5DealerWeights
];

export const deepMarketing: StandardPack = {
	id: DEEP_MARKETING_ID,
	title: { en: 'Deep marketing plan standard', 'zh-CN': '深度营销计划标准' },
	rules: RULES,
	thresholds: Object.fromEntries(RULES.flatMap((r) => (r.threshold === undefined ? [] : [[r.id, r.threshold]])))
};

/** Built-in packs by id. */
export const BUILT_IN_PACKS: Readonly<Record<string, StandardPack>> = { [DEEP_MARKETING_ID]: deepMarketing };

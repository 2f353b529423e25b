/**
 * How far a team's plan has got, for the trainer's workshop dashboard: share of the standard
 * sections that have text or data, the standard score, and the figures trainers watch (profit,
 * breakeven units, margin of safety). Pure: computed on each change of a team's plan.
 */
import { DATA_SET_HOME, DATA_SET_NAMES, STANDARD_SECTION_KINDS } from '../plan/sections.js';
import type { Plan } from '../plan/types.js';
import { checkPlan } from '../standards/check.js';
import { resolvePlanStandards } from '../standards/custom-pack.js';
import { simulatePlan } from './report.js';

export interface TeamSummary {
	/** Standard sections with text or data, out of the 11. */
	sectionsDone: number;
	sectionsTotal: number;
	/** Standard score as a share 0..1 (null when the plan's standards cannot be resolved). */
	score: number | null;
	profit: number | null;
	breakevenUnits: number | null;
	marginOfSafety: number | null;
}

export function summarizeTeam(plan: Plan): TeamSummary {
	const withData = new Set(DATA_SET_NAMES.filter((n) => plan.data[n] !== undefined).map((n) => DATA_SET_HOME[n]));
	const done = STANDARD_SECTION_KINDS.filter((kind) => plan.sections.some((s) => s.kind === kind && s.text.trim() !== '') || withData.has(kind)).length;
	const standards = resolvePlanStandards(plan);
	const score = standards.ok ? checkPlan(plan, standards.packs).score : null;
	const outcome = simulatePlan(plan);
	const outputs = outcome.ok ? outcome.report.outputs : null;
	return {
		sectionsDone: done,
		sectionsTotal: STANDARD_SECTION_KINDS.length,
		score,
		profit: outputs?.profit ?? null,
		breakevenUnits: outputs?.breakeven_units ?? null,
		marginOfSafety: outputs?.margin_of_safety ?? null
	};
}

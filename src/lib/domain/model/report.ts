/**
 * The `simulate` report of DESIGN §8: base outputs, variables, monthly P&L, payback, campaign ROI,
 * every scenario, and funnel / dealer / ABC analyses when their data exist. Problems (formula
 * errors, missing finance inputs, broken scenarios) are collected with the JSON path they come
 * from, so the CLI can name them.
 */
import { classifyAccounts, type AbcRow } from '../finance/abc.js';
import { scoreDealers, type DealerScore } from '../finance/dealers.js';
import { analyzeFunnel, type FunnelResult } from '../finance/funnel.js';
import { campaignRoi } from '../finance/model.js';
import type { MonthRow } from '../finance/monthly.js';
import { FINANCE_OUTPUT_NAMES, type FinanceOutputs } from '../finance/types.js';
import type { Plan } from '../plan/types.js';
import { monthlyOf, runScenario } from '../simulate/scenarios.js';
import { compilePlan, isReservedName } from './plan-inputs.js';
import type { PlanProgram, RunResult } from './program.js';

export interface ReportProblem {
	path: string;
	message: string;
}

export interface ScenarioFigures {
	name: string;
	outputs: FinanceOutputs;
	payback_month: number | null;
}

export interface SimulateReport {
	outputs: FinanceOutputs;
	variables: Record<string, number>;
	monthly: MonthRow[];
	payback_month: number | null;
	campaigns: { name: string; roi: number | null }[];
	scenarios: ScenarioFigures[];
	funnel?: FunnelResult;
	dealers?: DealerScore[];
	abc?: AbcRow[];
}

export type SimulateOutcome = { ok: true; report: SimulateReport } | { ok: false; problems: ReportProblem[] };

/** Orders outputs as DESIGN §8 lists them (JSON keeps insertion order). */
function orderedOutputs(o: FinanceOutputs): FinanceOutputs {
	return Object.fromEntries(FINANCE_OUTPUT_NAMES.map((n) => [n, o[n]])) as FinanceOutputs;
}

function variableProblems(plan: Plan, program: PlanProgram, run: RunResult): ReportProblem[] {
	const problems: ReportProblem[] = [];
	plan.variables.forEach((v, i) => {
		if (isReservedName(v.name)) {
			problems.push({ path: `variables[${i}].name`, message: `"${v.name}" is a computed finance figure; choose another name` });
			return;
		}
		const r = program.resultOf(run, v.name);
		if (r && !r.ok) problems.push({ path: `variables[${i}].expr`, message: `${v.name}: ${r.error.message}` });
	});
	return problems;
}

/** Runs the plan (or one named scenario as the base) and builds the report. */
export function simulatePlan(plan: Plan, options: { scenario?: string } = {}): SimulateOutcome {
	const program = compilePlan(plan);
	const base = program.runner([])([]);
	const problems = variableProblems(plan, program, base);
	if (problems.length > 0) return { ok: false, problems };

	const scenarioRuns = plan.scenarios.map((s) => runScenario(program, base, s));
	scenarioRuns.forEach((r, i) => {
		if (!r.ok) {
			for (const p of r.problems) {
				problems.push({
					path: p.variable ? `scenarios[${i}].overrides.${p.variable}` : `scenarios[${i}]`,
					message: `scenario "${r.name}": ${p.message}`
				});
			}
		}
	});

	let top = base;
	if (options.scenario !== undefined) {
		const index = plan.scenarios.findIndex((s) => s.name === options.scenario);
		if (index < 0) {
			const known = plan.scenarios.map((s) => `"${s.name}"`).join(', ') || 'none';
			return { ok: false, problems: [{ path: 'scenarios', message: `no scenario named "${options.scenario}" (the plan has ${known})` }] };
		}
		const chosen = scenarioRuns[index];
		if (chosen?.ok) top = chosen.run;
	}
	const monthly = monthlyOf(program, top);
	if (!top.finance || !monthly) {
		problems.push({ path: 'variables', message: top.financeError?.message ?? 'the finance model could not run' });
	}
	if (problems.length > 0 || !top.finance || !monthly) return { ok: false, problems };

	const unitContribution = top.finance.unit_contribution ?? NaN;
	const report: SimulateReport = {
		outputs: orderedOutputs(top.finance),
		variables: Object.fromEntries(
			plan.variables.map((v) => [v.name, top.values[program.slotOf(v.name) as number] as number])
		),
		monthly: monthly.months,
		payback_month: monthly.payback_month,
		campaigns: (plan.data.campaigns ?? []).map((c) => ({ name: c.name, roi: campaignRoi(c, unitContribution) })),
		scenarios: scenarioRuns.flatMap((r) =>
			r.ok ? [{ name: r.name, outputs: orderedOutputs(r.outputs), payback_month: r.monthly.payback_month }] : []
		)
	};
	if (plan.data.funnel && plan.data.funnel.length > 0) report.funnel = analyzeFunnel(plan.data.funnel);
	if (plan.data.dealers && plan.data.dealers.rows.length > 0) {
		report.dealers = scoreDealers(plan.data.dealers.criteria, plan.data.dealers.rows);
	}
	if (plan.data.accounts && plan.data.accounts.length > 0) report.abc = classifyAccounts(plan.data.accounts);
	return { ok: true, report };
}

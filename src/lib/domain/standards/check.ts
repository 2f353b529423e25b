/**
 * Runs standards against a plan: builds the rule context once (variables, finance outputs and the
 * monthly plan from the compiled program), runs every rule of every pack, and scores the result
 * as DESIGN §6 defines it: the share of rules passed, errors weighing 3, warnings 1.
 */
import { FINANCE_OUTPUT_NAMES } from '../finance/types.js';
import { compilePlan } from '../model/plan-inputs.js';
import type { Plan } from '../plan/types.js';
import { monthlyOf } from '../simulate/scenarios.js';
import type { CheckReport, Finding, RuleContext, Severity, StandardPack } from './types.js';

const WEIGHT: Record<Severity, number> = { error: 3, warning: 1, info: 0 };

export function buildRuleContext(plan: Plan, thresholds: Readonly<Record<string, number>>): RuleContext {
	const program = compilePlan(plan);
	const run = program.runner([])([]);
	const values = new Map<string, number>();
	for (const name of [...plan.variables.map((v) => v.name), ...FINANCE_OUTPUT_NAMES]) {
		const r = program.resultOf(run, name);
		if (r?.ok) values.set(name, r.value);
	}
	return { plan, values, finance: run.finance, financeError: run.financeError, monthly: monthlyOf(program, run), thresholds };
}

/**
 * Checks `plan` against `packs` (already resolved: extends flattened). A later pack's rule with the
 * same id replaces an earlier one; thresholds merge the same way.
 */
export function checkPlan(plan: Plan, packs: readonly StandardPack[]): CheckReport {
	const rules = new Map<string, StandardPack['rules'][number]>();
	let thresholds: Record<string, number> = {};
	for (const pack of packs) {
		thresholds = { ...thresholds, ...pack.thresholds };
		for (const rule of pack.rules) rules.set(rule.id, rule);
	}
	const ctx = buildRuleContext(plan, thresholds);
	const findings: Finding[] = [];
	const summary: CheckReport['rules'] = [];
	let total = 0;
	let passed = 0;
	for (const rule of rules.values()) {
		const problems = rule.check(ctx);
		for (const p of problems) {
			findings.push({ rule: rule.id, severity: p.severity ?? rule.severity, target: p.target, message: p.message, hint: p.hint ?? rule.hint });
		}
		const weight = WEIGHT[rule.severity];
		total += weight;
		if (problems.length === 0) passed += weight;
		summary.push({ id: rule.id, item: rule.item, severity: rule.severity, passed: problems.length === 0 });
	}
	return { score: total === 0 ? 1 : passed / total, findings, rules: summary };
}

/**
 * Scenarios (DESIGN §4): each override is an expression evaluated in the base scenario's scope, so
 * `price * 0.9` means 90 % of the base price; the overridden variables take those values and
 * everything downstream, finance included, recomputes. Base is scenario zero.
 */
import { compileIr } from '../formula/compile.js';
import { unknownError } from '../formula/errors.js';
import { checkExpression, isFormulaError } from '../formula/expression.js';
import { FINANCE_OUTPUT_NAMES, type FinanceOutputs } from '../finance/types.js';
import { monthlyPlan, type MonthlyPlan } from '../finance/monthly.js';
import type { PlanProgram, RunResult } from '../model/program.js';

export interface ScenarioDefinition {
	name: string;
	overrides: Readonly<Record<string, string>>;
}

export interface ScenarioProblem {
	variable: string;
	message: string;
}

export type ScenarioRun =
	| { name: string; ok: true; overrides: Record<string, number>; run: RunResult; outputs: FinanceOutputs; monthly: MonthlyPlan }
	| { name: string; ok: false; problems: ScenarioProblem[] };

/** Evaluates one override expression against the base run; a problem comes back as a string. */
export function evaluateInScope(program: PlanProgram, base: RunResult, expr: string): number | string {
	const checked = checkExpression(expr);
	if (isFormulaError(checked)) return checked.message;
	const unknown = checked.refs.filter((r) => program.slotOf(r) === undefined);
	if (unknown.length > 0) return unknownError(unknown).message;
	const value = compileIr(checked.ir, (n) => program.slotOf(n) as number)(base.values);
	return Number.isFinite(value) ? value : 'result is not a finite number';
}

/** Monthly plan of a run, or null when the finance model could not run. */
export function monthlyOf(program: PlanProgram, run: RunResult): MonthlyPlan | null {
	if (!run.finance) return null;
	const fixed = run.values[program.slotOf('fixed_costs') as number] as number;
	return monthlyPlan(run.finance, program.data, fixed);
}

export function runScenario(program: PlanProgram, base: RunResult, scenario: ScenarioDefinition): ScenarioRun {
	const names = Object.keys(scenario.overrides);
	const problems: ScenarioProblem[] = [];
	const values: number[] = [];
	for (const variable of names) {
		if ((FINANCE_OUTPUT_NAMES as readonly string[]).includes(variable)) {
			problems.push({ variable, message: `${variable} is a computed figure and cannot be overridden` });
			continue;
		}
		if (!program.hasVariable(variable)) {
			problems.push({ variable, message: `the plan has no variable "${variable}"` });
			continue;
		}
		const v = evaluateInScope(program, base, scenario.overrides[variable] as string);
		if (typeof v === 'string') problems.push({ variable, message: v });
		else values.push(v);
	}
	if (problems.length > 0) return { name: scenario.name, ok: false, problems };
	const run = program.runner(names)(values);
	const monthly = monthlyOf(program, run);
	if (!run.finance || !monthly) {
		return { name: scenario.name, ok: false, problems: [{ variable: '', message: 'the finance model lacks inputs in this scenario' }] };
	}
	return {
		name: scenario.name,
		ok: true,
		overrides: Object.fromEntries(names.map((n, i) => [n, values[i] as number])),
		run,
		outputs: run.finance,
		monthly
	};
}

/**
 * The key figures of an open plan (net price, units, revenue, contribution, profit, breakeven
 * units, margin of safety, payback month), each as a value or the reason there is none. A figure
 * never falls back to an older value: when it cannot be computed the panel says why.
 */
import type { CellResult } from '../domain/formula/errors';
import { monthlyPlan } from '../domain/finance/monthly';
import type { FinanceOutputName } from '../domain/finance/types';
import type { PlanModel } from '../domain/model/plan-model';

/** The finance outputs the panel shows, in reading order. */
export const KEY_FINANCE_FIGURES = [
	'net_price',
	'units',
	'revenue',
	'contribution',
	'profit',
	'breakeven_units',
	'margin_of_safety'
] as const satisfies readonly FinanceOutputName[];

export type KeyFinanceFigure = (typeof KEY_FINANCE_FIGURES)[number];
export type KeyFigureName = KeyFinanceFigure | 'payback_month';

/**
 * - `value`: a number to format; for the payback month, the month 1..12.
 * - `none`: computed, but there is no such figure (no payback within the year).
 * - `missing`: the finance model lacks inputs (`names` lists them).
 * - `broken`: inputs have formula errors (`names`).
 * - `no-contribution`: unit contribution ≤ 0, so breakeven does not exist.
 * - `invalid`: anything else (e.g. a division by zero gave a non-finite number).
 */
export type KeyFigure =
	| { name: KeyFigureName; state: 'value'; value: number }
	| { name: KeyFigureName; state: 'none' }
	| { name: KeyFigureName; state: 'missing' | 'broken'; names: readonly string[] }
	| { name: KeyFigureName; state: 'no-contribution' | 'invalid' };

const REQUIRED_INPUTS = ['price', 'unit_cost', 'fixed_costs'] as const;
const ELASTIC_INPUTS = ['base_volume', 'base_price', 'elasticity'] as const;

/**
 * Finance inputs the plan does not define: price, unit cost and fixed costs, and either volume or
 * all three of base volume, base price and elasticity (DESIGN §5 "Inputs").
 */
export function missingFinanceInputs(isDefined: (name: string) => boolean): string[] {
	const missing: string[] = REQUIRED_INPUTS.filter((n) => !isDefined(n));
	if (!isDefined('volume')) {
		const elastic = ELASTIC_INPUTS.filter((n) => !isDefined(n));
		if (elastic.length === ELASTIC_INPUTS.length) missing.push('volume');
		else missing.push(...elastic);
	}
	return missing;
}

/** Names of finance inputs (defined) whose result is an error. */
function brokenInputs(model: PlanModel): string[] {
	return [...REQUIRED_INPUTS, 'volume', ...ELASTIC_INPUTS].filter((n) => {
		const r = model.result(n);
		return r !== undefined && !r.ok;
	});
}

function figureOf(name: KeyFigureName, result: CellResult | undefined, model: PlanModel, missing: string[]): KeyFigure {
	if (result?.ok) return { name, state: 'value', value: result.value };
	if (missing.length > 0) return { name, state: 'missing', names: missing };
	const broken = brokenInputs(model);
	if (broken.length > 0) return { name, state: 'broken', names: broken };
	const outputs = model.financeOutputs;
	if (outputs && name !== 'payback_month' && outputs[name] === null) return { name, state: 'no-contribution' };
	return { name, state: 'invalid' };
}

/** The payback month (DESIGN §5.9) from the model's current outputs and data. */
export function paybackFigure(model: PlanModel, missing: string[]): KeyFigure {
	const outputs = model.financeOutputs;
	const fixed = model.value('fixed_costs');
	const profit = model.result('profit');
	if (!outputs || fixed === undefined || !profit?.ok) return figureOf('payback_month', undefined, model, missing);
	const plan = monthlyPlan(outputs, model.financeData, fixed);
	if (plan.months.some((m) => !Number.isFinite(m.cumulative_profit))) return { name: 'payback_month', state: 'invalid' };
	return plan.payback_month === null
		? { name: 'payback_month', state: 'none' }
		: { name: 'payback_month', state: 'value', value: plan.payback_month };
}

/** Every key figure, in panel order. */
export function keyFiguresOf(model: PlanModel): KeyFigure[] {
	const missing = missingFinanceInputs((n) => model.result(n) !== undefined);
	return [
		...KEY_FINANCE_FIGURES.map((name) => figureOf(name, model.result(name), model, missing)),
		paybackFigure(model, missing)
	];
}

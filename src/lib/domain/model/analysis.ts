/**
 * Everything the simulation views show, computed in one pass from a plan: the scenario grid
 * (base and every scenario, deltas, best per row), the cost-volume-profit and profit-against-price
 * curves, the tornado, the monthly P&L, budget by category, the price-chain waterfall, funnel,
 * dealer ranking, ABC Pareto and the schedule. Pure: the browser recomputes it on every edit, the
 * benchmark times it, the tests pin it.
 */
import { classifyAccounts, type AbcRow } from '../finance/abc.js';
import { scoreDealers, type DealerScore } from '../finance/dealers.js';
import { analyzeFunnel, type FunnelResult } from '../finance/funnel.js';
import type { MonthRow } from '../finance/monthly.js';
import { walkPriceChain } from '../finance/price-chain.js';
import type { FinanceOutputName, FinanceOutputs } from '../finance/types.js';
import type { Plan, ScheduleRow } from '../plan/types.js';
import { monthlyOf, runScenario, type ScenarioProblem } from '../simulate/scenarios.js';
import { optimize } from '../simulate/seek.js';
import { sensitivity, type SensitivityRow } from '../simulate/sensitivity.js';
import { compilePlan } from './plan-inputs.js';
import type { PlanProgram, RunResult } from './program.js';

/** Rows of the scenario grid, in the order managers read them (DESIGN §5 names + payback). */
export const GRID_ROWS = [
	'net_price',
	'units',
	'revenue',
	'contribution',
	'fixed_total',
	'profit',
	'breakeven_units',
	'margin_of_safety',
	'payback_month'
] as const;
export type GridRowName = (typeof GRID_ROWS)[number];

/** Which way is better for each grid row (a lower breakeven or an earlier payback is better). */
export const GRID_BETTER: Readonly<Record<GridRowName, 'higher' | 'lower'>> = {
	net_price: 'higher',
	units: 'higher',
	revenue: 'higher',
	contribution: 'higher',
	fixed_total: 'lower',
	profit: 'higher',
	breakeven_units: 'lower',
	margin_of_safety: 'higher',
	payback_month: 'lower'
};

export interface ScenarioColumn {
	name: string;
	/** -1 for the base plan, else the scenario's index in plan.scenarios. */
	index: number;
	ok: boolean;
	problems: ScenarioProblem[];
	values: Record<GridRowName, number | null>;
	/** Value minus base, per row (null where either has no value). */
	deltas: Record<GridRowName, number | null>;
	/** The price after its overrides, for markers on the price chart. */
	price: number | null;
	/** What each override evaluated to (what adopting the scenario writes into the plan). */
	overrideValues: Record<string, number>;
}

export interface ScenarioGrid {
	columns: ScenarioColumn[];
	/** For each row, the column indexes (into `columns`) holding the best value. */
	best: Record<GridRowName, number[]>;
}

export interface XY {
	x: number;
	y: number;
}

export interface CvpChart {
	units: number[];
	revenue: number[];
	totalCost: number[];
	fixedCost: number;
	breakevenUnits: number | null;
	forecastUnits: number;
}

export interface PriceProfitChart {
	points: XY[];
	basePrice: number;
	baseProfit: number;
	optimum: XY | null;
	scenarios: { name: string; x: number; y: number }[];
}

export interface WaterfallStep {
	/** The consumer price, a tier's purchase price, or the maker's rebates. */
	kind: 'consumer' | 'tier' | 'rebate';
	/** The tier's name (empty for the consumer price and rebates). */
	label: string;
	/** The price after this step. */
	value: number;
	/** What this step takes away (0 for the starting consumer price). */
	change: number;
}

export interface Analysis {
	ok: boolean;
	/** Why the base plan cannot be computed (formula errors, missing finance inputs). */
	problem: string | null;
	outputs: FinanceOutputs | null;
	grid: ScenarioGrid;
	cvp: CvpChart | null;
	priceProfit: PriceProfitChart | null;
	tornado: SensitivityRow[];
	monthly: MonthRow[];
	paybackMonth: number | null;
	budgetByCategory: { category: string; amount: number }[];
	waterfall: WaterfallStep[];
	funnel: FunnelResult | null;
	dealers: DealerScore[];
	abc: (AbcRow & { value: number })[];
	schedule: ScheduleRow[];
}

const CURVE_POINTS = 41;

function gridValues(outputs: FinanceOutputs | null, payback: number | null): Record<GridRowName, number | null> {
	const values = {} as Record<GridRowName, number | null>;
	for (const row of GRID_ROWS) {
		const v = row === 'payback_month' ? payback : (outputs?.[row as FinanceOutputName] ?? null);
		values[row] = v !== null && Number.isFinite(v) ? v : null;
	}
	return values;
}

function bestColumns(columns: readonly ScenarioColumn[]): Record<GridRowName, number[]> {
	const best = {} as Record<GridRowName, number[]>;
	for (const row of GRID_ROWS) {
		const sign = GRID_BETTER[row] === 'higher' ? 1 : -1;
		const scored = columns.flatMap((c, i) => (c.values[row] === null ? [] : [{ i, score: sign * (c.values[row] as number) }]));
		const top = Math.max(...scored.map((s) => s.score));
		// Equal up to rounding noise: 1e-9 of the value.
		const at = scored.filter((s) => Math.abs(s.score - top) <= 1e-9 * Math.max(1, Math.abs(top))).map((s) => s.i);
		// Nothing to compare, or every column agrees: no "best" worth marking.
		best[row] = scored.length < 2 || at.length === scored.length ? [] : at;
	}
	return best;
}

function valueOf(program: PlanProgram, run: RunResult, name: string): number | null {
	const slot = program.slotOf(name);
	const v = slot === undefined ? undefined : run.values[slot];
	return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

function cvpChart(outputs: FinanceOutputs): CvpChart | null {
	const { net_price: price, unit_variable_cost: unitCost, fixed_total: fixed, units, breakeven_units: breakeven } = outputs;
	if (price === null || unitCost === null || fixed === null || units === null) return null;
	const top = Math.max(units * 1.5, (breakeven ?? 0) * 1.5, 1);
	const xs = Array.from({ length: CURVE_POINTS }, (_, i) => (top * i) / (CURVE_POINTS - 1));
	return {
		units: xs,
		revenue: xs.map((u) => price * u),
		totalCost: xs.map((u) => fixed + unitCost * u),
		fixedCost: fixed,
		breakevenUnits: breakeven !== null && Number.isFinite(breakeven) ? breakeven : null,
		forecastUnits: units
	};
}

function priceProfitChart(program: PlanProgram, base: RunResult, scenarios: ScenarioColumn[], runs: (RunResult | null)[]): PriceProfitChart | null {
	const basePrice = valueOf(program, base, 'price');
	const baseProfit = valueOf(program, base, 'profit');
	if (basePrice === null || baseProfit === null || basePrice <= 0) return null;
	const run = program.runner(['price'], { reuse: true });
	const profitSlot = program.slotOf('profit') as number;
	const lo = basePrice * 0.5;
	const hi = basePrice * 2;
	const points: XY[] = [];
	for (let i = 0; i < CURVE_POINTS; i++) {
		const x = lo + ((hi - lo) * i) / (CURVE_POINTS - 1);
		const y = run([x]).values[profitSlot] as number;
		if (Number.isFinite(y)) points.push({ x, y });
	}
	const best = optimize({ program, base, variable: 'price', min: lo, max: hi });
	return {
		points,
		basePrice,
		baseProfit,
		optimum: best.ok ? { x: best.value, y: best.outputValue } : null,
		scenarios: scenarios.flatMap((c, i) => {
			const r = runs[i];
			const x = r ? valueOf(program, r, 'price') : null;
			const y = c.values.profit;
			return c.index >= 0 && x !== null && y !== null ? [{ name: c.name, x, y }] : [];
		})
	};
}

function waterfall(plan: Plan, program: PlanProgram, base: RunResult): WaterfallStep[] {
	const price = valueOf(program, base, 'price');
	const chain = plan.data.priceChain ?? [];
	if (price === null || chain.length === 0) return [];
	const result = walkPriceChain(price, chain);
	const steps: WaterfallStep[] = [{ kind: 'consumer', label: '', value: price, change: 0 }];
	let current = price;
	for (let i = result.steps.length - 1; i >= 0; i--) {
		const step = result.steps[i];
		if (!step) continue;
		steps.push({ kind: 'tier', label: step.tier, value: step.purchasePrice, change: current - step.purchasePrice });
		current = step.purchasePrice;
	}
	const rebates = result.steps.reduce((s, step) => s + step.rebateAmount, 0);
	if (rebates > 0) steps.push({ kind: 'rebate', label: '', value: current - rebates, change: rebates });
	return steps;
}

/** The analysis of `plan`, optionally reusing an already compiled program. */
export function analyzePlan(plan: Plan, program: PlanProgram = compilePlan(plan)): Analysis {
	const base = program.runner([])([]);
	const baseMonthly = monthlyOf(program, base);
	const outputs = base.finance;
	const baseColumn: ScenarioColumn = {
		name: 'base',
		index: -1,
		ok: outputs !== null,
		problems: [],
		values: gridValues(outputs, baseMonthly?.payback_month ?? null),
		deltas: gridValues(null, null),
		price: valueOf(program, base, 'price'),
		overrideValues: {}
	};
	const runs: (RunResult | null)[] = [base];
	const columns: ScenarioColumn[] = [baseColumn];
	plan.scenarios.forEach((scenario, index) => {
		const r = outputs ? runScenario(program, base, scenario) : null;
		const values = r?.ok ? gridValues(r.outputs, r.monthly.payback_month) : gridValues(null, null);
		const deltas = {} as Record<GridRowName, number | null>;
		for (const row of GRID_ROWS) {
			const v = values[row];
			const b = baseColumn.values[row];
			deltas[row] = v !== null && b !== null ? v - b : null;
		}
		runs.push(r?.ok ? r.run : null);
		columns.push({
			name: scenario.name,
			index,
			ok: Boolean(r?.ok),
			problems: r && !r.ok ? r.problems : [],
			values,
			deltas,
			price: r?.ok ? valueOf(program, r.run, 'price') : null,
			overrideValues: r?.ok ? r.overrides : {}
		});
	});
	const grid: ScenarioGrid = { columns, best: bestColumns(columns) };

	const budget = new Map<string, number>();
	for (const line of plan.data.budget ?? []) {
		const amount = line.kind === 'fixed' ? line.amount : line.kind === 'per_unit' ? line.amount * (outputs?.units ?? 0) : line.amount * (outputs?.revenue ?? 0);
		budget.set(line.category, (budget.get(line.category) ?? 0) + amount);
	}
	const accounts = plan.data.accounts ?? [];
	const values = new Map(accounts.map((a) => [a.name, a.value]));

	return {
		ok: outputs !== null,
		problem: outputs ? null : (base.financeError?.message ?? 'the finance model could not run'),
		outputs,
		grid,
		cvp: outputs ? cvpChart(outputs) : null,
		priceProfit: outputs && program.hasVariable('price') ? priceProfitChart(program, base, columns, runs) : null,
		tornado: outputs ? sensitivity({ program, base }).slice(0, 12) : [],
		monthly: baseMonthly?.months ?? [],
		paybackMonth: baseMonthly?.payback_month ?? null,
		budgetByCategory: [...budget].map(([category, amount]) => ({ category, amount })).sort((a, b) => b.amount - a.amount),
		waterfall: waterfall(plan, program, base),
		funnel: plan.data.funnel && plan.data.funnel.length > 0 ? analyzeFunnel(plan.data.funnel) : null,
		dealers: plan.data.dealers && plan.data.dealers.rows.length > 0 ? scoreDealers(plan.data.dealers.criteria, plan.data.dealers.rows) : [],
		abc: classifyAccounts(accounts).map((row) => ({ ...row, value: values.get(row.name) ?? 0 })),
		schedule: plan.data.schedule ?? []
	};
}

/**
 * What the engines read from a plan: its variable definitions and the data sets the finance model
 * uses. Kept in one place so the interactive engine, the simulation program and the CLI agree.
 */
import { FINANCE_OUTPUT_NAMES, type FinanceData } from '../finance/types.js';
import type { Plan } from '../plan/types.js';
import { PlanProgram } from './program.js';

/** Finance outputs are read-only names; a variable may not take one (DESIGN §4). */
export function isReservedName(name: string): boolean {
	return (FINANCE_OUTPUT_NAMES as readonly string[]).includes(name);
}

export function financeDataOf(plan: Plan): FinanceData {
	const d = plan.data;
	return {
		priceChain: d.priceChain ?? [],
		budget: d.budget ?? [],
		campaigns: d.campaigns ?? [],
		...(d.seasonality ? { seasonality: d.seasonality } : {})
	};
}

/** The plan's variable definitions that can enter an engine (reserved names are left out). */
export function variableDefinitionsOf(plan: Plan): { name: string; expr: string }[] {
	return plan.variables.filter((v) => !isReservedName(v.name)).map((v) => ({ name: v.name, expr: v.expr }));
}

export function compilePlan(plan: Plan): PlanProgram {
	return new PlanProgram(variableDefinitionsOf(plan), financeDataOf(plan));
}

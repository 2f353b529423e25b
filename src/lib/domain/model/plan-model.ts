/**
 * The live model of an open plan: the incremental formula engine with the finance model as a
 * group. The UI feeds it edits (a variable's expression, a data set) and gets back the list of
 * names whose value changed, so only those figures re-render.
 */
import { FormulaEngine, type CellResult, type Change } from '../formula/index.js';
import type { FinanceData, FinanceOutputs } from '../finance/types.js';
import type { Plan } from '../plan/types.js';
import { FINANCE_GROUP_ID, FinanceGroup } from './finance-group.js';
import { financeDataOf, isReservedName, variableDefinitionsOf } from './plan-inputs.js';

const reservedError = (name: string): CellResult => ({
	ok: false,
	error: { kind: 'refused', construct: 'reserved name', message: `"${name}" is a computed finance figure; choose another name` }
});

export class PlanModel {
	readonly #finance: FinanceGroup;
	readonly #engine: FormulaEngine;

	constructor(plan: Plan) {
		this.#finance = new FinanceGroup(financeDataOf(plan));
		this.#engine = new FormulaEngine({ groups: [this.#finance], variables: variableDefinitionsOf(plan) });
	}

	/** Sets a variable's expression; a reserved name is refused as a value, not thrown. */
	setVariable(name: string, expr: string): Change[] {
		if (isReservedName(name)) return [{ name, result: reservedError(name) }];
		return this.#engine.setVariable(name, expr);
	}

	removeVariable(name: string): Change[] {
		return isReservedName(name) ? [] : this.#engine.removeVariable(name);
	}

	/** Replaces the finance data (price chain, budget, campaigns, seasonality). */
	setFinanceData(data: FinanceData): Change[] {
		this.#finance.setData(data);
		return this.#engine.invalidateGroup(FINANCE_GROUP_ID);
	}

	/** A finance output's or variable's result. */
	result(name: string): CellResult | undefined {
		return this.#engine.result(name);
	}

	/** The result to show under a plan variable: a variable with a reserved name gets an error. */
	variableResult(name: string): CellResult | undefined {
		return isReservedName(name) ? reservedError(name) : this.#engine.result(name);
	}

	value(name: string): number | undefined {
		return this.#engine.value(name);
	}

	/** Raw finance outputs (breakeven figures may be null), or null when inputs are lacking. */
	get financeOutputs(): FinanceOutputs | null {
		return this.#finance.lastOutputs;
	}

	get financeData(): FinanceData {
		return this.#finance.data;
	}

	get engine(): FormulaEngine {
		return this.#engine;
	}
}

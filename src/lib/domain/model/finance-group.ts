/**
 * The finance model as an external group of the formula engine: it reads the DESIGN §5 input
 * variables and defines the §5 outputs as read-only names, so `profit / revenue` works in a formula
 * and editing `price` recomputes profit and every formula that reads it. Plan data (price chain,
 * budget, campaigns) is held here; after changing it, call `engine.invalidateGroup(FINANCE_GROUP_ID)`.
 */
import type { CellResult, ExternalGroup, FormulaError } from '../formula/index.js';
import { dependencyError, fail, ok } from '../formula/index.js';
import { computeFinance, prepareFinance, type PreparedFinance } from '../finance/model.js';
import {
	FINANCE_INPUT_NAMES,
	FINANCE_OUTPUT_NAMES,
	type FinanceData,
	type FinanceInputs,
	type FinanceOutputs
} from '../finance/types.js';

export const FINANCE_GROUP_ID = '@finance';

const REQUIRED = ['price', 'unit_cost', 'fixed_costs'] as const;
const ELASTIC = ['base_volume', 'base_price', 'elasticity'] as const;

export type FinanceInputsRead =
	| { ok: true; inputs: FinanceInputs }
	| { ok: false; error: FormulaError };

/**
 * Gathers the inputs the model needs, or says which are missing or broken. Shared by the engine
 * group and the fast evaluator so both agree on what "enough inputs" means.
 */
export function readFinanceInputs(read: (name: string) => CellResult | undefined): FinanceInputsRead {
	const missing: string[] = [];
	const broken: string[] = [];
	const get = (name: string): number | undefined => {
		const r = read(name);
		if (r === undefined) return undefined;
		if (!r.ok) {
			broken.push(name);
			return undefined;
		}
		return r.value;
	};
	const inputs: Partial<FinanceInputs> = {};
	for (const name of REQUIRED) {
		const v = get(name);
		if (v === undefined && read(name) === undefined) missing.push(name);
		inputs[name] = v;
	}
	const volume = get('volume');
	if (volume !== undefined) inputs.volume = volume;
	else if (read('volume') === undefined) {
		let demandMissing = false;
		for (const name of ELASTIC) {
			const v = get(name);
			if (v === undefined && read(name) === undefined) demandMissing = true;
			inputs[name] = v;
		}
		if (demandMissing) missing.push('volume (or base_volume, base_price and elasticity)');
	}
	if (broken.length > 0) {
		return {
			ok: false,
			error: dependencyError(broken)
		};
	}
	if (missing.length > 0) {
		return {
			ok: false,
			error: { kind: 'unavailable', message: `the finance model needs the variable${missing.length > 1 ? 's' : ''} ${missing.join(', ')}` }
		};
	}
	return { ok: true, inputs: inputs as FinanceInputs };
}

/** Turns raw outputs into per-name results: null and non-finite figures become error values. */
export function outputResults(outputs: FinanceOutputs): Record<string, CellResult> {
	const results: Record<string, CellResult> = {};
	for (const name of FINANCE_OUTPUT_NAMES) {
		const v = outputs[name];
		if (v === null) {
			results[name] = fail({ kind: 'unavailable', message: `${name} is undefined because unit_contribution ≤ 0` });
		} else if (!Number.isFinite(v)) {
			results[name] = fail({ kind: 'not-finite', message: `${name} is not a finite number` });
		} else results[name] = ok(v);
	}
	return results;
}

/** The engine group; `data` may be replaced, then the group invalidated. */
export class FinanceGroup implements ExternalGroup {
	readonly id = FINANCE_GROUP_ID;
	readonly inputs = FINANCE_INPUT_NAMES;
	readonly outputs = FINANCE_OUTPUT_NAMES;
	#data: FinanceData;
	#totals: PreparedFinance;
	#last: FinanceOutputs | null = null;

	constructor(data: FinanceData) {
		this.#data = data;
		this.#totals = prepareFinance(data);
	}

	get data(): FinanceData {
		return this.#data;
	}

	/** Raw outputs of the last computation (with nulls), or null when inputs were lacking. */
	get lastOutputs(): FinanceOutputs | null {
		return this.#last;
	}

	setData(data: FinanceData): void {
		this.#data = data;
		this.#totals = prepareFinance(data);
	}

	compute(read: (name: string) => CellResult | undefined): Record<string, CellResult> {
		const got = readFinanceInputs(read);
		if (!got.ok) {
			this.#last = null;
			return Object.fromEntries(FINANCE_OUTPUT_NAMES.map((n) => [n, fail(got.error)]));
		}
		this.#last = computeFinance(got.inputs, this.#totals);
		return outputResults(this.#last);
	}
}

/**
 * A plan compiled into a flat, ordered program for simulations. Where the formula engine is built
 * for edits (graph, change lists), this is built for running the same plan thousands of times with
 * a few inputs replaced: scenarios, sensitivity, goal seek, the optimiser and Monte Carlo. Both use
 * the same expression compiler and finance model, and a test checks they agree.
 *
 * A replaced ("overridden") variable takes the given value instead of its expression; everything
 * downstream, finance included, follows. A variable in error evaluates to NaN.
 */
import { compileIr, type Compiled } from '../formula/compile.js';
import { checkExpression, isFormulaError } from '../formula/expression.js';
import { cycleError, fail, ok, unknownError, type CellResult, type FormulaError } from '../formula/errors.js';
import { stronglyConnected } from '../formula/scc.js';
import { computeFinance, prepareFinance, type PreparedFinance } from '../finance/model.js';
import {
	FINANCE_INPUT_NAMES,
	FINANCE_OUTPUT_NAMES,
	type FinanceData,
	type FinanceOutputName,
	type FinanceOutputs
} from '../finance/types.js';
import { FINANCE_GROUP_ID, readFinanceInputs } from './finance-group.js';

export interface ProgramVariable {
	name: string;
	expr: string;
}

type Step =
	| { kind: 'var'; name: string; slot: number; fn: Compiled | null }
	| { kind: 'finance' };

/** One run's numbers: every slot's value (NaN where in error) and the raw finance outputs. */
export interface RunResult {
	readonly values: Float64Array;
	readonly finance: FinanceOutputs | null;
	/** Why the finance model did not run (missing or broken inputs), when it did not. */
	readonly financeError: FormulaError | null;
}

/** Runs the program with the named variables replaced by the values passed to it, in order. */
export type Runner = (overrideValues: ArrayLike<number>) => RunResult;

export class PlanProgram {
	readonly #slots = new Map<string, number>();
	readonly #steps: Step[] = [];
	readonly #errors = new Map<string, FormulaError>();
	readonly #variables = new Set<string>();
	readonly #inputs: string[] = [];
	readonly #data: FinanceData;
	readonly #totals: PreparedFinance;

	constructor(variables: readonly ProgramVariable[], data: FinanceData) {
		this.#data = data;
		this.#totals = prepareFinance(data);
		const compiled = new Map<string, { fn: Compiled | null; deps: readonly string[] }>();
		for (const v of variables) {
			this.#variables.add(v.name);
			const checked = checkExpression(v.expr);
			if (isFormulaError(checked)) {
				this.#errors.set(v.name, checked);
				compiled.set(v.name, { fn: null, deps: [] });
			} else {
				compiled.set(v.name, { fn: compileIr(checked.ir, (n) => this.#slot(n)), deps: checked.refs });
				if (checked.refs.length === 0) this.#inputs.push(v.name);
			}
			this.#slot(v.name);
		}
		for (const n of FINANCE_OUTPUT_NAMES) this.#slot(n);
		const depsOf = (n: string): readonly string[] =>
			n === FINANCE_GROUP_ID
				? FINANCE_INPUT_NAMES.filter((i) => compiled.has(i))
				: (FINANCE_OUTPUT_NAMES as readonly string[]).includes(n)
					? [FINANCE_GROUP_ID]
					: (compiled.get(n)?.deps ?? []);
		const all = [...compiled.keys(), FINANCE_GROUP_ID, ...FINANCE_OUTPUT_NAMES];
		const known = new Set(all);
		for (const component of stronglyConnected(all, depsOf, (n) => known.has(n))) {
			const first = component[0] as string;
			if (component.length > 1 || depsOf(first).includes(first)) {
				const members = component.filter((m) => !m.startsWith('@')).sort();
				for (const m of members) {
					this.#errors.set(m, cycleError(members));
				}
			}
			for (const name of component) {
				if (name === FINANCE_GROUP_ID) this.#steps.push({ kind: 'finance' });
				const entry = compiled.get(name);
				if (!entry) continue;
				const unknown = entry.deps.filter((d) => !known.has(d));
				if (unknown.length > 0 && !this.#errors.has(name)) {
					this.#errors.set(name, unknownError(unknown));
				}
				const usable = !this.#errors.has(name);
				this.#steps.push({ kind: 'var', name, slot: this.#slot(name), fn: usable ? entry.fn : null });
			}
		}
	}

	#slot(name: string): number {
		let i = this.#slots.get(name);
		if (i === undefined) this.#slots.set(name, (i = this.#slots.size));
		return i;
	}

	get slotCount(): number {
		return this.#slots.size;
	}

	get data(): FinanceData {
		return this.#data;
	}

	/** Static problems (syntax, refused constructs, unknown names, cycles) by variable. */
	get staticErrors(): ReadonlyMap<string, FormulaError> {
		return this.#errors;
	}

	/** Variables whose expression reads no other name: the plan's typed-in assumptions. */
	get inputNames(): readonly string[] {
		return this.#inputs;
	}

	hasVariable(name: string): boolean {
		return this.#variables.has(name);
	}

	slotOf(name: string): number | undefined {
		return this.#slots.get(name);
	}

	/**
	 * Prepares a runner that replaces `names` (user variables) with the values it is given. With
	 * `reuse`, every run writes into one buffer (Monte Carlo copies what it keeps right away), which
	 * spares an allocation per trial.
	 */
	runner(names: readonly string[], options: { reuse?: boolean } = {}): Runner {
		const overrideOf = new Int32Array(this.#slots.size).fill(-1);
		names.forEach((n, i) => {
			if (!this.#variables.has(n)) throw new RangeError(`"${n}" is not a variable of this plan`);
			overrideOf[this.#slots.get(n) as number] = i;
		});
		const steps = this.#steps;
		const slotCount = this.#slots.size;
		const variables = this.#variables;
		const slots = this.#slots;
		const totals = this.#totals;
		const outputSlots = FINANCE_OUTPUT_NAMES.map((n) => slots.get(n) as number);
		const read = (values: Float64Array) => (name: string) => {
			if (!variables.has(name)) return undefined;
			const v = values[slots.get(name) as number] as number;
			return Number.isFinite(v) ? ok(v) : fail({ kind: 'not-finite', message: `${name} is not finite` });
		};
		const shared = options.reuse ? new Float64Array(slotCount) : null;
		return (overrideValues) => {
			const values = shared ?? new Float64Array(slotCount);
			values.fill(NaN);
			let finance: FinanceOutputs | null = null;
			let financeError: FormulaError | null = null;
			for (const step of steps) {
				if (step.kind === 'var') {
					const o = overrideOf[step.slot] as number;
					values[step.slot] = o >= 0 ? (overrideValues[o] as number) : step.fn ? step.fn(values) : NaN;
					continue;
				}
				const got = readFinanceInputs(read(values));
				if (!got.ok) {
					financeError = got.error;
					continue;
				}
				finance = computeFinance(got.inputs, totals);
				for (let i = 0; i < FINANCE_OUTPUT_NAMES.length; i++) {
					values[outputSlots[i] as number] = finance[FINANCE_OUTPUT_NAMES[i] as FinanceOutputName] ?? NaN;
				}
			}
			return { values, finance, financeError };
		};
	}

	/** Per-name result of a run, for reports: static errors first, then non-finite values. */
	resultOf(run: RunResult, name: string): CellResult | undefined {
		const slot = this.#slots.get(name);
		if (slot === undefined) return undefined;
		const err = this.#errors.get(name);
		if (err) return fail(err);
		const v = run.values[slot] as number;
		return Number.isFinite(v) ? ok(v) : fail({ kind: 'not-finite', message: `${name} has no finite value` });
	}
}

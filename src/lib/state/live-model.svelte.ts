/**
 * The live numbers of an open plan: the incremental PlanModel fed from the doc, exposed to the
 * editors as ResultsReader / ReferenceSource (plan-view.ts) and to the key-figures panel.
 *
 * Results live in a SvelteMap, so a component reading `get('profit')` re-renders only when profit
 * changes. Until the first `update` (the session's, at an idle moment once the plan is on screen)
 * the model is not `computed`: the key figures and references say "working out", not "missing". Variable edits are diffed against the last definitions and handed to the model one
 * name at a time (or in one batch), so only what depends on the edit recomputes (STYLE rule 6).
 */
import { SvelteMap } from 'svelte/reactivity';
import type { VariableEntry } from '../collab/model-inputs';
import type { FinanceData } from '../domain/finance/types';
import { FINANCE_OUTPUT_NAMES } from '../domain/finance/types';
import { formatFigure, formatVariableValue } from '../domain/format';
import type { CellResult, Change } from '../domain/formula';
import { PlanModel } from '../domain/model/plan-model';
import { PLAN_FORMAT } from '../domain/plan/schema';
import type { Plan } from '../domain/plan/types';
import { keyFiguresOf, type KeyFigure } from './key-figures';
import type { PlanDisplay, ReferenceCandidate, ReferenceSource } from './plan-view';

function isOutput(name: string): boolean {
	return (FINANCE_OUTPUT_NAMES as readonly string[]).includes(name);
}

/** The minimal plan PlanModel is built from: only variables and finance data are read. */
function modelPlan(entries: readonly VariableEntry[], finance: FinanceData): Plan {
	return {
		format: PLAN_FORMAT,
		meta: { title: '', locale: 'en', currency: 'CNY', year: 2027, standards: [] },
		sections: [],
		variables: entries.map((e) => ({ name: e.name, expr: e.expr })),
		data: {
			priceChain: [...finance.priceChain],
			budget: [...finance.budget],
			campaigns: [...finance.campaigns],
			...(finance.seasonality ? { seasonality: [...finance.seasonality] } : {})
		},
		scenarios: []
	};
}

/** A stable text of finance data, to skip recomputing when a data edit did not touch it. */
function financeKey(data: FinanceData): string {
	return JSON.stringify(data);
}

export interface LiveModelOptions {
	entries: readonly VariableEntry[];
	finance: FinanceData;
	/** The plan's display settings (read at format time, so locale or currency edits apply). */
	display: () => PlanDisplay;
	/** A finance output's translated name (`finance.<name>` in the UI's language). */
	outputLabel: (name: string) => string;
}

export class LiveModel implements ReferenceSource {
	readonly #model: PlanModel;
	readonly #results = new SvelteMap<string, CellResult>();
	readonly #listeners = new Set<() => void>();
	readonly #display: () => PlanDisplay;
	readonly #outputLabel: (name: string) => string;
	#version = $state(0);
	#computed = $state(false);
	#entries = $state.raw<readonly VariableEntry[]>([]);
	#financeKey: string;
	#keyFigures = $derived.by((): KeyFigure[] => {
		void this.#version;
		return keyFiguresOf(this.#model);
	});

	constructor(options: LiveModelOptions) {
		this.#display = options.display;
		this.#outputLabel = options.outputLabel;
		this.#entries = options.entries;
		this.#financeKey = financeKey(options.finance);
		this.#model = new PlanModel(modelPlan(options.entries, options.finance));
		for (const name of [...FINANCE_OUTPUT_NAMES, ...options.entries.map((e) => e.name)]) {
			const result = this.#model.result(name);
			if (result) this.#results.set(name, result);
		}
	}

	/**
	 * Applies the doc's variables and finance data together and marks the model computed; returns
	 * the names whose result changed. The first call tells subscribers even when nothing changed:
	 * what they show stops saying "working out".
	 */
	update(entries: readonly VariableEntry[], finance: FinanceData): string[] {
		const changed = [...this.setVariables(entries), ...this.setFinanceData(finance)];
		if (!this.#computed) {
			this.#computed = true;
			if (changed.length === 0) this.#notify();
		}
		return changed;
	}

	/** False until the first `update`: results not yet known are not missing. */
	get computed(): boolean {
		return this.#computed;
	}

	/** Applies the doc's current variables; returns the names whose result changed. */
	setVariables(entries: readonly VariableEntry[]): string[] {
		const before = new Map(this.#entries.map((e) => [e.name, e.expr]));
		const after = new Map(entries.map((e) => [e.name, e.expr]));
		const changes: Change[] = [];
		for (const name of before.keys()) if (!after.has(name)) changes.push(...this.#model.removeVariable(name));
		const edited = entries.filter((e) => before.get(e.name) !== e.expr);
		if (edited.length === 1) {
			const only = edited[0] as VariableEntry;
			changes.push(...this.#model.setVariable(only.name, only.expr));
		} else if (edited.length > 1) {
			changes.push(...this.#model.engine.setVariables(edited.map((e) => ({ name: e.name, expr: e.expr }))));
		}
		this.#entries = entries;
		return this.#apply(changes);
	}

	/** Applies the doc's current finance data (no work when it did not change). */
	setFinanceData(data: FinanceData): string[] {
		const key = financeKey(data);
		if (key === this.#financeKey) return [];
		this.#financeKey = key;
		return this.#apply(this.#model.setFinanceData(data));
	}

	get(name: string): CellResult | undefined {
		return this.#results.get(name);
	}

	get version(): number {
		return this.#version;
	}

	/** Net price, units, revenue, … and payback month, each a value or the reason it is missing. */
	get keyFigures(): KeyFigure[] {
		return this.#keyFigures;
	}

	/** Labels of the plan's variables, by name. */
	get variables(): readonly VariableEntry[] {
		return this.#entries;
	}

	candidates(): ReferenceCandidate[] {
		return [
			...this.#entries.map((e) => ({ name: e.name, label: e.label, kind: 'variable' as const })),
			...FINANCE_OUTPUT_NAMES.map((name) => ({ name, label: this.#outputLabel(name), kind: 'output' as const }))
		];
	}

	format(name: string, value: number): string {
		const display = this.#display();
		if (isOutput(name)) return formatFigure(name, value, display);
		const entry = this.#entries.find((e) => e.name === name);
		return formatVariableValue(value, entry?.unit, display);
	}

	subscribe(listener: () => void): () => void {
		this.#listeners.add(listener);
		return () => {
			this.#listeners.delete(listener);
		};
	}

	#apply(changes: readonly Change[]): string[] {
		if (changes.length === 0) return [];
		for (const { name, result } of changes) {
			if (result === null) this.#results.delete(name);
			else this.#results.set(name, result);
		}
		this.#notify();
		return changes.map((c) => c.name);
	}

	#notify(): void {
		this.#version += 1;
		for (const listener of this.#listeners) listener();
	}
}

/**
 * A stand-in for the session's live results on the components bench: the formula engine over the
 * doc's variables, recomputed whenever they change. Implements the same ReferenceSource contract
 * (state/plan-view.ts) the real session provides, so the components cannot tell the difference.
 */
import { untrack } from 'svelte';
import { snapshotVariables } from '$lib/collab/edit/variables';
import type { YRows } from '$lib/collab/schema/roots';
import { FormulaEngine, type CellResult } from '$lib/domain/formula';
import { formatVariableValue } from '$lib/domain/format';
import type { PlanDisplay, ReferenceCandidate, ReferenceSource } from '$lib/state/plan-view';

export class DevResults implements ReferenceSource {
	/** Computed on construction and on every change. */
	readonly computed = true;
	#version = $state(0);
	#engine = new FormulaEngine();
	#variables: ReturnType<typeof snapshotVariables> = [];
	readonly #listeners = new Set<() => void>();
	readonly #display: () => PlanDisplay;
	readonly #list: YRows;

	constructor(list: YRows, display: () => PlanDisplay) {
		this.#list = list;
		this.#display = display;
		this.#rebuild();
		list.observeDeep(this.#changed);
	}

	get version(): number {
		return this.#version;
	}

	get(name: string): CellResult | undefined {
		void this.#version;
		return this.#engine.result(name);
	}

	candidates(): ReferenceCandidate[] {
		return this.#variables
			.filter((v) => v.name !== '')
			.map((v) => ({ name: v.name, label: typeof v.fields.label === 'string' ? v.fields.label : v.name, kind: 'variable' }));
	}

	format(name: string, value: number): string {
		const unit = this.#variables.find((v) => v.name === name)?.fields.unit;
		return formatVariableValue(value, typeof unit === 'string' ? unit : undefined, this.#display());
	}

	subscribe(listener: () => void): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	/** Tells subscribers that formatting changed (the bench switched the plan's locale). */
	refresh(): void {
		untrack(() => this.#version++);
		for (const l of this.#listeners) l();
	}

	destroy(): void {
		this.#list.unobserveDeep(this.#changed);
		this.#listeners.clear();
	}

	#rebuild(): void {
		this.#variables = snapshotVariables(this.#list, this.#variables);
		const seen = new Set<string>();
		const defs = this.#variables.filter((v) => v.name !== '' && !seen.has(v.name) && seen.add(v.name));
		this.#engine = new FormulaEngine({ variables: defs.map((v) => ({ name: v.name, expr: v.expr })) });
	}

	readonly #changed = (): void => {
		this.#rebuild();
		this.refresh();
	};
}

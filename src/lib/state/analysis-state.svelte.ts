/**
 * The simulation views' state: the plan's analysis (scenario grid, curves, tornado …) recomputed
 * on every edit while the views are shown, the scenarios with their doc ids, the Monte Carlo
 * settings and the decision log, plus the edits the views make. Everything lives in the Y.Doc, so
 * all collaborators see the same scenarios and settings live.
 */
import type { Doc } from 'yjs';
import {
	addScenario,
	adoptScenario,
	deleteScenario,
	duplicateScenario,
	formatAdopted,
	moveOverride,
	readDecisions,
	readScenarios,
	readSimulationSettings,
	renameScenario,
	setOverride,
	setSimulationSettings,
	uniqueScenarioName,
	type ScenarioSnapshot
} from '../collab/edit/scenarios';
import { readPlanFromDoc } from '../collab/schema/plan-doc';
import { analyzePlan, type Analysis } from '../domain/model/analysis';
import { compilePlan } from '../domain/model/plan-inputs';
import type { PlanProgram, RunResult } from '../domain/model/program';
import { formatPlanIssue } from '../domain/plan/parse';
import type { Decision, Plan, SimulationSettings } from '../domain/plan/types';
import { goalSeek, optimize, type SeekResult } from '../domain/simulate/seek';

export const DEFAULT_SIMULATION: SimulationSettings = { trials: 10_000, seed: 1 };

export interface AnalysisStateOptions {
	doc: Doc;
	/** Runs a recompute soon (the page: next animation frame; tests: at once). */
	schedule: (run: () => void) => void;
	now: () => number;
	/** The name logged with a decision. */
	user: () => string;
	editable: () => boolean;
}

export class AnalysisState {
	readonly #o: AnalysisStateOptions;
	#program: PlanProgram | null = null;
	#base: RunResult | null = null;
	#pending = false;
	#plan = $state.raw<Plan | null>(null);
	#analysis = $state.raw<Analysis | null>(null);
	#problem = $state<string | null>(null);
	#scenarios = $state.raw<ScenarioSnapshot[]>([]);
	#settings = $state.raw<SimulationSettings>(DEFAULT_SIMULATION);
	#decisions = $state.raw<Decision[]>([]);

	constructor(options: AnalysisStateOptions) {
		this.#o = options;
	}

	get plan(): Plan | null {
		return this.#plan;
	}
	get analysis(): Analysis | null {
		return this.#analysis;
	}
	/** Why the doc is not a computable plan right now (the last good analysis stays shown). */
	get problem(): string | null {
		return this.#problem;
	}
	get scenarios(): ScenarioSnapshot[] {
		return this.#scenarios;
	}
	get settings(): SimulationSettings {
		return this.#settings;
	}
	get decisions(): Decision[] {
		return this.#decisions;
	}
	get editable(): boolean {
		return this.#o.editable();
	}
	/** Variables a goal seek can move: the plan's own (not finance outputs). */
	get variableNames(): string[] {
		return this.#plan?.variables.map((v) => v.name) ?? [];
	}

	/** Follows the doc until the returned function is called. */
	attach(): () => void {
		const listener = () => this.#request();
		this.#o.doc.on('update', listener);
		this.recompute();
		return () => this.#o.doc.off('update', listener);
	}

	recompute(): void {
		const doc = this.#o.doc;
		this.#scenarios = readScenarios(doc);
		this.#settings = { ...DEFAULT_SIMULATION, ...readSimulationSettings(doc) };
		this.#decisions = readDecisions(doc);
		const parsed = readPlanFromDoc(doc);
		if (!parsed.ok) {
			this.#problem = formatPlanIssue(parsed.errors[0] ?? { path: '$', message: 'invalid plan' });
			return;
		}
		this.#problem = null;
		this.#plan = parsed.plan;
		this.#program = compilePlan(parsed.plan);
		this.#base = this.#program.runner([])([]);
		this.#analysis = analyzePlan(parsed.plan, this.#program);
	}

	#request(): void {
		if (this.#pending) return;
		this.#pending = true;
		this.#o.schedule(() => {
			this.#pending = false;
			this.recompute();
		});
	}

	// Scenarios -----------------------------------------------------------------------------

	addScenario(name: string, overrides: Record<string, string> = {}): string | null {
		return this.editable ? addScenario(this.#o.doc, uniqueScenarioName(this.#o.doc, name), overrides) : null;
	}
	renameScenario(id: string, name: string): void {
		if (this.editable && name.trim() !== '') renameScenario(this.#o.doc, id, name.trim());
	}
	duplicateScenario(id: string, name: string): void {
		if (this.editable) duplicateScenario(this.#o.doc, id, uniqueScenarioName(this.#o.doc, name));
	}
	deleteScenario(id: string): void {
		if (this.editable) deleteScenario(this.#o.doc, id);
	}
	setOverride(id: string, variable: string, expr: string): void {
		if (this.editable) setOverride(this.#o.doc, id, variable, expr);
	}
	moveOverride(id: string, from: string, to: string): void {
		if (this.editable) moveOverride(this.#o.doc, id, from, to);
	}
	setSettings(settings: Partial<SimulationSettings>): void {
		if (this.editable) setSimulationSettings(this.#o.doc, settings);
	}

	// Goal seek and optimiser -----------------------------------------------------------------

	/** The value of `variable` at which `output` reaches `target`. */
	seek(variable: string, target: number, output = 'profit'): SeekResult {
		if (!this.#program || !this.#base) return { ok: false, message: this.#problem ?? 'the plan cannot be computed' };
		return goalSeek({ program: this.#program, base: this.#base, variable, target, output });
	}

	/** The value of `variable` that maximises profit (0.5× to 2× its value unless bounds are given). */
	optimize(variable: string, bounds: { min?: number; max?: number } = {}): SeekResult {
		if (!this.#program || !this.#base) return { ok: false, message: this.#problem ?? 'the plan cannot be computed' };
		return optimize({ program: this.#program, base: this.#base, variable, ...bounds });
	}

	/** A found value as a new scenario; returns its id. */
	addScenarioFromValue(name: string, variable: string, value: number): string | null {
		return this.addScenario(name, { [variable]: formatAdopted(value) });
	}

	// Decisions ---------------------------------------------------------------------------------

	/**
	 * Adopts scenario `id` as the plan with a rationale: its overrides' values become the base values
	 * and the decision is logged with the key figures the plan has from then on.
	 */
	adopt(id: string, rationale: string): Decision | null {
		const index = this.#scenarios.findIndex((s) => s.id === id);
		const column = this.#analysis?.grid.columns.find((c) => c.index === index);
		if (!this.editable || index < 0 || !column?.ok) return null;
		const decision: Decision = {
			at: new Date(this.#o.now()).toISOString(),
			by: this.#o.user(),
			scenario: column.name,
			rationale: rationale.trim(),
			overrides: column.overrideValues,
			figures: { ...column.values }
		};
		adoptScenario(this.#o.doc, decision);
		return decision;
	}
}

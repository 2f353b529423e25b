/**
 * Version history of the open plan: the saved versions (from the server), saving one, opening one
 * to view or compare with the plan now, and restoring one as a new change (the version's content
 * replaces the current plan in the shared doc, so it syncs, persists and stays undoable like any
 * edit; nobody's history is destroyed).
 */
import { comparePlans, type PlanComparison } from '../domain/model/compare-plans';
import { formatPlanIssue, parsePlan } from '../domain/plan/parse';
import type { Plan, PlanParseResult } from '../domain/plan/types';
import type { PlansApi, VersionEntry } from './plans-api';

export interface VersionsStateOptions {
	api: PlansApi;
	id: string;
	token: () => string | null;
	user: () => string;
	editable: () => boolean;
	readPlan: () => PlanParseResult;
	restore: (plan: Plan) => void;
}

export interface OpenedVersion {
	entry: VersionEntry;
	plan: Plan;
	comparison: PlanComparison | null;
}

export class VersionsState {
	readonly #o: VersionsStateOptions;
	#list = $state.raw<VersionEntry[]>([]);
	#loading = $state(false);
	#error = $state<string | null>(null);
	#opened = $state.raw<OpenedVersion | null>(null);

	constructor(options: VersionsStateOptions) {
		this.#o = options;
	}

	get list(): VersionEntry[] {
		return this.#list;
	}
	get loading(): boolean {
		return this.#loading;
	}
	get error(): string | null {
		return this.#error;
	}
	get opened(): OpenedVersion | null {
		return this.#opened;
	}
	get editable(): boolean {
		return this.#o.editable();
	}

	async refresh(): Promise<void> {
		await this.#run(async (token) => {
			this.#list = await this.#o.api.listVersions(this.#o.id, token);
		});
	}

	async save(name: string): Promise<boolean> {
		if (!this.editable || name.trim() === '') return false;
		return this.#run(async (token) => {
			await this.#o.api.saveVersion(this.#o.id, token, name.trim(), this.#o.user());
			this.#list = await this.#o.api.listVersions(this.#o.id, token);
		});
	}

	/** Loads a version and compares it with the plan now. */
	async open(entry: VersionEntry): Promise<boolean> {
		return this.#run(async (token) => {
			const parsed = parsePlan(await this.#o.api.readVersion(this.#o.id, token, entry.id));
			if (!parsed.ok) throw new Error(formatPlanIssue(parsed.errors[0] ?? { path: '$', message: 'invalid plan' }));
			const now = this.#o.readPlan();
			this.#opened = { entry, plan: parsed.plan, comparison: now.ok ? comparePlans(parsed.plan, now.plan) : null };
		});
	}

	close(): void {
		this.#opened = null;
	}

	/** Makes the opened version the plan, as a new change. */
	restoreOpened(): boolean {
		const opened = this.#opened;
		if (!opened || !this.editable) return false;
		this.#o.restore(opened.plan);
		this.#opened = null;
		return true;
	}

	async #run(work: (token: string) => Promise<void>): Promise<boolean> {
		const token = this.#o.token();
		if (!token) {
			this.#error = 'no access token';
			return false;
		}
		this.#loading = true;
		this.#error = null;
		try {
			await work(token);
			return true;
		} catch (e) {
			this.#error = e instanceof Error ? e.message : String(e);
			return false;
		} finally {
			this.#loading = false;
		}
	}
}

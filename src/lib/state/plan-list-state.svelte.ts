/**
 * The home page's list of plans this browser knows (from its database, so it works offline) and
 * the actions on it: create from a template, import a plan file, duplicate, delete. Server
 * problems become an `error` the page explains; nothing is half done: a plan appears in the list
 * only after the server has created it.
 */
import type { Locale } from '../i18n';
import { parsePlanText } from '../domain/plan/parse';
import type { PlanIssue } from '../domain/plan/types';
import type { PlanbookDb, PlanRecord } from '../storage/database';
import type { PendingUpdates } from '../storage/pending-updates';
import { bestToken, putPlan, watchPlans } from '../storage/plan-records';
import { forgetPlanLocally } from './session-records';
import { PlansApiError, type CreatedPlan, type PlansApi, type PlansApiErrorKind, type TemplateChoice } from './plans-api';

/** What went wrong with the last action, for the page to explain. */
export type PlanListError =
	| { action: 'create' | 'import' | 'duplicate' | 'delete' | 'load'; kind: PlansApiErrorKind | 'storage' | 'unreadable' }
	| { action: 'import'; kind: 'invalid-file'; fileName: string; issues: readonly PlanIssue[] };

export interface PlanListOptions {
	db: PlanbookDb;
	api: PlansApi;
	now: () => number;
	/** Last-moment edits of open plans (localStorage), cleared when a plan is forgotten. */
	pending?: PendingUpdates;
}

function kindOf(error: unknown): PlansApiErrorKind | 'storage' {
	return error instanceof PlansApiError ? error.kind : 'storage';
}

export class PlanListState {
	readonly #db: PlanbookDb;
	readonly #api: PlansApi;
	readonly #now: () => number;
	readonly #pending: PendingUpdates | null;
	#plans = $state.raw<PlanRecord[]>([]);
	#loaded = $state(false);
	/** Id of the plan (or `new`) an action is running for, to disable its buttons. */
	#busy = $state<string | null>(null);
	#error = $state.raw<PlanListError | null>(null);

	constructor(options: PlanListOptions) {
		this.#db = options.db;
		this.#api = options.api;
		this.#now = options.now;
		this.#pending = options.pending ?? null;
	}

	/** Starts following the database; returns the function that stops. */
	watch(): () => void {
		return watchPlans(
			this.#db,
			(plans) => {
				this.#plans = plans;
				this.#loaded = true;
			},
			() => {
				this.#loaded = true;
				this.#error = { action: 'load', kind: 'storage' };
			}
		);
	}

	get plans(): PlanRecord[] {
		return this.#plans;
	}
	get loaded(): boolean {
		return this.#loaded;
	}
	get busy(): string | null {
		return this.#busy;
	}
	get error(): PlanListError | null {
		return this.#error;
	}

	dismissError(): void {
		this.#error = null;
	}

	/** The chosen file could not be read (removed, no permission, not text). */
	reportUnreadable(): void {
		this.#error = { action: 'import', kind: 'unreadable' };
	}

	/** Creates a plan from a template; returns its id, or null (see `error`). */
	async create(template: TemplateChoice, locale: Locale, title?: string): Promise<string | null> {
		return this.#run('create', 'new', async () => {
			const created = await this.#api.createFromTemplate({ template, locale, ...(title ? { title } : {}) });
			// The template decides the title; ask for it so the list shows it even before the plan opens.
			const info = await this.#api.info(created.id, created.tokens.owner).catch(() => null);
			await this.#remember(created, info?.title ?? title ?? '', locale);
			return created.id;
		});
	}

	/**
	 * Imports a plan file's text: validated here first (every problem listed with its path, nothing
	 * sent), then created on the server, which validates again.
	 */
	async importFile(fileName: string, text: string): Promise<string | null> {
		const parsed = parsePlanText(text);
		if (!parsed.ok) {
			this.#error = { action: 'import', kind: 'invalid-file', fileName, issues: parsed.errors };
			return null;
		}
		return this.#run('import', 'new', async () => {
			try {
				const created = await this.#api.createFromFile(parsed.plan);
				await this.#remember(created, parsed.plan.meta.title, parsed.plan.meta.locale);
				return created.id;
			} catch (error) {
				if (error instanceof PlansApiError && error.kind === 'invalid-plan') {
					this.#error = { action: 'import', kind: 'invalid-file', fileName, issues: error.issues };
					return null;
				}
				throw error;
			}
		});
	}

	/** Copies a plan as it is now on the server, titled with `suffix` (" (copy)"). */
	async duplicate(plan: PlanRecord, suffix: string): Promise<string | null> {
		const access = bestToken(plan);
		if (!access) return null;
		return this.#run('duplicate', plan.id, async () => {
			const file = (await this.#api.exportJson(plan.id, access.token)) as { meta?: Record<string, unknown> } | null;
			const title = `${typeof file?.meta?.title === 'string' ? file.meta.title : plan.title}${suffix}`;
			const copy = { ...file, meta: { ...file?.meta, title } };
			const created = await this.#api.createFromFile(copy);
			await this.#remember(created, title, plan.locale);
			return created.id;
		});
	}

	/**
	 * Deletes a plan: the owner deletes it on the server too (a plan already gone there is
	 * forgotten all the same); others only forget it on this browser.
	 */
	async remove(plan: PlanRecord): Promise<boolean> {
		const result = await this.#run('delete', plan.id, async () => {
			const owner = plan.tokens.owner;
			if (owner) {
				try {
					await this.#api.remove(plan.id, owner);
				} catch (error) {
					if (!(error instanceof PlansApiError && error.kind === 'not-found')) throw error;
				}
			}
			await forgetPlanLocally(this.#db, this.#pending ?? undefined, plan.id);
			return plan.id;
		});
		return result !== null;
	}

	async #remember(created: CreatedPlan, title: string, locale: Locale): Promise<void> {
		const now = this.#now();
		await putPlan(this.#db, {
			id: created.id,
			title,
			role: 'owner',
			tokens: created.tokens,
			createdAt: now,
			lastEditAt: now,
			lastOpenedAt: now,
			collaborators: [],
			locale
		});
	}

	async #run<T>(action: PlanListError['action'], busyId: string, work: () => Promise<T | null>): Promise<T | null> {
		if (this.#busy !== null) return null;
		this.#busy = busyId;
		this.#error = null;
		try {
			return await work();
		} catch (error) {
			this.#error = { action, kind: kindOf(error) };
			return null;
		} finally {
			this.#busy = null;
		}
	}
}

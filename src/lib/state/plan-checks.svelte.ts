/**
 * Live standard-compliance checks of an open plan (DESIGN §6): re-run shortly after any change to
 * the doc (coalesced, so a burst of keystrokes runs them once), exposing the report, findings
 * grouped by standard item and per section, and why checks could not run when the plan is
 * momentarily invalid.
 */
import { DATA_SET_HOME } from '../domain/plan/sections';
import type { PlanIssue, PlanParseResult, SectionKind } from '../domain/plan/types';
import { checkPlan, resolvePlanStandards, type CheckReport, type Finding, type StandardItem } from '../domain/standards/index';

export const CHECK_DELAY_MS = 150;

const ITEM_ORDER: readonly StandardItem[] = ['S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'P', 'F', 'custom'];

export interface FindingGroup {
	item: StandardItem;
	findings: Finding[];
}

/** The section a finding belongs to, for section badges (variables belong to none). */
export function sectionOfFinding(f: Finding): SectionKind | null {
	if ('section' in f.target) return f.target.section;
	if ('data' in f.target) return DATA_SET_HOME[f.target.data];
	return null;
}

/** Runs `task` when the page is idle (requestIdleCallback in the browser); returns the cancel. */
export type IdleScheduler = (task: () => void) => () => void;

/** Runs at once: the default outside the browser, and in tests. */
const immediately: IdleScheduler = (task) => {
	task();
	return () => {};
};

export class PlanChecks {
	readonly #read: () => PlanParseResult;
	readonly #whenIdle: IdleScheduler;
	#timer: ReturnType<typeof setTimeout> | null = null;
	#cancelIdle: (() => void) | null = null;
	#report = $state.raw<CheckReport | null>(null);
	#itemOf = $state.raw<Map<string, StandardItem>>(new Map());
	#invalid = $state.raw<PlanIssue[]>([]);
	#standardErrors = $state.raw<string[]>([]);

	/**
	 * @param read reads the plan from the doc (a full read: every section's text)
	 * @param whenIdle where a scheduled run waits after its delay: reading and checking a big plan
	 *   takes tens of milliseconds, which must not land between a plan arriving and its first paint
	 */
	constructor(read: () => PlanParseResult, whenIdle: IdleScheduler = immediately) {
		this.#read = read;
		this.#whenIdle = whenIdle;
	}

	get report(): CheckReport | null {
		return this.#report;
	}

	/** Validator issues that stop the checks (e.g. a duplicate variable name being typed). */
	get invalid(): PlanIssue[] {
		return this.#invalid;
	}

	/** Problems with the chosen standards (unknown id, broken pack). */
	get standardErrors(): string[] {
		return this.#standardErrors;
	}

	get groups(): FindingGroup[] {
		const report = this.#report;
		if (!report) return [];
		return ITEM_ORDER.map((item) => ({ item, findings: report.findings.filter((f) => this.#itemOf.get(f.rule) === item) })).filter(
			(g) => g.findings.length > 0
		);
	}

	/** Open findings whose target lies in a section of `kind`. */
	countFor(kind: SectionKind): number {
		return this.#report?.findings.filter((f) => sectionOfFinding(f) === kind).length ?? 0;
	}

	/** Runs the checks soon (and when idle); repeated calls before then run them once. */
	schedule(): void {
		if (this.#timer !== null || this.#cancelIdle !== null) return;
		this.#timer = setTimeout(() => {
			this.#timer = null;
			let ran = false;
			const cancel = this.#whenIdle(() => {
				ran = true;
				this.#cancelIdle = null;
				this.run();
			});
			// A scheduler that ran the task at once has nothing left to cancel.
			if (!ran) this.#cancelIdle = cancel;
		}, CHECK_DELAY_MS);
	}

	run(): void {
		const parsed = this.#read();
		if (!parsed.ok) {
			this.#invalid = parsed.errors;
			return;
		}
		this.#invalid = [];
		const standards = resolvePlanStandards(parsed.plan);
		if (!standards.ok) {
			this.#standardErrors = standards.errors;
			return;
		}
		this.#standardErrors = [];
		const report = checkPlan(parsed.plan, standards.packs);
		this.#itemOf = new Map(report.rules.map((r) => [r.id, r.item]));
		this.#report = report;
	}

	destroy(): void {
		if (this.#timer !== null) clearTimeout(this.#timer);
		this.#timer = null;
		this.#cancelIdle?.();
		this.#cancelIdle = null;
	}
}

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

export class PlanChecks {
	readonly #read: () => PlanParseResult;
	#timer: ReturnType<typeof setTimeout> | null = null;
	#report = $state.raw<CheckReport | null>(null);
	#itemOf = $state.raw<Map<string, StandardItem>>(new Map());
	#invalid = $state.raw<PlanIssue[]>([]);
	#standardErrors = $state.raw<string[]>([]);

	constructor(read: () => PlanParseResult) {
		this.#read = read;
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

	/** Runs the checks soon; repeated calls before then run them once. */
	schedule(): void {
		if (this.#timer !== null) return;
		this.#timer = setTimeout(() => {
			this.#timer = null;
			this.run();
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
	}
}

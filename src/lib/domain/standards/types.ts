/**
 * Standards (DESIGN §6): a standard is a pack of rules read against a plan like a linter. A rule
 * reports findings; each finding names its target so the UI can jump there.
 */
import type { DataSetName, Plan, SectionKind } from '../plan/types.js';
import type { FinanceOutputs } from '../finance/types.js';
import type { MonthlyPlan } from '../finance/monthly.js';
import type { FormulaError } from '../formula/errors.js';

export type Severity = 'error' | 'warning' | 'info';

/** Where a finding points: a section, a variable, or a data set (optionally one row of it). */
export type FindingTarget =
	| { section: SectionKind }
	| { variable: string }
	| { data: DataSetName; row?: number };

/** Text in both languages of the product. */
export interface Localized {
	en: string;
	'zh-CN': string;
}

/** The standard items of the deep-marketing standard, for grouping findings in the UI. */
export type StandardItem = 'S1' | 'S2' | 'S3' | 'S4' | 'S5' | 'S6' | 'P' | 'F' | 'custom';

export interface Finding {
	rule: string;
	severity: Severity;
	target: FindingTarget;
	message: Localized;
	hint: Localized;
}

/** Everything a rule may read, computed once per check run. */
export interface RuleContext {
	plan: Plan;
	/** Values of variables and finance outputs that evaluated; absent names are missing or in error. */
	values: ReadonlyMap<string, number>;
	/** Raw finance outputs, or null with the reason when the model could not run. */
	finance: FinanceOutputs | null;
	financeError: FormulaError | null;
	monthly: MonthlyPlan | null;
	/** Threshold values by rule id, after pack overrides. */
	thresholds: Readonly<Record<string, number>>;
}

/** A problem a rule found: the rule fills in its id, and severity unless the problem overrides it. */
export interface Problem {
	target: FindingTarget;
	message: Localized;
	hint?: Localized;
	severity?: Severity;
}

export interface Rule {
	id: string;
	item: StandardItem;
	/** The most severe level the rule reports; it weighs the rule in the score. */
	severity: Severity;
	/** Default thresholds of this rule (overridable by packs under the rule id). */
	threshold?: number;
	hint: Localized;
	check(ctx: RuleContext): Problem[];
}

export interface StandardPack {
	id: string;
	title: Localized;
	rules: readonly Rule[];
	thresholds: Readonly<Record<string, number>>;
}

export interface CheckReport {
	/** Share of rules passed, errors weighing 3 and warnings 1 (info rules do not count); 0..1. */
	score: number;
	findings: Finding[];
	/** Rules run, with whether each passed, for the UI's per-item summary. */
	rules: { id: string; item: StandardItem; severity: Severity; passed: boolean }[];
}

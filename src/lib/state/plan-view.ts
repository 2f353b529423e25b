/**
 * What editor components read from an open plan, as interfaces, so the components (src/lib/ui)
 * do not depend on how the session computes figures. The session implements them with runes:
 * reading `get()` inside a component or `$derived` makes it re-render when figures change.
 */
import type { CellResult } from '../domain/formula/errors.js';

/** Live results of variables and finance outputs. */
export interface ResultsReader {
	/** Result of a variable or finance output, or undefined when no such name exists. */
	get(name: string): CellResult | undefined;
	/** Increments whenever any result changes (for code outside Svelte's reactivity). */
	readonly version: number;
}

/** A name that rich text may reference with `@`: a variable or a finance output. */
export interface ReferenceCandidate {
	name: string;
	/** Human label (the variable's label, or the finance output's translated name). */
	label: string;
	kind: 'variable' | 'output';
}

/** What the rich-text editor needs for live references in prose. */
export interface ReferenceSource extends ResultsReader {
	/**
	 * False until the plan's numbers have been worked out the first time (the session does it at
	 * the first idle moment after the plan is on screen): a missing result then means "not yet",
	 * not "no such name".
	 */
	readonly computed: boolean;
	candidates(): ReferenceCandidate[];
	/** The value formatted for display in the plan's locale and currency (万/亿 in zh-CN). */
	format(name: string, value: number): string;
	/** Calls `listener` after results change; returns the unsubscribe function. */
	subscribe(listener: () => void): () => void;
}

/** The plan's display settings, from its meta. */
export interface PlanDisplay {
	locale: 'zh-CN' | 'en';
	currency: string;
	year: number;
}

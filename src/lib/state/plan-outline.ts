/**
 * The order the editor shows a plan in: sections in the standard order of the training material
 * (SECTION_KINDS; custom sections last, each group in doc order) with the variables panel placed
 * after the objectives, where the plan turns from words to numbers: what we aim for, then the
 * assumptions (price, cost, volume…) the figures are computed from.
 */
import type { SectionView } from '../collab/plan-doc-view';
import type { DataSetName, SectionKind } from '../domain/plan/types';
import { DATA_SET_HOME, DATA_SET_NAMES, SECTION_KINDS } from '../domain/plan/sections';

export type OutlineEntry = { type: 'section'; section: SectionView } | { type: 'variables' };

/** Anchor id of an outline entry in the page (`#section-<id>`, `#variables`). */
export function anchorOf(entry: OutlineEntry): string {
	return entry.type === 'variables' ? 'variables' : `section-${entry.section.id}`;
}

const rank = (kind: SectionKind): number => SECTION_KINDS.indexOf(kind);

/** Sections in standard order (stable: equal kinds keep their doc order). */
export function orderSections(sections: readonly SectionView[]): SectionView[] {
	return sections
		.map((section, index) => ({ section, index }))
		.sort((a, b) => rank(a.section.kind) - rank(b.section.kind) || a.index - b.index)
		.map((e) => e.section);
}

/** The outline: ordered sections with the variables panel after the last section up to `objectives`. */
export function outlineOf(sections: readonly SectionView[]): OutlineEntry[] {
	const ordered = orderSections(sections);
	const cut = ordered.filter((s) => rank(s.kind) <= rank('objectives')).length;
	return [
		...ordered.slice(0, cut).map((section) => ({ type: 'section' as const, section })),
		{ type: 'variables' as const },
		...ordered.slice(cut).map((section) => ({ type: 'section' as const, section }))
	];
}

/**
 * The data sets shown in a section: those whose home it is (DESIGN §3), split into the ones the
 * plan has and the ones that could be added. Only the first section of a kind is their home.
 */
export function dataSetsOf(
	section: SectionView,
	present: readonly DataSetName[],
	isFirstOfKind: boolean
): { present: DataSetName[]; missing: DataSetName[] } {
	if (!isFirstOfKind) return { present: [], missing: [] };
	const home = DATA_SET_NAMES.filter((name) => DATA_SET_HOME[name] === section.kind);
	return { present: home.filter((n) => present.includes(n)), missing: home.filter((n) => !present.includes(n)) };
}

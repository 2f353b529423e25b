/**
 * Small helpers shared by the templates. Templates are functions of the plan year, so every call
 * builds fresh objects (no shared arrays between plans) and dates move with the year.
 */
import { SECTION_TITLES } from '../sections';
import type { Block, Locale, Section, SectionKind } from '../types';

/** `YYYY-MM-DD` in `year`; templates avoid 29 February so every year works. */
export function isoDate(year: number, month: number, day: number): string {
	return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A section with its default localised title. */
export function section(
	kind: SectionKind,
	locale: Locale,
	text: string,
	blocks: Block[] = []
): Section {
	return { kind, title: SECTION_TITLES[locale][kind], text, blocks };
}

/** A table block showing a data set. */
export function table(dataset: Extract<Block, { type: 'table' }>['dataset']): Block {
	return { type: 'table', dataset };
}

/** A block showing one variable. */
export function variable(name: string): Block {
	return { type: 'variable', name };
}

/**
 * Finds the element a finding points at and brings it into view with a short highlight. Targets
 * map to the markup's data attributes: sections `[data-section-kind]`, variables `[data-variable]`,
 * data sets `[data-dataset]` (a row is the n-th body row of its table). When the exact element is
 * absent (a data set not added yet), the finding's home section is used instead.
 */
import { DATA_SET_HOME } from '$lib/domain/plan/sections';
import type { FindingTarget } from '$lib/domain/standards/types';

const FLASH_CLASS = 'finding-flash';
const FLASH_MS = 2000;

const attr = (name: string, value: string) => `[${name}="${CSS.escape(value)}"]`;

export function locateTarget(target: FindingTarget, root: ParentNode = document): HTMLElement | null {
	if ('section' in target) return root.querySelector<HTMLElement>(attr('data-section-kind', target.section));
	if ('variable' in target) {
		return root.querySelector<HTMLElement>(attr('data-variable', target.variable)) ?? root.querySelector<HTMLElement>('#variables');
	}
	const set = root.querySelector<HTMLElement>(attr('data-dataset', target.data));
	if (set && target.row !== undefined) {
		const row = set.querySelectorAll<HTMLElement>('tbody tr')[target.row];
		if (row) return row;
	}
	return set ?? root.querySelector<HTMLElement>(attr('data-section-kind', DATA_SET_HOME[target.data]));
}

/** Scrolls to the target, focuses its first focusable control or heading, and highlights it. */
export function jumpTo(target: FindingTarget): boolean {
	const el = locateTarget(target);
	if (!el) return false;
	const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
	el.scrollIntoView({ behavior: reduce ? 'auto' : 'smooth', block: 'center' });
	const focusable = el.querySelector<HTMLElement>('input, textarea, select, [contenteditable="true"], h2, h3');
	focusable?.focus({ preventScroll: true });
	el.classList.add(FLASH_CLASS);
	setTimeout(() => el.classList.remove(FLASH_CLASS), FLASH_MS);
	return true;
}

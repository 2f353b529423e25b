/**
 * The `@` / `=` menu of live references: which candidates match what was typed, best first, and
 * when a typed trigger character should open the menu at all.
 */
import type { ReferenceCandidate } from '$lib/state/plan-view';

/** Characters that open the reference menu; a Chinese IME types the full-width forms. */
export const REFERENCE_TRIGGERS = ['@', '=', '＠', '＝'] as const;
export type ReferenceTrigger = (typeof REFERENCE_TRIGGERS)[number];

/** How many matches the menu lists; more would need scrolling to be useful. */
export const MAX_SUGGESTIONS = 8;

/** Folds full-width letters and digits (a Chinese IME's) and case, so "ＰＲＩＣＥ" finds price. */
export function foldQuery(text: string): string {
	let out = '';
	for (const ch of text) {
		const code = ch.codePointAt(0) ?? 0;
		out += code >= 0xff01 && code <= 0xff5e ? String.fromCodePoint(code - 0xfee0) : ch;
	}
	return out.trim().toLowerCase();
}

/** Rank of a match; lower is better, null is no match. */
function rank(candidate: ReferenceCandidate, query: string): number | null {
	const name = candidate.name.toLowerCase();
	const label = foldQuery(candidate.label);
	if (name === query || label === query) return 0;
	if (name.startsWith(query)) return 1;
	if (label.startsWith(query)) return 2;
	// Word starts inside snake_case names: "cost" finds unit_cost before a mid-word hit.
	if (name.split('_').some((part) => part.startsWith(query))) return 3;
	if (name.includes(query)) return 4;
	if (label.includes(query)) return 5;
	return null;
}

/**
 * Candidates matching `query` by name or label (Chinese labels included), best first; variables
 * before finance outputs on equal rank, then by name. An empty query lists the first candidates.
 */
export function filterCandidates(candidates: readonly ReferenceCandidate[], query: string, limit = MAX_SUGGESTIONS): ReferenceCandidate[] {
	const q = foldQuery(query);
	const scored: { c: ReferenceCandidate; r: number }[] = [];
	for (const c of candidates) {
		const r = q === '' ? 0 : rank(c, q);
		if (r !== null) scored.push({ c, r });
	}
	scored.sort((a, b) => a.r - b.r || (a.c.kind === b.c.kind ? 0 : a.c.kind === 'variable' ? -1 : 1) || a.c.name.localeCompare(b.c.name));
	return scored.slice(0, limit).map((s) => s.c);
}

/**
 * Whether a trigger typed after `before` (the character preceding it, '' at the start of a text
 * block) opens the menu. `@` works anywhere except inside an e-mail address or a word, so Chinese
 * prose needs no space before it ("目标销量@volume"); `=` only after a space, an opening bracket or
 * punctuation, so "a=b" and ">=" in prose stay text.
 */
export function triggerAllowed(trigger: ReferenceTrigger, before: string): boolean {
	if (before === '' || /\s/.test(before)) return true;
	if (trigger === '@' || trigger === '＠') return !/[A-Za-z0-9_.+-]/.test(before);
	return /[(\[（【：:，,。；;、]/.test(before);
}

/**
 * ABC classification of accounts (DESIGN §5.12), as in ARS terminal management: sort by value, then
 * A while the cumulative share (including the account) is ≤ 80 %, B while ≤ 95 %, else C. The
 * first account is always A, so one dominant customer is never classed B.
 */
import { compareNames } from './dealers.js';

export interface AccountInput {
	name: string;
	value: number;
}

export type AbcClass = 'A' | 'B' | 'C';

export interface AbcRow {
	name: string;
	class: AbcClass;
	cumulative_share: number;
}

export const ABC_LIMITS = { A: 0.8, B: 0.95 } as const;
const TOLERANCE = 1e-9;

export function classifyAccounts(accounts: readonly AccountInput[]): AbcRow[] {
	const sorted = [...accounts].sort((a, b) => b.value - a.value || compareNames(a.name, b.name));
	const total = sorted.reduce((s, a) => s + a.value, 0);
	let cumulative = 0;
	return sorted.map((a, i) => {
		cumulative += a.value;
		const share = total > 0 ? cumulative / total : (i + 1) / sorted.length;
		const cls: AbcClass =
			i === 0 || share <= ABC_LIMITS.A + TOLERANCE ? 'A' : share <= ABC_LIMITS.B + TOLERANCE ? 'B' : 'C';
		return { name: a.name, class: cls, cumulative_share: share };
	});
}

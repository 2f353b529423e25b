/**
 * Dealer scoring (DESIGN §5.11), the ARS core-dealer survey: a weighted sum of criterion scores,
 * ranked descending with ties broken by name. Weights are used as given even when they do not sum
 * to 1 (the training material's own example sums to 1.1); the standards check warns about it.
 */
export interface DealerCriterion {
	name: string;
	weight: number;
}

export interface DealerRowInput {
	name: string;
	scores: readonly number[];
}

export interface DealerScore {
	name: string;
	score: number;
	rank: number;
}

export const WEIGHT_SUM_TOLERANCE = 0.001;

export function weightsSumToOne(criteria: readonly DealerCriterion[]): boolean {
	const sum = criteria.reduce((s, c) => s + c.weight, 0);
	return Math.abs(sum - 1) <= WEIGHT_SUM_TOLERANCE;
}

export function scoreDealers(criteria: readonly DealerCriterion[], rows: readonly DealerRowInput[]): DealerScore[] {
	const scored = rows.map((row) => ({
		name: row.name,
		score: criteria.reduce((s, c, k) => s + c.weight * (row.scores[k] ?? 0), 0)
	}));
	scored.sort((a, b) => b.score - a.score || compareNames(a.name, b.name));
	return scored.map((s, i) => ({ ...s, rank: i + 1 }));
}

/** Code-point order: the same on every machine and locale, unlike localeCompare. */
export function compareNames(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

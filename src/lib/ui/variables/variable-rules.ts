/**
 * What the variable card checks before writing (DESIGN §4): a name the formula language can read,
 * unique in the plan and not a finance output; a distribution whose parameters the simulator and
 * the plan schema accept. Anything that fails stays in the card, flagged, and is not written, so
 * the doc always holds a plan the parser accepts.
 */
import { FINANCE_OUTPUT_NAMES } from '$lib/domain/finance/types';
import { MAX_VARIABLE_NAME_LENGTH, VARIABLE_NAME_PATTERN } from '$lib/domain/plan/schema-primitives';
import type { Distribution, DistributionType } from '$lib/domain/simulate/distribution-types';
import type { Translate } from '../shared/translate-fn';

export type NameProblem = 'empty' | 'pattern' | 'tooLong' | 'taken' | 'reserved';

/** Names a variable may not take: the finance outputs, and a key plain objects cannot hold. */
export function isReservedVariableName(name: string): boolean {
	return (FINANCE_OUTPUT_NAMES as readonly string[]).includes(name) || name === '__proto__';
}

/**
 * Checks a proposed variable name.
 * @param taken the names of the plan's other variables
 */
export function checkVariableName(name: string, taken: ReadonlySet<string>): NameProblem | null {
	if (name === '') return 'empty';
	if (name.length > MAX_VARIABLE_NAME_LENGTH) return 'tooLong';
	if (!VARIABLE_NAME_PATTERN.test(name)) return 'pattern';
	if (isReservedVariableName(name)) return 'reserved';
	if (taken.has(name)) return 'taken';
	return null;
}

export function nameProblemText(problem: NameProblem, name: string, t: Translate): string {
	switch (problem) {
		case 'empty':
			return t('editor.variable.nameEmpty');
		case 'tooLong':
			return t('editor.variable.nameTooLong', { max: MAX_VARIABLE_NAME_LENGTH });
		case 'pattern':
			return t('editor.variable.namePattern');
		case 'reserved':
			return t('editor.variable.nameReserved', { name });
		case 'taken':
			return t('editor.variable.nameTaken', { name });
	}
}

export const DISTRIBUTION_TYPES = ['normal', 'lognormal', 'triangular', 'uniform', 'pert'] as const satisfies readonly DistributionType[];

/** The parameters of each distribution type, in the order they are shown. */
export const DISTRIBUTION_PARAMS = {
	normal: ['mean', 'sd'],
	lognormal: ['mu', 'sigma'],
	triangular: ['min', 'mode', 'max'],
	uniform: ['min', 'max'],
	pert: ['min', 'mode', 'max']
} as const satisfies Record<DistributionType, readonly string[]>;

export type DistributionParam = (typeof DISTRIBUTION_PARAMS)[DistributionType][number];

/** Parameters that are spreads and so may not be negative (schema: nonNegativeNumber). */
export const NON_NEGATIVE_PARAMS: ReadonlySet<string> = new Set(['sd', 'sigma']);

/** Rounds a derived default so a card shows 108, not 108.00000000000001. */
function tidy(x: number): number {
	return Number(x.toPrecision(6));
}

/**
 * A starting distribution of `type` around the variable's current value: ±10 % for ranges, a
 * 10 % spread for normal. Log-normal is centred on ln(value) when the value is positive.
 */
export function defaultDistribution(type: DistributionType, value: number | undefined): Distribution {
	const v = value !== undefined && Number.isFinite(value) ? value : 0;
	const spread = Math.abs(v) * 0.1 || 1;
	const low = tidy(v - spread);
	const high = tidy(v + spread);
	switch (type) {
		case 'normal':
			return { type, mean: tidy(v), sd: tidy(spread) };
		case 'lognormal':
			return { type, mu: v > 0 ? tidy(Math.log(v)) : 0, sigma: 0.1 };
		case 'uniform':
			return { type, min: low, max: high };
		default:
			return { type, min: low, mode: tidy(v), max: high };
	}
}

/** The parameter that breaks min ≤ mode ≤ max (the schema flags the same one), or null. */
export function distributionOrderProblem(d: Distribution): DistributionParam | null {
	if (d.type !== 'triangular' && d.type !== 'pert' && d.type !== 'uniform') return null;
	if (d.min > d.max) return 'max';
	if (d.type !== 'uniform' && (d.mode < d.min || d.mode > d.max)) return 'mode';
	return null;
}

/** A distribution with one parameter changed. */
export function withParam(d: Distribution, param: DistributionParam, value: number): Distribution {
	return { ...d, [param]: value } as Distribution;
}

/** Reads a stored distribution (a plain object in the doc), or null when absent or malformed. */
export function readDistribution(value: unknown): Distribution | null {
	if (typeof value !== 'object' || value === null) return null;
	const type = (value as { type?: unknown }).type;
	if (typeof type !== 'string' || !(type in DISTRIBUTION_PARAMS)) return null;
	const params = DISTRIBUTION_PARAMS[type as DistributionType];
	const record = value as Record<string, unknown>;
	return params.every((p) => typeof record[p] === 'number') ? (value as Distribution) : null;
}

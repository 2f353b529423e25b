/**
 * Building blocks of the plan schema. Range and format checks are custom refinements that carry
 * `params.expected` (what a valid value looks like, in plain words) instead of zod's default
 * messages, so parse.ts can say "expected a number from 0 to 1, got 1.5" to a non-programmer.
 */
import { z } from 'zod';

/** Names are ASCII identifiers so mathjs expressions can refer to them (DESIGN §4). */
export const VARIABLE_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;
export const MAX_VARIABLE_NAME_LENGTH = 64;
/** Longer expressions are refused before parsing (DESIGN §4) to bound formula work. */
export const MAX_EXPRESSION_LENGTH = 2000;

/** What a custom issue of ours carries; parse.ts appends the received value. */
export interface ExpectedParams {
	expected: string;
	/** Report a string's length instead of its (long, unhelpful) text. */
	gotLength?: boolean;
}

/** Refinement options that make parse.ts print "expected <expected>, got <value>". */
export function expecting(expected: string, gotLength = false): { params: ExpectedParams } {
	return { params: gotLength ? { expected, gotLength } : { expected } };
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD (so 2027-02-30 is refused). */
export function isIsoDate(text: string): boolean {
	const match = ISO_DATE.exec(text);
	if (!match) return false;
	const year = Number(match[1]);
	const month = Number(match[2]);
	const day = Number(match[3]);
	if (month < 1 || month > 12 || day < 1) return false;
	// Plain arithmetic rather than Date, which maps years 0..99 to 1900..1999.
	const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
	const daysInMonth = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
	return day <= daysInMonth;
}

interface NumberRange {
	min?: number;
	max?: number;
	int?: boolean;
}

/** Plain words for a range: "a number 0 or more", "a whole number from 1 to 12". */
function describeRange({ min, max, int }: NumberRange): string {
	const noun = int ? 'a whole number' : 'a number';
	if (min !== undefined && max !== undefined) return `${noun} from ${min} to ${max}`;
	if (min !== undefined) return `${noun} ${min} or more`;
	if (max !== undefined) return `${noun} ${max} or less`;
	return noun;
}

/** A finite number (zod 4 refuses NaN and ±Infinity) optionally limited to an inclusive range. */
export function numberIn(range: NumberRange): z.ZodNumber {
	const { min, max, int } = range;
	return z
		.number()
		.refine(
			(n) =>
				(!int || Number.isInteger(n)) &&
				(min === undefined || n >= min) &&
				(max === undefined || n <= max),
			expecting(describeRange(range))
		);
}

/** Any finite number. */
export const finiteNumber = z.number();

/** A number 0 or more (sizes, rates, weights). */
export const nonNegativeNumber = numberIn({ min: 0 });

/** A fraction from 0 to 1 (conversions, rebates). */
export const fraction = numberIn({ min: 0, max: 1 });

/** A calendar month 1..12. */
export const monthNumber = numberIn({ min: 1, max: 12, int: true });

/** A string that must not be empty (names used as identities). */
export const nonEmptyText = z.string().refine((s) => s.length > 0, expecting('text that is not empty'));

/**
 * A variable name as used in formulas. `__proto__` matches the pattern but cannot be a key of a
 * plain object (scenario overrides are one), so it would silently vanish: refuse it.
 */
export const variableName = z
	.string()
	.refine(
		(s) => s.length <= MAX_VARIABLE_NAME_LENGTH && VARIABLE_NAME_PATTERN.test(s),
		expecting(
			`a name of letters, digits and _ that does not start with a digit, at most ${MAX_VARIABLE_NAME_LENGTH} characters (like unit_cost)`
		)
	)
	.refine((s) => s !== '__proto__', expecting('a name other than __proto__'));

/** A formula; the formula module parses it, the file format only bounds its length. */
export const expression = z
	.string()
	.refine(
		(s) => s.length <= MAX_EXPRESSION_LENGTH,
		expecting(`a formula of at most ${MAX_EXPRESSION_LENGTH} characters`, true)
	);

/**
 * An optional date. Checks such as S6.rows report a date that is not filled in, so the parser
 * accepts it missing, and reads an empty string (a cleared cell) as missing too: consumers only
 * ever see a valid YYYY-MM-DD or undefined.
 */
export const optionalDate = z
	.string()
	.refine((s) => s === '' || isIsoDate(s), expecting('a date YYYY-MM-DD'))
	.transform((s) => (s === '' ? undefined : s))
	.optional();

/**
 * What a table column holds and how its cells read and write, independent of any component:
 * turning typed text into the value stored in the doc (or a problem to flag in place), and a stored
 * value into the text shown when the cell is not being edited.
 *
 * The doc must always hold a plan the file schema accepts (the live model reads it through the
 * parser), so a cell that fails here is never written: an empty optional cell deletes its key, an
 * empty required cell is a problem, a number outside the column's range is a problem.
 */
import { isIsoDate } from '$lib/domain/plan/schema-primitives';
import { formatNumber, parseNumberInput, type FormatLocale } from '$lib/domain/format';

export type CellKind = 'text' | 'number' | 'money' | 'percent' | 'integer' | 'date' | 'select' | 'boolean' | 'list';

export interface ColumnOption {
	value: string;
	label: string;
}

/** Read-only view of the row a cell sits in, and of its table, for row-dependent rules. */
export interface CellContext {
	row: Readonly<Record<string, unknown>>;
	rows: readonly Readonly<Record<string, unknown>>[];
}

/** Why typed text cannot be stored; the UI shows `editor.cell.<code>` with `params`. */
export type CellProblem =
	| { code: 'required' | 'number' | 'integer' | 'date' | 'option' | 'duplicate' | 'margin' | 'order' }
	| { code: 'min' | 'max'; limit: number };

export interface ColumnSpec {
	/** Key of the row's Y.Map the column edits. */
	key: string;
	/** Column header (already translated). */
	label: string;
	kind: CellKind;
	/** Choices of a `select` column. */
	options?: readonly ColumnOption[];
	/** Inclusive bounds of number cells, in stored units (a percent column's max 1 is 100 %). */
	min?: number;
	max?: number;
	/** An empty cell is a problem instead of a removed key. */
	required?: boolean;
	/** The kind of this column's cell in a given row (a budget amount is a share for percent lines). */
	kindFor?: (row: Readonly<Record<string, unknown>>) => CellKind;
	/** The cell is entry `entry` of a map stored under `key` (a dealer's score for one criterion). */
	entry?: string;
	/** A rule across the row or table, run after the cell's own checks. */
	validate?: (value: unknown, context: CellContext) => CellProblem | null;
	/** Layout hint: narrow for numbers and short codes, wide for free text. */
	width?: 'narrow' | 'normal' | 'wide';
}

export interface CellFormat {
	locale: FormatLocale;
	currency: string;
}

/** A value to store (undefined: delete the key), or the problem to flag. */
export type CellParse = { ok: true; value: unknown } | { ok: false; problem: CellProblem };

const NUMERIC = new Set<CellKind>(['number', 'money', 'percent', 'integer']);

export function isNumericKind(kind: CellKind): boolean {
	return NUMERIC.has(kind);
}

/** The cell's kind in `row` (see {@link ColumnSpec.kindFor}). */
export function cellKind(column: ColumnSpec, row: Readonly<Record<string, unknown>>): CellKind {
	return column.kindFor ? column.kindFor(row) : column.kind;
}

/** The stored value of a column in a snapshot row (nested entries included). */
export function cellValue(column: ColumnSpec, row: Readonly<Record<string, unknown>>): unknown {
	const value = row[column.key];
	if (column.entry === undefined) return value;
	return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[column.entry] : undefined;
}

/** Splits a list cell ("t1, t2；t3") into its items. */
export function splitList(text: string): string[] {
	return text
		.split(/[,，;；、\s]+/)
		.map((s) => s.trim())
		.filter((s) => s !== '');
}

function parseNumeric(column: ColumnSpec, kind: CellKind, text: string, locale: FormatLocale): CellParse {
	const parsed = parseNumberInput(text, { locale });
	if (!parsed.ok) {
		if (parsed.reason === 'empty') return column.required ? { ok: false, problem: { code: 'required' } } : { ok: true, value: undefined };
		return { ok: false, problem: { code: 'number' } };
	}
	const { value } = parsed;
	if (kind === 'integer' && !Number.isInteger(value)) return { ok: false, problem: { code: 'integer' } };
	if (column.min !== undefined && value < column.min) return { ok: false, problem: { code: 'min', limit: column.min } };
	if (column.max !== undefined && value > column.max) return { ok: false, problem: { code: 'max', limit: column.max } };
	return { ok: true, value };
}

/**
 * Reads typed text as the column's value in a row. Booleans are not typed (a checkbox), so they
 * parse "true"/"false" only for completeness.
 */
export function parseCell(column: ColumnSpec, text: string, context: CellContext, locale: FormatLocale): CellParse {
	const kind = cellKind(column, context.row);
	const trimmed = text.trim();
	let result: CellParse;
	if (isNumericKind(kind)) result = parseNumeric(column, kind, text, locale);
	else if (kind === 'list') {
		const items = splitList(text);
		result = items.length === 0 && column.required ? { ok: false, problem: { code: 'required' } } : { ok: true, value: items };
	} else if (trimmed === '') {
		result = column.required ? { ok: false, problem: { code: 'required' } } : { ok: true, value: undefined };
	} else if (kind === 'date') {
		result = isIsoDate(trimmed) ? { ok: true, value: trimmed } : { ok: false, problem: { code: 'date' } };
	} else if (kind === 'select') {
		result = column.options?.some((o) => o.value === trimmed) ? { ok: true, value: trimmed } : { ok: false, problem: { code: 'option' } };
	} else if (kind === 'boolean') {
		result = trimmed === 'true' || trimmed === 'false' ? { ok: true, value: trimmed === 'true' } : { ok: false, problem: { code: 'option' } };
	} else {
		// Free text is stored as typed: trimming on every keystroke would eat the space being typed.
		result = { ok: true, value: text };
	}
	if (result.ok && column.validate) {
		const problem = column.validate(result.value, context);
		if (problem) return { ok: false, problem };
	}
	return result;
}

/** Text to edit a stored value: plain digits (no grouping), percentages as "12%", lists joined. */
export function editText(kind: CellKind, value: unknown): string {
	if (value === undefined || value === null) return '';
	if (kind === 'percent' && typeof value === 'number') return `${Number((value * 100).toPrecision(12))}%`;
	if (Array.isArray(value)) return value.join(', ');
	return String(value);
}

/** Text shown for a stored value when the cell is not being edited (Intl, in the plan's locale). */
export function displayText(kind: CellKind, value: unknown, format: CellFormat, options?: readonly ColumnOption[]): string {
	if (value === undefined || value === null) return '';
	if (typeof value === 'number' && isNumericKind(kind)) {
		const style = kind === 'integer' ? 'integer' : kind === 'money' ? 'money' : kind === 'percent' ? 'percent' : 'number';
		return formatNumber(value, { locale: format.locale, style, currency: format.currency });
	}
	if (kind === 'select') return options?.find((o) => o.value === value)?.label ?? String(value);
	return editText(kind, value);
}

/**
 * What the live model reads from a plan's Y.Doc, read leniently: while people type, tables hold
 * half-filled rows (a new budget line without an amount, a month being retyped) and variables
 * without names. Such rows are skipped, so the figures never break on a row in progress; the table
 * editors flag them in place. Each row is checked with the plan file's own schema, so a row counts
 * exactly when it would be valid in an exported file.
 */
import type * as Y from 'yjs';
import { isReservedName } from '../domain/model/plan-inputs';
import type { BudgetLine, Campaign, FinanceData, PriceTier } from '../domain/finance/types';
import { budgetLineSchema, campaignSchema, priceTierSchema } from '../domain/plan/schema-data';
import { MAX_VARIABLE_NAME_LENGTH, VARIABLE_NAME_PATTERN } from '../domain/plan/schema-primitives';
import { LOCALES } from '../domain/plan/sections';
import type { Locale } from '../domain/plan/types';
import { readObjectRows, readValueRows } from './schema/datasets';
import { rowId, type YRow, type YRows } from './schema/roots';

/** A variable as the model and the reference picker see it. */
export interface VariableEntry {
	id: string;
	name: string;
	expr: string;
	/** The label, or the name when there is none. */
	label: string;
	/** The unit as written (`CNY`, `%`, `件`), or '' when there is none. */
	unit: string;
}

function isUsableName(name: unknown): name is string {
	return typeof name === 'string' && name.length <= MAX_VARIABLE_NAME_LENGTH && VARIABLE_NAME_PATTERN.test(name);
}

/**
 * The variables that can enter the engine, in doc order: a valid name and a string expression;
 * the first of two rows with one name wins; finance output names are left out (the variables
 * editor reports them).
 */
export function readVariableEntries(variables: YRows): VariableEntry[] {
	const seen = new Set<string>();
	const out: VariableEntry[] = [];
	for (const row of variables.toArray() as YRow[]) {
		const name = row.get('name');
		const expr = row.get('expr');
		if (!isUsableName(name) || typeof expr !== 'string' || seen.has(name) || isReservedName(name)) continue;
		seen.add(name);
		const label = row.get('label');
		const unit = row.get('unit');
		out.push({
			id: rowId(row),
			name,
			expr,
			label: typeof label === 'string' && label.trim() !== '' ? label : name,
			unit: typeof unit === 'string' ? unit : ''
		});
	}
	return out;
}

function validRows<T>(raw: unknown, parse: (row: unknown) => { success: true; data: T } | { success: false }): T[] {
	const out: T[] = [];
	for (const fields of readObjectRows(raw)) {
		const result = parse(fields);
		if (result.success) out.push(result.data);
	}
	return out;
}

/** The finance model's data: valid rows of the price chain, budget and campaigns; seasonality. */
export function readFinanceData(data: Y.Map<unknown>): FinanceData {
	const priceChain: PriceTier[] = validRows(data.get('priceChain'), (r) => priceTierSchema.safeParse(r));
	const budget: BudgetLine[] = validRows(data.get('budget'), (r) => budgetLineSchema.safeParse(r));
	const campaigns: Campaign[] = validRows(data.get('campaigns'), (r) => campaignSchema.safeParse(r));
	const out: FinanceData = { priceChain, budget, campaigns };
	if (data.has('seasonality')) {
		// Kept as given (an unusable list makes the monthly plan fall back to 1/12 and say so),
		// but a cell being typed must not turn into NaN.
		const shares = readValueRows(data.get('seasonality')).filter(
			(v): v is number => typeof v === 'number' && Number.isFinite(v)
		);
		return { ...out, seasonality: shares };
	}
	return out;
}

/** The plan's title and display settings. */
export interface PlanMetaView {
	title: string;
	locale: Locale;
	currency: string;
	year: number;
}

/** The plan's meta; `fallback` fills what is missing or invalid (a doc that is still loading). */
export function readPlanMeta(meta: Y.Map<unknown>, fallback: PlanMetaView): PlanMetaView {
	const title = meta.get('title');
	const locale = meta.get('locale');
	const currency = meta.get('currency');
	const year = meta.get('year');
	return {
		title: typeof title === 'string' ? title : fallback.title,
		locale: (LOCALES as readonly unknown[]).includes(locale) ? (locale as Locale) : fallback.locale,
		currency: typeof currency === 'string' && /^[A-Z]{3}$/.test(currency) ? currency : fallback.currency,
		year: typeof year === 'number' && Number.isInteger(year) ? year : fallback.year
	};
}

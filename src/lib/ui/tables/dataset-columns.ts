/**
 * The columns of every list data set of DESIGN §3, with the file schema's constraints
 * (schema-data.ts) so a table can never write a value the plan parser would refuse, and the row a
 * new line starts with (every key the schema requires, so the plan stays valid from the first
 * keystroke).
 */
import type { Locale } from '$lib/i18n';
import type { RowListSet } from '$lib/collab/schema/datasets';
import { KPI_FREQUENCIES } from '$lib/domain/plan/schema-data';
import { SECTION_KINDS, SECTION_TITLES } from '$lib/domain/plan/sections';
import type { Translate } from '../shared/translate-fn';
import type { CellContext, CellProblem, ColumnSpec } from './column-spec';


export interface DataSetTable {
	columns: ColumnSpec[];
	/** Fields of a new row, given the rows already there (e.g. for a unique schedule id). */
	newRow(rows: readonly Readonly<Record<string, unknown>>[]): Record<string, unknown>;
}

/** Tolerance of "sums to 1" for seasonality and dealer weights (DESIGN §5.9). */
export const SHARE_SUM_TOLERANCE = 0.001;

/** Sum of the numeric `key` over rows (non-numbers count as 0). */
export function sumOf(rows: readonly Readonly<Record<string, unknown>>[], key: string): number {
	return rows.reduce((total, row) => total + (typeof row[key] === 'number' ? (row[key] as number) : 0), 0);
}

/** Whether shares add up to 1 within {@link SHARE_SUM_TOLERANCE}. */
export function sumsToOne(total: number): boolean {
	return Math.abs(total - 1) <= SHARE_SUM_TOLERANCE;
}

/** A margin of 100 % or more would make the tier's purchase price zero or negative (schema). */
function marginBelowOne(value: unknown, { row }: CellContext): CellProblem | null {
	return row.basis === 'margin' && typeof value === 'number' && value >= 1 ? { code: 'margin' } : null;
}

/** Schedule ids are what `dependsOn` points at, so they must be unique. */
function uniqueId(value: unknown, { row, rows }: CellContext): CellProblem | null {
	return rows.some((r) => r !== row && r.id === value) ? { code: 'duplicate' } : null;
}

/** The first `t1`, `t2`, … not used as a schedule id. */
export function nextScheduleId(rows: readonly Readonly<Record<string, unknown>>[]): string {
	const used = new Set(rows.map((r) => r.id));
	let n = rows.length + 1;
	while (used.has(`t${n}`)) n++;
	return `t${n}`;
}

const month = { kind: 'integer', min: 1, max: 12, width: 'narrow' } as const;

/** The UI language: its message lookup and its locale (for section titles, which the domain holds). */
export interface TableI18n {
	t: Translate;
	locale: Locale;
}

/** Table definition of a list data set, with labels in the UI's language. */
export function dataSetTable(name: RowListSet, { t, locale }: TableI18n): DataSetTable {
	switch (name) {
		case 'objectives':
			return {
				columns: [
					{ key: 'metric', label: t('editor.col.metric'), kind: 'text', width: 'wide' },
					{ key: 'target', label: t('editor.col.target'), kind: 'number' },
					{ key: 'unit', label: t('editor.col.unit'), kind: 'text', width: 'narrow' },
					{ key: 'deadline', label: t('editor.col.deadline'), kind: 'date' },
					{ key: 'baseline', label: t('editor.col.baseline'), kind: 'number' }
				],
				newRow: () => ({ metric: '' })
			};
		case 'segments':
			return {
				columns: [
					{ key: 'name', label: t('editor.col.name'), kind: 'text', required: true, width: 'wide' },
					{ key: 'size', label: t('editor.col.size'), kind: 'number', min: 0 },
					{ key: 'target', label: t('editor.col.targeted'), kind: 'boolean', width: 'narrow' }
				],
				newRow: () => ({ name: '' })
			};
		case 'priceChain':
			return {
				columns: [
					{ key: 'tier', label: t('editor.col.tier'), kind: 'text', required: true, width: 'wide' },
					{ key: 'rate', label: t('editor.col.rate'), kind: 'percent', min: 0, required: true, validate: marginBelowOne },
					{
						key: 'basis',
						label: t('editor.col.basis'),
						kind: 'select',
						required: true,
						options: [
							{ value: 'markup', label: t('editor.option.markup') },
							{ value: 'margin', label: t('editor.option.margin') }
						]
					},
					{ key: 'minRate', label: t('editor.col.minRate'), kind: 'percent', min: 0, validate: marginBelowOne },
					{ key: 'rebate', label: t('editor.col.rebate'), kind: 'percent', min: 0, max: 1 }
				],
				newRow: () => ({ tier: '', rate: 0, basis: 'markup' })
			};
		case 'competitors':
			return {
				columns: [
					{ key: 'name', label: t('editor.col.name'), kind: 'text', required: true, width: 'wide' },
					{ key: 'price', label: t('editor.col.price'), kind: 'money', required: true }
				],
				newRow: () => ({ name: '', price: 0 })
			};
		case 'budget':
			return {
				columns: [
					{ key: 'name', label: t('editor.col.name'), kind: 'text', required: true, width: 'wide' },
					{ key: 'category', label: t('editor.col.category'), kind: 'text', required: true },
					{
						key: 'kind',
						label: t('editor.col.costKind'),
						kind: 'select',
						required: true,
						options: [
							{ value: 'fixed', label: t('editor.option.fixed') },
							{ value: 'per_unit', label: t('editor.option.perUnit') },
							{ value: 'percent_of_revenue', label: t('editor.option.percentOfRevenue') }
						]
					},
					{
						key: 'amount',
						label: t('editor.col.amount'),
						kind: 'money',
						required: true,
						// A percent_of_revenue line's amount is a share of revenue (DESIGN §3), not money.
						kindFor: (row) => (row.kind === 'percent_of_revenue' ? 'percent' : 'money')
					},
					{ key: 'month', label: t('editor.col.month'), ...month }
				],
				newRow: () => ({ name: '', category: '', kind: 'fixed', amount: 0 })
			};
		case 'campaigns':
			return {
				columns: [
					{ key: 'name', label: t('editor.col.name'), kind: 'text', required: true, width: 'wide' },
					{ key: 'cost', label: t('editor.col.cost'), kind: 'money', required: true },
					{ key: 'month', label: t('editor.col.month'), ...month },
					{ key: 'liftUnits', label: t('editor.col.liftUnits'), kind: 'number', required: true }
				],
				newRow: () => ({ name: '', cost: 0, liftUnits: 0 })
			};
		case 'schedule':
			return {
				columns: [
					{ key: 'id', label: t('editor.col.id'), kind: 'text', required: true, validate: uniqueId, width: 'narrow' },
					{ key: 'task', label: t('editor.col.task'), kind: 'text', width: 'wide' },
					{ key: 'owner', label: t('editor.col.owner'), kind: 'text' },
					{ key: 'start', label: t('editor.col.start'), kind: 'date' },
					{ key: 'end', label: t('editor.col.end'), kind: 'date' },
					{
						key: 'section',
						label: t('editor.col.section'),
						kind: 'select',
						options: SECTION_KINDS.map((kind) => ({ value: kind, label: SECTION_TITLES[locale][kind] }))
					},
					{ key: 'dependsOn', label: t('editor.col.dependsOn'), kind: 'list' }
				],
				newRow: (rows) => ({ id: nextScheduleId(rows), dependsOn: [] })
			};
		case 'accounts':
			return {
				columns: [
					{ key: 'name', label: t('editor.col.name'), kind: 'text', required: true, width: 'wide' },
					{ key: 'value', label: t('editor.col.accountValue'), kind: 'money', required: true, min: 0 }
				],
				newRow: () => ({ name: '', value: 0 })
			};
		case 'funnel':
			return {
				columns: [
					{ key: 'stage', label: t('editor.col.stage'), kind: 'text', required: true, width: 'wide' },
					{ key: 'value', label: t('editor.col.stageValue'), kind: 'money', required: true },
					{ key: 'conversion', label: t('editor.col.conversion'), kind: 'percent', required: true, min: 0, max: 1 },
					{ key: 'months', label: t('editor.col.months'), kind: 'number', required: true, min: 0, width: 'narrow' }
				],
				newRow: () => ({ stage: '', value: 0, conversion: 1, months: 0 })
			};
		case 'kpis':
			return {
				columns: [
					{ key: 'name', label: t('editor.col.name'), kind: 'text', required: true, width: 'wide' },
					{ key: 'metric', label: t('editor.col.metric'), kind: 'text' },
					{ key: 'target', label: t('editor.col.target'), kind: 'number' },
					{
						key: 'frequency',
						label: t('editor.col.frequency'),
						kind: 'select',
						options: KPI_FREQUENCIES.map((f) => ({ value: f, label: t(`editor.option.${f}`) }))
					},
					{ key: 'owner', label: t('editor.col.owner'), kind: 'text' }
				],
				newRow: () => ({ name: '' })
			};
	}
}


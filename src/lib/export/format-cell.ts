/**
 * A report cell as text in documents (Markdown, DOCX, print): numbers in the plan's locale and
 * currency, large figures in 万/亿 for zh-CN plans, as the editor shows them.
 */
import { formatNumber, NO_VALUE } from '../domain/format/format-number';
import type { CellKind, PlanReport, ReportCell, ReportTable } from './plan-report';

/** The kind of one cell: its column's, unless the table overrides it for that row. */
export function cellKind(table: ReportTable, row: number, col: number): CellKind {
	return table.cellKinds?.[`${row}:${col}`] ?? table.columns[col]?.kind ?? 'text';
}

export function formatCell(value: ReportCell, kind: CellKind, report: Pick<PlanReport, 'locale' | 'currency'>): string {
	if (value === null) return '';
	if (typeof value === 'string') return value;
	if (!Number.isFinite(value)) return NO_VALUE;
	const style = kind === 'text' ? 'number' : kind;
	return formatNumber(value, { locale: report.locale, style, currency: report.currency, compact: style !== 'percent' });
}

/** Every cell of a table as display text, row by row. */
export function tableText(table: ReportTable, report: Pick<PlanReport, 'locale' | 'currency'>): string[][] {
	return table.rows.map((cells, row) => cells.map((cell, col) => formatCell(cell, cellKind(table, row, col), report)));
}

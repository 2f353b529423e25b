/**
 * The plan as an Excel workbook: a summary sheet (title, key figures), one sheet per data set, the
 * scenario grid, the monthly P&L and the variables with their values. Cells keep full-precision
 * numbers; money is formatted in the plan's currency, shares as percentages.
 */
import { translate } from '../i18n';
import { cellKind } from './format-cell';
import type { CellKind, PlanReport, ReportTable } from './plan-report';
import { writeXlsx, type XlsxCell, type XlsxFormat, type XlsxSheet } from './xlsx-writer';

const FORMAT: Record<CellKind, XlsxFormat> = { text: 'general', number: 'general', integer: 'integer', money: 'money', percent: 'percent' };

function tableRows(table: ReportTable): XlsxCell[][] {
	return [
		table.columns.map((c) => ({ value: c.label, bold: true })),
		...table.rows.map((cells, row) => cells.map((value, col) => ({ value, format: FORMAT[cellKind(table, row, col)] })))
	];
}

function tableSheet(table: ReportTable): XlsxSheet {
	return { name: table.title, rows: [[{ value: table.title, bold: true }], ...tableRows(table)], frozenRows: 2 };
}

export function renderXlsx(report: PlanReport): Uint8Array {
	const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate(report.locale, key, params);
	const summary: XlsxCell[][] = [
		[{ value: report.title, bold: true }],
		[{ value: t('export.cover', { year: report.year }) }],
		[{ value: t('export.currency', { currency: report.currency }) }]
	];
	if (report.keyFigures) summary.push([], ...tableRows(report.keyFigures));
	if (report.problems.length > 0) summary.push([], [{ value: t('export.problems'), bold: true }], ...report.problems.map((p) => [{ value: p }]));
	const sheets: XlsxSheet[] = [{ name: report.keyFigures?.title ?? report.title, rows: summary }];
	for (const section of report.sections) for (const table of section.tables) sheets.push(tableSheet(table));
	if (report.scenarios) sheets.push(tableSheet(report.scenarios));
	if (report.monthly) sheets.push(tableSheet(report.monthly));
	sheets.push(tableSheet(report.variables));
	return writeXlsx(sheets, { currency: report.currency, title: report.title });
}

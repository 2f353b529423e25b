/**
 * A plan as people read it outside planbook: what every export format (Markdown, DOCX, XLSX) and
 * the print view render, built once from the plan file and the domain's `simulate` report so the
 * CLI, the server and the browser write the same content. Labels are in the plan's language.
 *
 * Cells hold raw values (numbers unrounded); each renderer formats them for its medium: text with
 * 万/亿 in zh-CN for documents, number formats in the plan's currency for spreadsheets.
 */
import { FIGURE_STYLES, formatFigure, formatVariableValue } from '../domain/format/format-figure';
import { parseBlocks, type MarkdownBlock } from '../domain/plan/markdown';
import { DATA_SET_HOME, SECTION_KINDS, SECTION_TITLES } from '../domain/plan/sections';
import type { DataSetName, Plan, SectionKind } from '../domain/plan/types';
import { simulatePlan, type SimulateReport } from '../domain/model/report';
import { FINANCE_OUTPUT_NAMES, type FinanceOutputName } from '../domain/finance/types';
import { translate, type MessageKey } from '../i18n';
import { dataSetTables } from './dataset-tables';

/** How a column's values read: money in the plan's currency, percent as a fraction × 100, … */
export type CellKind = 'text' | 'number' | 'integer' | 'money' | 'percent';
export type ReportCell = string | number | null;

export interface ReportColumn {
	label: string;
	kind: CellKind;
}

export interface ReportTable {
	/** Stable id (a data-set name, `keyFigures`, `scenarios`, `monthly`, `variables`). */
	id: string;
	title: string;
	columns: ReportColumn[];
	rows: ReportCell[][];
	/** Per-cell kind overrides (a percent-of-revenue budget line's amount), keyed `row:column`. */
	cellKinds?: Record<string, CellKind>;
}

export interface ReportSection {
	kind: SectionKind;
	title: string;
	blocks: MarkdownBlock[];
	tables: ReportTable[];
}

export interface PlanReport {
	title: string;
	locale: Plan['meta']['locale'];
	currency: string;
	year: number;
	/** Key figures (finance outputs of the base plan); absent when the plan cannot be computed. */
	keyFigures: ReportTable | null;
	sections: ReportSection[];
	scenarios: ReportTable | null;
	monthly: ReportTable | null;
	variables: ReportTable;
	/** `{name}` references in prose, already formatted as the editor shows them. */
	references: Record<string, string>;
	/** Why figures are missing (formula errors …), in the plan's language; empty when all computed. */
	problems: string[];
}

/** The finance outputs shown as key figures, in the order a manager reads them. */
export const KEY_FIGURES: readonly FinanceOutputName[] = [
	'net_price',
	'units',
	'revenue',
	'contribution',
	'fixed_total',
	'profit',
	'breakeven_units',
	'margin_of_safety'
];

const FIGURE_KIND: Record<string, CellKind> = { money: 'money', integer: 'integer', percent: 'percent', number: 'number' };

export function buildPlanReport(plan: Plan): PlanReport {
	const locale = plan.meta.locale;
	const t = (key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params);
	const display = { locale, currency: plan.meta.currency };
	const outcome = simulatePlan(plan);
	const report: SimulateReport | null = outcome.ok ? outcome.report : null;
	const problems = outcome.ok ? [] : outcome.problems.map((p) => `${p.path}: ${p.message}`);

	const tables = dataSetTables(plan, t);
	const homeOf = (name: DataSetName): SectionKind => DATA_SET_HOME[name];
	const sections: ReportSection[] = plan.sections.map((section) => ({
		kind: section.kind,
		title: section.title.trim() === '' ? SECTION_TITLES[locale][section.kind] : section.title,
		blocks: parseBlocks(section.text),
		tables: []
	}));
	for (const table of tables) {
		const home = homeOf(table.id as DataSetName);
		const section = sections.find((s) => s.kind === home);
		if (section) section.tables.push(table);
		else {
			// The plan has data but not the section it belongs to: it still goes out, under its own heading.
			sections.push({ kind: home, title: SECTION_TITLES[locale][home], blocks: [], tables: [table] });
		}
	}
	sections.sort((a, b) => (a === b ? 0 : sectionOrder(plan, a) - sectionOrder(plan, b)));

	const references: Record<string, string> = {};
	if (report) {
		for (const v of plan.variables) {
			const value = report.variables[v.name];
			if (value !== undefined) references[v.name] = formatVariableValue(value, v.unit, display);
		}
		for (const name of FINANCE_OUTPUT_NAMES) references[name] = formatFigure(name, report.outputs[name], display);
	}

	return {
		title: plan.meta.title,
		locale,
		currency: plan.meta.currency,
		year: plan.meta.year,
		keyFigures: report ? keyFigures(report, t) : null,
		sections,
		scenarios: report && report.scenarios.length > 0 ? scenarioGrid(report, t) : null,
		monthly: report && report.monthly.length > 0 ? monthlyTable(report, t) : null,
		variables: variablesTable(plan, report, t),
		references,
		problems
	};
}

/** Sections keep the plan's order; data-only sections added above go where the standard puts them. */
function sectionOrder(plan: Plan, section: ReportSection): number {
	const index = plan.sections.findIndex((s) => s.kind === section.kind);
	return index >= 0 ? index : plan.sections.length + SECTION_KINDS.indexOf(section.kind);
}

type T = (key: MessageKey, params?: Record<string, string | number>) => string;

function keyFigures(report: SimulateReport, t: T): ReportTable {
	return {
		id: 'keyFigures',
		title: t('export.keyFigures'),
		columns: [
			{ label: t('cli.figure'), kind: 'text' },
			{ label: t('cli.base'), kind: 'number' }
		],
		rows: KEY_FIGURES.map((name) => [t(`finance.${name}`), report.outputs[name]]),
		cellKinds: Object.fromEntries(KEY_FIGURES.map((name, row) => [`${row}:1`, FIGURE_KIND[FIGURE_STYLES[name]] ?? 'number']))
	};
}

/** Base and every scenario side by side for every finance output, then the payback month. */
function scenarioGrid(report: SimulateReport, t: T): ReportTable {
	const runs = [{ name: t('cli.base'), outputs: report.outputs, payback_month: report.payback_month }, ...report.scenarios];
	const cellKinds: Record<string, CellKind> = {};
	const rows: ReportCell[][] = FINANCE_OUTPUT_NAMES.map((name, row) => {
		runs.forEach((_, i) => (cellKinds[`${row}:${i + 1}`] = FIGURE_KIND[FIGURE_STYLES[name]] ?? 'number'));
		return [t(`finance.${name}`), ...runs.map((r) => r.outputs[name])];
	});
	rows.push([t('export.paybackMonth'), ...runs.map((r) => r.payback_month)]);
	runs.forEach((_, i) => (cellKinds[`${rows.length - 1}:${i + 1}`] = 'integer'));
	return {
		id: 'scenarios',
		title: t('export.scenarios'),
		columns: [{ label: t('cli.figure'), kind: 'text' }, ...runs.map((r) => ({ label: r.name, kind: 'number' as const }))],
		rows,
		cellKinds
	};
}

function monthlyTable(report: SimulateReport, t: T): ReportTable {
	return {
		id: 'monthly',
		title: t('export.monthly'),
		columns: [
			{ label: t('cli.month'), kind: 'integer' },
			{ label: t('finance.units'), kind: 'integer' },
			{ label: t('finance.revenue'), kind: 'money' },
			{ label: t('finance.profit'), kind: 'money' },
			{ label: t('cli.cumulativeProfit'), kind: 'money' }
		],
		rows: report.monthly.map((m) => [m.month, m.units, m.revenue, m.profit, m.cumulative_profit])
	};
}

function variablesTable(plan: Plan, report: SimulateReport | null, t: T): ReportTable {
	return {
		id: 'variables',
		title: t('export.variables'),
		columns: [
			{ label: t('editor.col.name'), kind: 'text' },
			{ label: t('export.col.label'), kind: 'text' },
			{ label: t('export.col.formula'), kind: 'text' },
			{ label: t('export.col.value'), kind: 'number' },
			{ label: t('editor.col.unit'), kind: 'text' },
			{ label: t('export.col.source'), kind: 'text' }
		],
		rows: plan.variables.map((v) => [v.name, v.label ?? null, v.expr, report?.variables[v.name] ?? null, v.unit ?? null, v.source ?? null])
	};
}

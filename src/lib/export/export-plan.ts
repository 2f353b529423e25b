/**
 * One entry point for every export format, used alike by the browser's export menu, the REST API
 * and the CLI: the same plan gives the same file wherever it is exported.
 */
import type { Plan } from '../domain/plan/types';
import type { ChartImage } from './chart-image';
import { renderDocx } from './docx-export';
import { renderMarkdown } from './markdown-export';
import { buildPlanReport } from './plan-report';
import { renderXlsx } from './xlsx-export';

export const EXPORT_FORMATS = ['json', 'md', 'docx', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_TYPES: Readonly<Record<ExportFormat, { mime: string; extension: string }>> = {
	json: { mime: 'application/json; charset=utf-8', extension: 'plan.json' },
	md: { mime: 'text/markdown; charset=utf-8', extension: 'md' },
	docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx' },
	xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx' }
};

export function isExportFormat(value: string): value is ExportFormat {
	return (EXPORT_FORMATS as readonly string[]).includes(value);
}

/** The plan file text: `import(export(plan))` equals the plan. */
export function serializePlan(plan: Plan): string {
	return JSON.stringify(plan, null, 2) + '\n';
}

/** A file name from the plan's title: readable (CJK kept), without characters file systems refuse. */
export function exportFileName(title: string, format: ExportFormat): string {
	const base = title
		.replace(/[\u0000-\u001f\u007f<>:"/\\|?*]+/g, ' ')
		.replace(/\s+/g, ' ')
		.trim()
		.replace(/^\.+/, '')
		.slice(0, 80)
		.trim();
	return `${base || 'plan'}.${EXPORT_TYPES[format].extension}`;
}

/** The plan in `format`; a DOCX made in the browser also carries the charts it drew (`charts`). */
export async function exportPlan(plan: Plan, format: ExportFormat, options: { charts?: readonly ChartImage[] } = {}): Promise<Uint8Array> {
	switch (format) {
		case 'json':
			return new TextEncoder().encode(serializePlan(plan));
		case 'md':
			return new TextEncoder().encode(renderMarkdown(buildPlanReport(plan)));
		case 'docx':
			return renderDocx(buildPlanReport(plan), options.charts ?? []);
		case 'xlsx':
			return renderXlsx(buildPlanReport(plan));
	}
}

/**
 * The plan as a Markdown document (GitHub-flavoured tables). Text a collaborator typed is escaped,
 * never passed through: `<img src=x onerror=…>` comes out as visible text in any Markdown viewer,
 * and a link survives only with a safe http(s)/mailto address.
 */
import { safeHref } from '../domain/format/href';
import { parseInline, type MarkdownBlock } from '../domain/plan/markdown';
import { translate } from '../i18n';
import { tableText } from './format-cell';
import type { PlanReport, ReportTable } from './plan-report';

/** Escapes inline Markdown syntax and HTML: the text reads exactly as typed, and no tag is live. */
function escapeInline(text: string): string {
	return text
		.replace(/[\\`*_[\]|~]/g, (c) => '\\' + c)
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;');
}

/** {@link escapeInline}, and no line may start a heading, list, quote or rule by accident. */
export function escapeMarkdownText(text: string): string {
	return escapeInline(text)
		.replace(/^(\s*)([#+=-])/gm, '$1\\$2')
		.replace(/^(\s*\d+)([.)])/gm, '$1\\$2');
}

function inline(source: string, report: PlanReport): string {
	let out = '';
	for (const piece of parseInline(source)) {
		if ('hardBreak' in piece) out += '  \n';
		else if ('ref' in piece) out += escapeMarkdownText(report.references[piece.ref] ?? `{${piece.ref}}`);
		else {
			let text = escapeMarkdownText(piece.text);
			if (text.trim() === '') {
				out += text;
				continue;
			}
			const m = piece.marks;
			if (m.code) text = '`' + piece.text.replace(/`/g, "'") + '`';
			if (m.italic) text = `*${text}*`;
			if (m.bold) text = `**${text}**`;
			const href = m.link ? safeHref(String(m.link.href ?? '')) : null;
			if (href) text = `[${text}](<${href.replace(/[<>\s]/g, encodeURIComponent)}>)`;
			out += text;
		}
	}
	return out;
}

function block(b: MarkdownBlock, report: PlanReport): string {
	switch (b.kind) {
		case 'heading':
			// Section headings are level 2; the section's own headings nest below them.
			return '#'.repeat(Math.min(6, b.level + 2)) + ' ' + inline(b.text, report);
		case 'paragraph':
			return inline(b.text, report);
		case 'blockquote':
			return inline(b.text, report)
				.split('\n')
				.map((line) => '> ' + line)
				.join('\n');
		case 'bulletList':
			return b.items.map((item) => '- ' + inline(item, report).replace(/\n/g, '\n  ')).join('\n');
		case 'orderedList':
			return b.items.map((item, i) => `${i + 1}. ` + inline(item, report).replace(/\n/g, '\n   ')).join('\n');
	}
}

/** A table cell or a one-line label. */
const cell = (text: string) => escapeInline(text).replace(/\r?\n/g, ' ') || ' ';

export function markdownTable(table: ReportTable, report: PlanReport, level = 3): string {
	const lines = [`${'#'.repeat(level)} ${cell(table.title)}`, ''];
	const header = table.columns.map((c) => cell(c.label));
	lines.push(`| ${header.join(' | ')} |`);
	lines.push(`| ${table.columns.map((c) => (c.kind === 'text' ? '---' : '---:')).join(' | ')} |`);
	for (const row of tableText(table, report)) lines.push(`| ${row.map(cell).join(' | ')} |`);
	return lines.join('\n');
}

export function renderMarkdown(report: PlanReport): string {
	const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate(report.locale, key, params);
	const parts: string[] = [`# ${cell(report.title)}`, `${cell(t('export.cover', { year: report.year }))} · ${cell(t('export.currency', { currency: report.currency }))}`];
	if (report.problems.length > 0) {
		parts.push(`> ${cell(t('export.problems'))}\n` + report.problems.map((p) => `> - ${cell(p)}`).join('\n'));
	}
	const outline = report.sections.map((s, i) => `${i + 1}. ${cell(s.title)}`);
	parts.push(`## ${cell(t('export.contents'))}`, outline.join('\n'));
	if (report.keyFigures) parts.push(markdownTable(report.keyFigures, report, 2));
	report.sections.forEach((section, i) => {
		parts.push(`## ${i + 1}. ${cell(section.title)}`);
		for (const b of section.blocks) parts.push(block(b, report));
		for (const table of section.tables) parts.push(markdownTable(table, report));
	});
	if (report.scenarios) parts.push(markdownTable(report.scenarios, report, 2));
	if (report.monthly) parts.push(markdownTable(report.monthly, report, 2));
	if (report.variables.rows.length > 0) parts.push(markdownTable(report.variables, report, 2));
	return parts.join('\n\n') + '\n';
}

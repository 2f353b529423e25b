/**
 * The plan as a Word document: a cover, the key figures, each section under its own heading
 * (starting a new page) with its text and its data sets as tables, then the scenario comparison,
 * the monthly P&L and the variables. Chinese text uses CJK fonts (Microsoft YaHei, falling back to
 * the reader's East Asian font) with the document language set, so Word picks proper glyphs.
 */
import {
	AlignmentType,
	Document,
	ExternalHyperlink,
	HeadingLevel,
	ImageRun,
	LevelFormat,
	Packer,
	Paragraph,
	Table,
	TableCell,
	TableRow,
	TextRun,
	WidthType,
	type ParagraphChild
} from 'docx';
import { safeHref } from '../domain/format/href';
import { parseInline, type MarkdownBlock } from '../domain/plan/markdown';
import { translate } from '../i18n';
import { tableText } from './format-cell';
import type { ChartImage } from './chart-image';
import type { PlanReport, ReportTable } from './plan-report';
import { stripInvalidXml } from './xml-chars';

const LATIN_FONT = 'Calibri';
const CJK_FONT = 'Microsoft YaHei';
const CODE_FONT = 'Consolas';
const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4] as const;

const text = (value: string) => stripInvalidXml(value);

function runs(source: string, report: PlanReport): ParagraphChild[] {
	const out: ParagraphChild[] = [];
	for (const piece of parseInline(source)) {
		if ('hardBreak' in piece) out.push(new TextRun({ break: 1 }));
		else if ('ref' in piece) out.push(new TextRun({ text: text(report.references[piece.ref] ?? `{${piece.ref}}`), bold: true }));
		else {
			const m = piece.marks;
			const run = new TextRun({
				text: text(piece.text),
				bold: Boolean(m.bold),
				italics: Boolean(m.italic),
				...(m.code ? { font: { ascii: CODE_FONT, hAnsi: CODE_FONT, eastAsia: CJK_FONT } } : {}),
				...(m.link ? { style: 'Hyperlink' } : {})
			});
			const href = m.link ? safeHref(String(m.link.href ?? '')) : null;
			out.push(href ? new ExternalHyperlink({ link: href, children: [run] }) : run);
		}
	}
	return out;
}

function blockParagraphs(block: MarkdownBlock, report: PlanReport, listInstance: () => number): Paragraph[] {
	switch (block.kind) {
		case 'heading':
			return [new Paragraph({ heading: HEADINGS[Math.min(3, block.level)], children: runs(block.text, report) })];
		case 'paragraph':
			return [new Paragraph({ children: runs(block.text, report) })];
		case 'blockquote':
			return [new Paragraph({ style: 'Quote', indent: { left: 720 }, children: runs(block.text, report) })];
		case 'bulletList':
			return block.items.map((item) => new Paragraph({ numbering: { reference: 'bullets', level: 0 }, children: runs(item, report) }));
		case 'orderedList': {
			// Each list counts from 1 again.
			const instance = listInstance();
			return block.items.map((item) => new Paragraph({ numbering: { reference: 'numbers', level: 0, instance }, children: runs(item, report) }));
		}
	}
}

function table(t: ReportTable, report: PlanReport): (Paragraph | Table)[] {
	const body = tableText(t, report);
	const align = (col: number) => (t.columns[col]?.kind === 'text' ? AlignmentType.LEFT : AlignmentType.RIGHT);
	const cell = (value: string, col: number, bold: boolean) =>
		new TableCell({
			children: [new Paragraph({ alignment: align(col), children: [new TextRun({ text: text(value), bold })] })]
		});
	const rows = [
		new TableRow({ tableHeader: true, cantSplit: true, children: t.columns.map((c, i) => cell(c.label, i, true)) }),
		...body.map((row) => new TableRow({ cantSplit: true, children: row.map((value, i) => cell(value, i, false)) }))
	];
	return [
		new Paragraph({ heading: HeadingLevel.HEADING_3, keepNext: true, children: [new TextRun(text(t.title))] }),
		new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows }),
		new Paragraph({ children: [] })
	];
}

/** Width of a chart on the page, in pixels at 96 dpi (the text width of A4 with default margins). */
const CHART_WIDTH = 600;

function chartParagraphs(image: ChartImage): Paragraph[] {
	const height = Math.round((CHART_WIDTH * image.height) / Math.max(1, image.width));
	return [
		new Paragraph({ heading: HeadingLevel.HEADING_3, keepNext: true, children: [new TextRun(text(image.title))] }),
		new Paragraph({
			children: [new ImageRun({ type: 'png', data: image.png, transformation: { width: CHART_WIDTH, height }, altText: { name: text(image.title), description: text(image.title), title: text(image.title) } })]
		})
	];
}

/** The document; `charts` are images the browser drew (the server and CLI have none). */
export function buildDocx(report: PlanReport, charts: readonly ChartImage[] = []): Document {
	const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate(report.locale, key, params);
	let lists = 0;
	const listInstance = () => ++lists;
	const children: (Paragraph | Table)[] = [
		new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(text(report.title))] }),
		new Paragraph({ children: [new TextRun({ text: text(t('export.cover', { year: report.year })), size: 28 })] }),
		new Paragraph({ children: [new TextRun(text(t('export.currency', { currency: report.currency })))] })
	];
	if (report.problems.length > 0) {
		children.push(new Paragraph({ children: [new TextRun({ text: text(t('export.problems')), bold: true })] }));
		for (const p of report.problems) children.push(new Paragraph({ numbering: { reference: 'bullets', level: 0 }, children: [new TextRun(text(p))] }));
	}
	children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(text(t('export.contents')))] }));
	report.sections.forEach((s, i) => children.push(new Paragraph({ children: [new TextRun(text(`${i + 1}. ${s.title}`))] })));
	if (report.keyFigures) children.push(...table(report.keyFigures, report));

	report.sections.forEach((section, i) => {
		children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: [new TextRun(text(`${i + 1}. ${section.title}`))] }));
		for (const block of section.blocks) children.push(...blockParagraphs(block, report, listInstance));
		for (const data of section.tables) children.push(...table(data, report));
	});

	const appendix = [report.scenarios, report.monthly, report.variables.rows.length > 0 ? report.variables : null].filter((x): x is ReportTable => x !== null);
	if (appendix.length > 0 || charts.length > 0) {
		children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: [new TextRun(text(t('export.appendix')))] }));
		for (const data of appendix) children.push(...table(data, report));
		for (const chart of charts) children.push(...chartParagraphs(chart));
	}

	const language = report.locale === 'zh-CN' ? { value: 'zh-CN', eastAsia: 'zh-CN' } : { value: 'en-US', eastAsia: 'zh-CN' };
	return new Document({
		creator: 'planbook',
		title: text(report.title),
		styles: {
			default: {
				document: { run: { font: { ascii: LATIN_FONT, hAnsi: LATIN_FONT, eastAsia: CJK_FONT, cs: LATIN_FONT }, size: 22, language } }
			}
		},
		numbering: {
			config: [
				{ reference: 'bullets', levels: [{ level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 720, hanging: 360 } } } }] },
				{ reference: 'numbers', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 720, hanging: 360 } } } }] }
			]
		},
		sections: [{ children }]
	});
}

export async function renderDocx(report: PlanReport, charts: readonly ChartImage[] = []): Promise<Uint8Array> {
	return new Uint8Array(await Packer.toArrayBuffer(buildDocx(report, charts)));
}

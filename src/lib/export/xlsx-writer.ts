/**
 * A small SpreadsheetML (XLSX) writer: sheets of typed cells with number formats, a bold header
 * row, frozen panes and fitted column widths. Enough for planbook's tables, with no dependency
 * beyond a zip encoder, so the same bytes come out of the browser, the server and the CLI.
 */
import { strToU8, zipSync } from 'fflate';
import { xmlText } from './xml-chars';

/** How a cell's number is shown; text cells ignore it. */
export type XlsxFormat = 'general' | 'money' | 'percent' | 'integer';
export type XlsxCell = { value: string | number | null; format?: XlsxFormat; bold?: boolean };

export interface XlsxSheet {
	name: string;
	rows: XlsxCell[][];
	/** Rows kept in view while scrolling (the title and header rows). */
	frozenRows?: number;
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
	let name = '';
	for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
	return name;
}

/** Sheet names: at most 31 characters, none of : \ / ? * [ ], unique within the workbook. */
export function sheetNames(wanted: readonly string[]): string[] {
	const used = new Set<string>();
	return wanted.map((raw, i) => {
		const base = (raw.replace(/[:\\/?*[\]\u0000-\u001f]/g, ' ').replace(/^'+|'+$/g, '').trim() || `Sheet${i + 1}`).slice(0, 31);
		let name = base;
		for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - String(n).length - 1)} ${n}`;
		used.add(name.toLowerCase());
		return name;
	});
}

/** Excel number format of the plan's money: the currency's symbol where one is well known. */
export function moneyFormatCode(currency: string): string {
	const symbols: Record<string, string> = { CNY: '¥', JPY: '¥', USD: '$', EUR: '€', GBP: '£', HKD: 'HK$' };
	const symbol = symbols[currency];
	const body = '#,##0.00';
	return symbol ? `"${symbol}"${body};-"${symbol}"${body}` : `${body} "${currency}";-${body} "${currency}"`;
}

/** Number format ids of cellXfs 0–3 (general, money, percent, integer); 4–7 are the same in bold. */
const NUM_FMTS = [0, 164, 165, 3];
const STYLE_INDEX: Record<XlsxFormat, number> = { general: 0, money: 1, percent: 2, integer: 3 };
const BOLD_OFFSET = NUM_FMTS.length;

function styles(currency: string): string {
	const xf = (numFmt: number, font: number) =>
		`<xf numFmtId="${numFmt}" fontId="${font}" fillId="0" borderId="0" xfId="0"${numFmt ? ' applyNumberFormat="1"' : ''}${font ? ' applyFont="1"' : ''}/>`;
	return (
		HEAD +
		`<styleSheet xmlns="${MAIN}">` +
		`<numFmts count="2"><numFmt numFmtId="164" formatCode="${xmlText(moneyFormatCode(currency))}"/><numFmt numFmtId="165" formatCode="0.0%"/></numFmts>` +
		'<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
		'<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
		'<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
		'<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
		`<cellXfs count="${NUM_FMTS.length * 2}">${NUM_FMTS.map((f) => xf(f, 0)).join('')}${NUM_FMTS.map((f) => xf(f, 1)).join('')}</cellXfs>` +
		'<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
		'</styleSheet>'
	);
}

/** Display width of text in Excel character units: CJK characters are about two wide. */
function textWidth(text: string): number {
	let width = 0;
	for (const ch of text) width += /[\u1100-\uffff]/.test(ch) ? 2 : 1;
	return width;
}

function cellXml(cell: XlsxCell, ref: string): string {
	const style = STYLE_INDEX[cell.format ?? 'general'] + (cell.bold ? BOLD_OFFSET : 0);
	const s = style ? ` s="${style}"` : '';
	const { value } = cell;
	if (value === null || value === '') return style ? `<c r="${ref}"${s}/>` : '';
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) return `<c r="${ref}"${s} t="inlineStr"><is><t>—</t></is></c>`;
		return `<c r="${ref}"${s}><v>${value}</v></c>`;
	}
	return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${xmlText(value)}</t></is></c>`;
}

function sheetXml(sheet: XlsxSheet): string {
	const widths: number[] = [];
	const rows = sheet.rows.map((cells, r) => {
		const xml = cells
			.map((cell, c) => {
				// Numbers show grouped, with a symbol and cents for money.
				const shown = typeof cell.value === 'number' ? Math.round(cell.value).toLocaleString('en') + (cell.format === 'money' ? '¥.00' : '.0') : (cell.value ?? '');
				// The title row may run across columns; it does not widen the first one.
				if (!(r === 0 && sheet.frozenRows && sheet.frozenRows > 1)) widths[c] = Math.max(widths[c] ?? 8, Math.min(60, textWidth(shown) + 2));
				return cellXml(cell, `${columnName(c)}${r + 1}`);
			})
			.join('');
		return `<row r="${r + 1}">${xml}</row>`;
	});
	const frozen = sheet.frozenRows ?? 0;
	const pane = frozen > 0 ? `<pane ySplit="${frozen}" topLeftCell="A${frozen + 1}" activePane="bottomLeft" state="frozen"/>` : '';
	const cols = widths.length > 0 ? `<cols>${widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>` : '';
	return (
		HEAD +
		`<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews>${cols}` +
		`<sheetData>${rows.join('')}</sheetData></worksheet>`
	);
}

/** The workbook as XLSX bytes. `currency` is the ISO code money cells are shown in. */
export function writeXlsx(sheets: readonly XlsxSheet[], options: { currency: string; title?: string }): Uint8Array {
	const names = sheetNames(sheets.map((s) => s.name));
	const files: Record<string, Uint8Array> = {
		'[Content_Types].xml': strToU8(
			HEAD +
				'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
				'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
				'<Default Extension="xml" ContentType="application/xml"/>' +
				'<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
				'<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
				'<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
				names.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
				'</Types>'
		),
		'_rels/.rels': strToU8(
			HEAD +
				`<Relationships xmlns="${PKG_REL}">` +
				`<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>` +
				'<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
				'</Relationships>'
		),
		'docProps/core.xml': strToU8(
			HEAD +
				'<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">' +
				`<dc:title>${xmlText(options.title ?? '')}</dc:title><dc:creator>planbook</dc:creator></cp:coreProperties>`
		),
		'xl/workbook.xml': strToU8(
			HEAD +
				`<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>` +
				names.map((name, i) => `<sheet name="${xmlText(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
				'</sheets></workbook>'
		),
		'xl/_rels/workbook.xml.rels': strToU8(
			HEAD +
				`<Relationships xmlns="${PKG_REL}">` +
				names.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
				`<Relationship Id="rId${names.length + 1}" Type="${REL}/styles" Target="styles.xml"/>` +
				'</Relationships>'
		),
		'xl/styles.xml': strToU8(styles(options.currency))
	};
	sheets.forEach((sheet, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(sheetXml(sheet))));
	// A fixed timestamp: the same plan gives the same bytes, wherever it is exported.
	return zipSync(files, { level: 6, mtime: new Date('2020-01-01T00:00:00Z') });
}

import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { unzipSync, strFromU8 } from 'fflate';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { docFromPlan, readPlanFromDoc } from '../collab/schema/plan-doc';
import { parsePlanText } from '../domain/plan/parse';
import type { Plan } from '../domain/plan/types';
import { exampleText, EXAMPLE_NAMES } from '../test-data/examples';
import { makePlan } from '../test-data/factories';
import { markdownArb, planArb } from '../test-data/plan-arbitrary';
import { exportFileName, exportPlan, serializePlan } from './export-plan';
import { renderMarkdown } from './markdown-export';
import { buildPlanReport } from './plan-report';

function example(name: string): Plan {
	const parsed = parsePlanText(exampleText(name));
	if (!parsed.ok) throw new Error(name);
	return parsed.plan;
}

async function workbookOf(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
	return workbook;
}

const docxText = async (bytes: Uint8Array) => (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;

const HOSTILE = '<img src=x onerror=alert(1)> <script>alert(2)</script>';

describe('JSON export', () => {
	it('round-trips every generated plan: import(export(plan)) equals plan', () => {
		fc.assert(
			fc.property(planArb, (plan) => {
				const again = parsePlanText(serializePlan(plan));
				expect(again).toEqual({ ok: true, plan });
			}),
			{ numRuns: 200 }
		);
	});

	it('round-trips through the collaborative doc, as an import then an export in the app do', () => {
		fc.assert(
			fc.property(planArb, markdownArb, (plan, text) => {
				// Section text as the editor writes it (the doc keeps the editor's markdown dialect).
				const withText = { ...plan, sections: plan.sections.map((s) => ({ ...s, text })) };
				expect(readPlanFromDoc(docFromPlan(withText))).toEqual({ ok: true, plan: withText });
			}),
			{ numRuns: 100 }
		);
	});

	it('every example exports to exactly its plan', () => {
		for (const name of EXAMPLE_NAMES) expect(parsePlanText(serializePlan(example(name)))).toEqual({ ok: true, plan: example(name) });
	});
});

describe('Markdown export', () => {
	it('has the title, outline, key figures, sections with their tables, scenarios and monthly P&L', () => {
		const md = renderMarkdown(buildPlanReport(example('deep-marketing-ars')));
		expect(md).toMatch(/^# 2027年奉贤区功能饮料区域滚动开发计划\n/);
		expect(md).toContain('## 目录\n\n1. 现状分析\n2. SWOT分析');
		expect(md).toContain('| 利润 | ¥140.1万 |');
		expect(md).toContain('## 6. 价格策略');
		expect(md).toContain('| 经销商A | 5 | 4 | 2 | 4 | 3 | 4.3 | 1 |');
		expect(md).toContain('## 方案对比');
		expect(md).toContain('## 月度损益');
	});

	it('escapes what collaborators typed: no live HTML, no unsafe links, no accidental markup', () => {
		const plan = makePlan({
			sections: [{ kind: 'situation', title: `Title ${HOSTILE}`, text: `${HOSTILE}\n\n[click](javascript:alert(1)) and [ok](https://example.com/a)\n\n# not a | table` }],
			data: { budget: [{ name: HOSTILE, category: 'a|b', kind: 'fixed', amount: 1 }] }
		});
		const md = renderMarkdown(buildPlanReport(plan));
		expect(md).not.toMatch(/<img|<script/i);
		expect(md).toContain('&lt;img src=x onerror=alert(1)&gt;');
		expect(md).not.toContain('javascript:');
		expect(md).toContain('[ok](<https://example.com/a>)');
		expect(md).toContain('| a\\|b |');
	});

	it('shows live references with their values', () => {
		const plan = makePlan({
			variables: { price: '120', unit_cost: '80', fixed_costs: '600000', volume: '20000' },
			sections: [{ kind: 'price', title: 'Price', text: 'We sell at {price}, earning {profit}.' }]
		});
		const md = renderMarkdown(buildPlanReport(plan));
		expect(md).toContain('We sell at 120, earning CN¥200,000.');
	});
});

describe('DOCX export', () => {
	it('holds the section headings, text, tables and figures of the ARS example', async () => {
		const text = await docxText(await exportPlan(example('deep-marketing-ars'), 'docx'));
		for (const expected of ['2027年奉贤区功能饮料区域滚动开发计划', '1. 现状分析', '11. 实施控制与修正', '经销商A', '¥140.1万', '方案对比', '月度损益']) {
			expect(text).toContain(expected);
		}
	});

	it('sets CJK fonts and the document language for Chinese text', async () => {
		const files = unzipSync(await exportPlan(example('deep-marketing-ars'), 'docx'));
		const styles = strFromU8(files['word/styles.xml'] as Uint8Array);
		expect(styles).toMatch(/w:eastAsia="Microsoft YaHei"/);
		expect(styles).toMatch(/w:lang [^>]*w:eastAsia="zh-CN"/);
	});

	it('keeps hostile text as text and drops characters Word cannot read', async () => {
		const plan = makePlan({ sections: [{ kind: 'situation', title: 'S', text: `${HOSTILE}\u0001\u0007 end` }] });
		const bytes = await exportPlan(plan, 'docx');
		const text = await docxText(bytes);
		expect(text).toContain(`${HOSTILE} end`);
		const document = strFromU8(unzipSync(bytes)['word/document.xml'] as Uint8Array);
		expect(document).not.toContain('<img');
		expect(document).toContain('&lt;img');
	});
});

describe('DOCX charts', () => {
	it('places the charts the browser drew, as PNG images with their titles', async () => {
		// A 1×1 PNG.
		const png = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));
		const bytes = await exportPlan(example('price-scenarios'), 'docx', { charts: [{ title: 'Profit against price', png, width: 800, height: 400 }] });
		const files = unzipSync(bytes);
		expect(Object.keys(files).filter((f) => f.startsWith('word/media/') && f.endsWith('.png'))).toHaveLength(1);
		const html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value;
		expect(html).toContain('Profit against price');
		expect(html).toMatch(/<img [^>]*alt="Profit against price"/);
	});
});

describe('XLSX export', () => {
	it('has a sheet per data set, the scenario grid, the monthly P&L and the variables, with numbers as numbers', async () => {
		const plan = example('deep-marketing-ars');
		const workbook = await workbookOf(await exportPlan(plan, 'xlsx'));
		const names = workbook.worksheets.map((w) => w.name);
		for (const sheet of ['关键指标', 'SWOT', '价格链', '预算', '季节性', '经销商评估', '方案对比', '月度损益', '变量']) expect(names).toContain(sheet);
		const budget = workbook.getWorksheet('预算');
		expect(budget?.getCell('A2').value).toBe('名称');
		expect(budget?.getCell('D3').value).toBe(plan.data.budget?.[0]?.amount);
		expect(budget?.getCell('D3').numFmt).toContain('¥');
		const monthly = workbook.getWorksheet('月度损益');
		expect(typeof monthly?.getCell('C3').value).toBe('number');
		const variables = workbook.getWorksheet('变量');
		const price = variables?.getRows(3, plan.variables.length)?.find((r) => r.getCell(1).value === 'price');
		expect(price?.getCell(4).value).toBe(6);
	});

	it('formats money in the plan currency', async () => {
		const workbook = await workbookOf(await exportPlan(example('breakeven-basic'), 'xlsx'));
		const summary = workbook.worksheets[0];
		const cells: string[] = [];
		summary?.eachRow((row) => row.eachCell((cell) => cells.push(cell.numFmt ?? '')));
		expect(cells.some((f) => f.includes(example('breakeven-basic').meta.currency === 'USD' ? '$' : '¥'))).toBe(true);
	});
});

describe('every format', () => {
	it('renders any generated plan into files their readers open', async () => {
		await fc.assert(
			fc.asyncProperty(planArb, async (plan) => {
				const md = new TextDecoder().decode(await exportPlan(plan, 'md'));
				expect(md).not.toMatch(/<[a-z]/i);
				const workbook = await workbookOf(await exportPlan(plan, 'xlsx'));
				expect(workbook.worksheets.length).toBeGreaterThan(1);
				await docxText(await exportPlan(plan, 'docx'));
			}),
			{ numRuns: 25 }
		);
	});

	it('names files after the plan, without characters file systems refuse', () => {
		expect(exportFileName('2027年 计划: A/B?', 'docx')).toBe('2027年 计划 A B.docx');
		expect(exportFileName('  ', 'xlsx')).toBe('plan.xlsx');
		expect(exportFileName('..hidden', 'md')).toBe('hidden.md');
	});
});

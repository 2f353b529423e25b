import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import type { Page } from '@playwright/test';
import { translate } from '../../src/lib/i18n';
import { expect, saveScreenshot, SCREENSHOT_DIR, test } from './fixtures';

const ARS_PLAN = resolve('src/lib/test-data/examples/deep-marketing-ars.plan.json');
const ARS_TITLE = '2027年奉贤区功能饮料区域滚动开发计划';
const HOSTILE = '<img src=x onerror=alert(1)> 渠道备忘';

/** Picks `format` in the export menu and returns the downloaded file's name and bytes. */
async function download(page: Page, format: string, outDir: string): Promise<{ name: string; bytes: Buffer; path: string }> {
	await page.locator('[data-export-menu]').click();
	const waiting = page.waitForEvent('download');
	await page.locator(`[data-export="${format}"]`).click();
	const file = await waiting;
	const path = resolve(outDir, file.suggestedFilename());
	await file.saveAs(path);
	return { name: file.suggestedFilename(), bytes: readFileSync(path), path };
}

test.describe('export and print', () => {
	test.beforeEach(({ page }) => {
		// Nothing a collaborator typed may ever run.
		page.on('dialog', (dialog) => {
			throw new Error(`unexpected dialog: ${dialog.message()}`);
		});
	});

	test('downloads Word, Excel, Markdown and the plan file of what is on screen; the plan file imports back', async ({ planList, editor, page }, testInfo) => {
		await planList.goto();
		await planList.importFile(ARS_PLAN);
		await editor.ready('Ana');
		await editor.typeInSection('situation', HOSTILE);
		await editor.expectSaved();
		const dir = testInfo.outputPath('downloads');

		const docx = await download(page, 'docx', dir);
		expect(docx.name).toBe(`${ARS_TITLE}.docx`);
		const words = (await mammoth.extractRawText({ buffer: docx.bytes })).value;
		expect(words).toContain(HOSTILE);
		expect(words).toContain('¥140.1万');
		expect(words).toContain('11. 实施控制与修正');
		// The charts the browser drew are in the document as images with their titles.
		const html = (await mammoth.convertToHtml({ buffer: docx.bytes })).value;
		expect(html.match(/<img /g)?.length ?? 0).toBeGreaterThanOrEqual(8);
		expect(html).toContain(translate('zh-CN', 'charts.cvp.title'));

		const xlsx = await download(page, 'xlsx', dir);
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.readFile(xlsx.path);
		expect(workbook.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['关键指标', '预算', '方案对比', '月度损益', '变量']));
		const variables = workbook.getWorksheet('变量');
		const price = variables?.getRows(3, 40)?.find((row) => row.getCell(1).value === 'price');
		expect(price?.getCell(4).value).toBe(6);

		const md = (await download(page, 'md', dir)).bytes.toString('utf8');
		expect(md).toContain(`# ${ARS_TITLE}`);
		expect(md).toContain('&lt;img src=x onerror=alert(1)&gt; 渠道备忘');

		const json = await download(page, 'json', dir);
		expect(json.name).toBe(`${ARS_TITLE}.plan.json`);
		const plan = JSON.parse(json.bytes.toString('utf8')) as { sections: { kind: string; text: string }[] };
		expect(plan.sections.find((s) => s.kind === 'situation')?.text).toContain(HOSTILE);

		// The exported file is a plan file: importing it makes a second plan with the same figures.
		const profit = await editor.figure('profit').textContent();
		await planList.goto();
		await planList.importFile(json.path);
		await editor.ready();
		await expect(editor.figure('profit')).toHaveText(profit ?? '');
		await expect(editor.text('situation')).toContainText(HOSTILE);
	});

	test('the print view shows the plan without editor chrome, one section per page, typed markup as text', async ({ planList, editor, page }, testInfo) => {
		await planList.goto();
		await planList.importFile(ARS_PLAN);
		await editor.ready('Bo');
		await editor.typeInSection('situation', HOSTILE);
		await editor.expectSaved();

		await page.locator('[data-export-menu]').click();
		await page.locator('[data-export="print"]').click();
		const view = page.locator('[data-print-view]');
		await expect(view.getByRole('heading', { level: 1 })).toHaveText(ARS_TITLE);
		await expect(view.locator('section[data-section-kind]')).toHaveCount(11);
		await expect(view.locator('[data-section-kind="situation"]')).toContainText(HOSTILE);
		await expect(view.locator('img')).toHaveCount(0);
		await expect(view.locator('[data-report-table="keyFigures"]')).toContainText('¥140.1万');
		await expect(view.locator('[data-report-table="dealers"]')).toContainText('经销商A');
		await expect(view).toHaveAttribute('lang', 'zh-CN');
		const charts = view.locator('[data-print-charts] [data-chart]');
		await expect(charts).toHaveCount(11);
		for (const chart of await charts.all()) await expect(chart).toHaveAttribute('data-chart-ready', 'true');

		await page.emulateMedia({ media: 'print' });
		await expect(page.getByRole('button', { name: translate('en', 'print.print') })).toBeHidden();
		await expect(page.locator('.editor, [data-export-menu]')).toHaveCount(0);
		await saveScreenshot(page, 'print-view-zh-CN');
		await page.pdf({ path: resolve(SCREENSHOT_DIR, 'print-view-zh-CN.pdf'), format: 'A4', printBackground: true });
		await testInfo.attach('print-view.pdf', { path: resolve(SCREENSHOT_DIR, 'print-view-zh-CN.pdf'), contentType: 'application/pdf' });
		await page.emulateMedia({ media: 'screen' });

		// Back to the plan, in the same session.
		await page.getByRole('link', { name: translate('en', 'print.back') }).click();
		await expect(editor.text('situation')).toContainText(HOSTILE);
	});
});

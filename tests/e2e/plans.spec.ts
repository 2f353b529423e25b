import { resolve } from 'node:path';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { formatFigure } from '../../src/lib/domain/format';
import { translate } from '../../src/lib/i18n';
import { expect, saveScreenshot, test } from './fixtures';

const EXAMPLES = resolve('src/lib/test-data/examples');
const ARS_PLAN = resolve(EXAMPLES, 'deep-marketing-ars.plan.json');
const ARS_EXPECTED = JSON.parse(readFileSync(resolve(EXAMPLES, 'deep-marketing-ars.expected.json'), 'utf8')) as {
	outputs: Record<string, number>;
	payback_month: number;
};
const KEY_FIGURES = ['net_price', 'units', 'revenue', 'contribution', 'profit', 'breakeven_units', 'margin_of_safety'];

test.describe('plan list', () => {
	test('create a plan from a template, open it and see its key figures', async ({ planList, editor, page }) => {
		await planList.goto();
		const id = await planList.createFromTemplate('marketing-plan');
		await editor.ready('Ana');

		// The Trailhead template has every finance input: each key figure is a number.
		for (const name of [...KEY_FIGURES, 'payback_month']) {
			await expect(page.locator(`[data-figure="${name}"]`)).toHaveAttribute('data-state', 'value');
		}
		await expect(editor.figure('profit')).not.toHaveText('');
		await editor.expectSaved();

		// Back on the list, the new plan is there with its title and the owner role.
		await page.getByRole('link', { name: translate('en', 'plans.editor.back') }).click();
		await expect(planList.plan(id)).toContainText('Trailhead bottle');
		await expect(planList.plan(id)).toContainText(translate('en', 'plans.role.owner'));
	});

	test('import the ARS example: key figures equal its expected file', async ({ planList, editor }) => {
		await planList.goto();
		await planList.importFile(ARS_PLAN);
		await editor.ready('Bo');
		const display = { locale: 'zh-CN' as const, currency: 'CNY' };
		for (const name of KEY_FIGURES) {
			await expect(editor.figure(name)).toHaveText(formatFigure(name, ARS_EXPECTED.outputs[name] ?? null, display));
		}
		await expect(editor.figure('payback_month')).toHaveText(
			translate('en', 'plans.figures.paybackValue', { month: ARS_EXPECTED.payback_month })
		);
	});

	test('an invalid plan file is refused with its problems listed, and nothing is created', async ({ planList, page }, testInfo) => {
		await planList.goto();
		const broken = readFileSync(ARS_PLAN, 'utf8').replace('"currency": "CNY"', '"currency": "rmb"').replace('"year": 2027', '"year": "2027"');
		const dir = testInfo.outputPath('files');
		mkdirSync(dir, { recursive: true });
		const file = resolve(dir, 'broken.plan.json');
		writeFileSync(file, broken);

		await page.locator('[data-import-input]').setInputFiles(file);
		await expect(planList.notice).toHaveAttribute('data-error-kind', 'invalid-file');
		await expect(planList.notice).toContainText('meta.currency');
		await expect(planList.notice).toContainText('meta.year');
		await expect(planList.notice).toContainText('broken.plan.json');
		await expect(planList.plans).toHaveCount(0);
		await expect(page).toHaveURL(/\/$/);
	});

	test('duplicate and delete', async ({ planList, editor, page }) => {
		await planList.goto();
		const id = await planList.createFromTemplate('blank');
		await editor.ready('Cy');
		await editor.expectSaved();
		await planList.goto();

		await planList.plan(id).getByRole('button', { name: translate('en', 'plans.action.duplicate') }).click();
		await expect(planList.plans).toHaveCount(2);
		await expect(planList.page.getByText(/Marketing plan 2027 \(copy\)/)).toBeVisible();

		await planList.plan(id).getByRole('button', { name: translate('en', 'plans.action.delete') }).click();
		await page.getByRole('dialog').getByRole('button', { name: translate('en', 'plans.delete.confirm') }).click();
		await expect(planList.plan(id)).toHaveCount(0);
		await expect(planList.plans).toHaveCount(1);

		// Deleted on the server: its link no longer opens it.
		const status = await page.evaluate(async (planId) => (await fetch(`/api/plans/${planId}`, { headers: { Authorization: 'Bearer x' } })).status, id);
		expect([401, 404]).toContain(status);
	});

	test('a server that cannot be reached is explained, and the list still shows', async ({ planList, page }) => {
		await planList.goto();
		await page.route('**/api/plans', (route) => route.abort('connectionrefused'));
		await page.locator('[data-template-id="blank"]').getByRole('button').click();
		await expect(planList.notice).toHaveAttribute('data-error-kind', 'unreachable');
		await expect(planList.notice).toContainText(translate('en', 'plans.error.unreachable'));
	});
});

test.describe('screenshots', () => {
	test('plan list and editor in English', async ({ planList, editor, page }) => {
		await page.setViewportSize({ width: 1440, height: 900 });
		await planList.goto();
		await planList.createFromTemplate('marketing-plan');
		await editor.ready('Ana');
		await editor.expectSaved();
		await editor.typeInSection('situation', 'Shelf space in outdoor stores grows in Q2.');
		await editor.expectSaved();
		await saveScreenshot(page, 'editor-en', { fullPage: false });
		await planList.goto();
		await saveScreenshot(page, 'plan-list-en');
	});

	test.describe('in Chinese', () => {
		test.use({ locale: 'zh-CN' });

		test('plan list and editor in zh-CN', async ({ planList, editor, page }) => {
			await page.setViewportSize({ width: 1440, height: 900 });
			await planList.goto();
			await planList.importFile(ARS_PLAN);
			await editor.ready('小王');
			await editor.expectSaved();
			await saveScreenshot(page, 'editor-zh-CN', { fullPage: false });
			await planList.goto();
			await saveScreenshot(page, 'plan-list-zh-CN');
		});
	});
});

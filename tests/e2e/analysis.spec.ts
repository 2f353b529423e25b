import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { runCli } from '../../server/cli/commands';
import { translate } from '../../src/lib/i18n';
import { expect, saveScreenshot, test } from './fixtures';

const ARS_PLAN = resolve('src/lib/test-data/examples/deep-marketing-ars.plan.json');
const CHART_IDS = ['scenarios', 'cvp', 'price-profit', 'tornado', 'monthly', 'budget', 'waterfall', 'funnel', 'dealers', 'abc', 'gantt'];

async function openAnalysis(page: Page): Promise<void> {
	await page.locator('[data-view-link="analysis"]').click();
	await expect(page.locator('[data-scenario-grid]')).toBeVisible();
}

const gridCell = (page: Page, row: string, column: string) => page.locator(`[data-grid-row="${row}"] td[data-column="${column}"]`);

test.describe('simulation views', () => {
	test('one person adds a scenario and edits price; the other sees the grid and charts change', async ({ planList, editor, page, otherUser }) => {
		await planList.goto();
		await planList.importFile(ARS_PLAN);
		await editor.ready('Ana');
		await editor.expectSaved();
		const link = await editor.shareLink('editor');
		await otherUser.editor.goto(link);
		await otherUser.editor.ready('Bo');
		await openAnalysis(page);
		await openAnalysis(otherUser.page);
		const other = otherUser.page;

		// Ana adds a scenario with a price override; Bo's grid gains the column with its profit.
		await page.locator('[data-add-scenario]').click();
		const card = page.locator('[data-scenario]').last();
		await card.locator('[data-scenario-name]').fill('Premium');
		await card.locator('[data-scenario-name]').press('Enter');
		await card.getByRole('button', { name: translate('en', 'analysis.scenarios.addOverride') }).click();
		await card.locator('[data-override] select').selectOption('price');
		await card.locator('[data-override] input').fill('price * 1.25');
		await card.locator('[data-override] input').press('Enter');
		await expect(gridCell(other, 'net_price', 'Premium')).toBeVisible();
		const premiumProfit = Number(await gridCell(page, 'profit', 'Premium').getAttribute('data-value'));
		await expect(gridCell(other, 'profit', 'Premium')).toHaveAttribute('data-value', String(premiumProfit));

		// Ana edits the base price in the plan; Bo's base column and charts follow.
		const baseProfit = await gridCell(other, 'profit', 'base').getAttribute('data-value');
		await page.locator('[data-view-link="edit"]').click();
		await editor.setVariableExpression('price', '6.5');
		await expect(gridCell(other, 'profit', 'base')).not.toHaveAttribute('data-value', baseProfit ?? '');
		await expect(gridCell(other, 'net_price', 'base')).toContainText('4.34');

		// Every chart is drawn; each is saved for reviewers, and its data is there as a table too.
		for (const id of CHART_IDS) {
			const chart = other.locator(`[data-chart="${id}"]`);
			await expect(chart).toHaveAttribute('data-chart-ready', 'true');
			await chart.scrollIntoViewIfNeeded();
			await chart.screenshot({ path: resolve('test-results', 'screenshots', `chart-${id}.png`) });
		}
		const cvp = other.locator('[data-chart="cvp"]');
		await cvp.getByRole('button', { name: translate('en', 'charts.showTable') }).click();
		await expect(cvp.locator('table')).toBeVisible();
		await saveScreenshot(other, 'analysis-view', { fullPage: true });
	});

	test('Monte Carlo in the browser equals `planbook montecarlo` for the same seed; cancel and CSV work', async ({ planList, editor, page }, testInfo) => {
		// The ARS plan with two uncertain inputs.
		const plan = JSON.parse(readFileSync(ARS_PLAN, 'utf8')) as { variables: { name: string; distribution?: unknown }[] };
		for (const v of plan.variables) {
			if (v.name === 'price') v.distribution = { type: 'triangular', min: 5.5, mode: 6, max: 6.8 };
			if (v.name === 'market_size') v.distribution = { type: 'normal', mean: 19000000, sd: 2500000 };
		}
		const file = testInfo.outputPath('uncertain.plan.json');
		mkdirSync(dirname(file), { recursive: true });
		writeFileSync(file, JSON.stringify(plan));
		await planList.goto();
		await planList.importFile(file);
		await editor.ready('Ana');
		await openAnalysis(page);
		const mc = page.locator('[data-montecarlo]');

		// A long run can be cancelled.
		await mc.locator('[data-mc-trials]').fill('200000');
		await mc.locator('[data-mc-trials]').press('Enter');
		await mc.locator('[data-mc-run]').click();
		await expect(mc.locator('progress')).toBeVisible();
		await mc.locator('[data-mc-cancel]').click();
		await expect(mc).toHaveAttribute('data-phase', 'cancelled');

		await mc.locator('[data-mc-trials]').fill('3000');
		await mc.locator('[data-mc-trials]').press('Enter');
		await mc.locator('[data-mc-seed]').fill('7');
		await mc.locator('[data-mc-seed]').press('Enter');
		await mc.locator('[data-mc-run]').click();
		await expect(mc).toHaveAttribute('data-phase', 'done', { timeout: 20_000 });

		const cli = await runCli(['montecarlo', file, '--trials', '3000', '--seed', '7', '--json']);
		const expected = JSON.parse(cli.stdout) as { outputs: { profit: Record<string, number> }; p_loss: number };
		for (const stat of ['mean', 'p5', 'p50', 'p95'] as const) {
			const shown = Number(await mc.locator(`[data-mc="${stat}"]`).getAttribute('data-value'));
			expect(shown).toBeCloseTo(expected.outputs.profit[stat] as number, 6);
		}
		expect(Number(await mc.locator('[data-mc="p_loss"]').getAttribute('data-value'))).toBeCloseTo(expected.p_loss, 9);
		await expect(page.locator('[data-chart="montecarlo"]')).toHaveAttribute('data-chart-ready', 'true');
		await page.locator('[data-chart="montecarlo"]').screenshot({ path: resolve('test-results', 'screenshots', 'chart-montecarlo.png') });

		// The raw samples download as CSV: a header and one row per trial.
		const waiting = page.waitForEvent('download');
		await mc.locator('[data-mc-csv]').click();
		const path = testInfo.outputPath('samples.csv');
		await (await waiting).saveAs(path);
		const lines = readFileSync(path, 'utf8').trim().split('\n');
		expect(lines[0]).toMatch(/^trial,.*profit/);
		expect(lines).toHaveLength(3001);
	});

	test('goal seek from the price section, the best price as a scenario, adopted with a logged decision', async ({ planList, editor, page }) => {
		await planList.goto();
		await planList.importFile(ARS_PLAN);
		await editor.ready('Ana');
		await page.locator('[data-best-price-link]').click();
		const seek = page.locator('[data-goal-seek]');
		await expect(seek).toBeVisible();

		await seek.locator('[data-seek-target]').fill('2000000');
		await seek.getByRole('button', { name: translate('en', 'analysis.seek.run') }).click();
		const price = Number(await page.locator('[data-seek-result]').getAttribute('data-seek-result'));
		expect(price).toBeGreaterThan(6);
		await page.locator('[data-seek-add]').click();
		const name = translate('en', 'analysis.seek.scenarioName', { name: 'price', profit: '¥200万' });
		await expect(gridCell(page, 'profit', name)).toHaveAttribute('data-value', /^(1999999\.9|2000000)/);

		// Adopt it: price becomes the found value, the decision is logged with the figures.
		const card = page.locator(`[data-scenario="${name}"]`);
		await card.getByRole('button', { name: translate('en', 'analysis.scenarios.adopt') }).click();
		await card.getByRole('button', { name: translate('en', 'analysis.scenarios.confirmAdopt') }).click();
		await expect(card.getByRole('alert')).toHaveText(translate('en', 'analysis.scenarios.rationaleNeeded'));
		await card.getByLabel(translate('en', 'analysis.scenarios.rationale')).fill('Premium positioning reaches the 2M target');
		await card.getByRole('button', { name: translate('en', 'analysis.scenarios.confirmAdopt') }).click();
		const log = page.locator(`[data-decision="${name}"]`);
		await expect(log).toContainText('Premium positioning reaches the 2M target');
		await expect(log).toContainText('Ana');
		await expect(gridCell(page, 'profit', 'base')).toHaveAttribute('data-value', /^(1999999\.9|2000000)/);
	});
});

import { unzipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { EditorPage } from './pages/editor-page';
import { expect, saveScreenshot, test } from './fixtures';

test('a trainer runs a workshop: three teams write, the dashboard follows them live, compares and exports', async ({ page, browser }, testInfo) => {
	await page.goto('/');
	const form = page.locator('[data-new-workshop]');
	await form.locator('select').first().selectOption('marketing-plan');
	await form.locator('[data-workshop-teams]').fill('3');
	await form.locator('[data-workshop-name]').fill('Pricing clinic');
	await form.getByRole('button', { name: 'Create workshop' }).click();
	const board = page.locator('[data-workshop-dashboard]');
	await expect(board.getByRole('heading', { level: 1 })).toHaveText('Pricing clinic');
	await expect(board.locator('tr[data-team]')).toHaveCount(3);
	const links = await board.locator('[data-team-link]').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));

	// Three teams, each in its own browser profile, open their links.
	const teams: EditorPage[] = [];
	for (const [i, link] of links.entries()) {
		const context = await browser.newContext({ locale: 'en-US' });
		const editor = new EditorPage(await context.newPage());
		await editor.goto(link);
		await editor.ready(`Team member ${i + 1}`);
		teams.push(editor);
	}
	const row = (name: string) => board.locator(`tr[data-team="${name}"]`);
	await expect(row('Team 1').locator('[data-cell="profit"]')).not.toHaveText('—');
	const profitBefore = await row('Team 2').locator('[data-cell="profit"]').textContent();

	// Team 2 raises its price; team 3 writes. The dashboard shows both, live.
	const price = await teams[1]!.variableExpression('price').inputValue();
	await teams[1]!.setVariableExpression('price', String(Number(price) * 1.2));
	await teams[2]!.typeInSection('situation', 'Our survey of 40 retailers');
	await expect(row('Team 2').locator('[data-cell="profit"]')).not.toHaveText(profitBefore ?? '');
	await expect(row('Team 3').locator('[data-cell="activity"]')).toHaveText('just now');
	await expect(row('Team 1').locator('[data-cell="activity"]')).toHaveText('—');

	// Two teams side by side.
	const compare = page.locator('[data-team-compare]');
	await compare.locator('[data-compare-left]').selectOption({ label: 'Team 1' });
	await compare.locator('[data-compare-right]').selectOption({ label: 'Team 2' });
	const cells = compare.locator('[data-compare-row="profit"] td');
	await expect(cells.nth(1)).toHaveText((await row('Team 2').locator('[data-cell="profit"]').textContent()) ?? '');
	await expect(cells.nth(0)).not.toHaveText((await cells.nth(1).textContent()) ?? '');
	await saveScreenshot(page, 'workshop-dashboard');

	// Lock at the end: every team's editor turns read-only and says why; unlock gives it back.
	await page.locator('[data-lock-workshop]').click();
	await expect(page.locator('[data-lock-workshop]')).toHaveAttribute('aria-pressed', 'true');
	for (const team of teams) await expect(team.page.locator('[data-readonly][data-locked]')).toBeVisible();
	await expect(teams[0]!.variableExpression('price')).not.toBeEditable();
	await page.locator('[data-lock-workshop]').click();
	await expect(teams[0]!.page.locator('[data-readonly]')).toHaveCount(0);
	await teams[0]!.setVariableExpression('price', String(Number(price) * 0.9));
	await teams[0]!.expectSaved();

	// A phase: only the price section is open; a hint is revealed to every team.
	const controls = page.locator('[data-workshop-controls]');
	for (const kind of ['situation', 'swot', 'objectives', 'target', 'product', 'channel', 'promotion', 'budget', 'schedule', 'control']) {
		await controls.locator(`[data-phase-kind="${kind}"]`).uncheck();
	}
	await controls.locator('[data-apply-phase]').click();
	await expect(teams[2]!.section('situation').locator('[data-section-closed]')).toBeVisible();
	await expect(teams[2]!.text('situation')).toHaveAttribute('contenteditable', 'false');
	await expect(teams[2]!.text('price')).toHaveAttribute('contenteditable', 'true');
	await controls.locator('[data-hint-section]').selectOption('price');
	await controls.locator('[data-hint-text]').fill('Compare with the competitor prices first.');
	await controls.locator('[data-reveal-hint]').click();
	for (const team of teams) await expect(team.section('price').locator('[data-trainer-hint]')).toContainText('Compare with the competitor prices first.');
	await controls.locator('[data-open-all]').click();
	await expect(teams[2]!.section('situation').locator('[data-section-closed]')).toHaveCount(0);
	await expect(page.locator('[data-qr]')).toHaveCount(3);

	// All teams' plans at once.
	const waiting = page.waitForEvent('download');
	await page.locator('[data-export-all]').click();
	const path = testInfo.outputPath('workshop.zip');
	await (await waiting).saveAs(path);
	const files = Object.keys(unzipSync(new Uint8Array(readFileSync(path))));
	expect(files.filter((f) => f.endsWith('.plan.json'))).toHaveLength(3);
	expect(files.filter((f) => f.endsWith('.docx'))).toHaveLength(3);
	for (const team of teams) await team.page.context().close();
});

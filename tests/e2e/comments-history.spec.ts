import { translate } from '../../src/lib/i18n';
import { expect, saveScreenshot, test } from './fixtures';

const HOSTILE = '<img src=x onerror=alert(1)> where is the market size from?';

test.describe('comments', () => {
	test('a thread on a section: posted by one, answered by the other, resolved for both', async ({ planList, editor, page, otherUser }) => {
		page.on('dialog', (d) => {
			throw new Error(`unexpected dialog ${d.message()}`);
		});
		await planList.goto();
		await planList.createFromTemplate('marketing-plan');
		await editor.ready('Ana');
		await editor.expectSaved();
		await otherUser.editor.goto(await editor.shareLink('editor'));
		await otherUser.editor.ready('Bo');

		const mine = editor.section('situation').locator('[data-comments^="section:"]').first();
		await mine.locator('button').first().click();
		await mine.locator('[data-new-comment]').fill(HOSTILE);
		await mine.getByRole('button', { name: translate('en', 'comments.post'), exact: true }).click();

		// Bo sees the count on the section and in the outline, and the text as text.
		const theirs = otherUser.editor.section('situation').locator('[data-comments^="section:"]').first();
		await expect(theirs.locator('[data-comment-count]')).toHaveAttribute('data-comment-count', '1');
		await expect(otherUser.page.locator('nav [data-outline-comments="1"]')).toBeVisible();
		await theirs.locator('button').first().click();
		await expect(theirs.locator('[data-thread]')).toContainText(HOSTILE);
		await expect(theirs.locator('img')).toHaveCount(0);
		await theirs.getByPlaceholder(translate('en', 'comments.replyPlaceholder')).fill('Census 2026, page 12');
		await theirs.getByRole('button', { name: translate('en', 'comments.reply'), exact: true }).click();

		await expect(mine.locator('[data-thread]')).toContainText('Census 2026, page 12');
		await expect(mine.locator('[data-thread]')).toContainText('Bo');
		await saveScreenshot(page, 'comments-thread', { fullPage: false });
		await mine.locator('[data-resolve]').click();
		await expect(theirs.locator('[data-comment-count]')).toHaveAttribute('data-comment-count', '0');
		await expect(otherUser.page.locator('nav [data-outline-comments]')).toHaveCount(0);
	});
});

test.describe('version history', () => {
	test('save a version, change the plan, compare, and restore it as a new change both people see', async ({ planList, editor, page, otherUser }) => {
		await planList.goto();
		await planList.createFromTemplate('marketing-plan');
		await editor.ready('Ana');
		await editor.expectSaved();
		await otherUser.editor.goto(await editor.shareLink('editor'));
		await otherUser.editor.ready('Bo');
		const profitBefore = (await editor.figure('profit').textContent())?.trim() ?? '';
		const priceBefore = await editor.variableExpression('price').inputValue();

		await page.locator('[data-view-link="history"]').click();
		await page.locator('[data-version-name]').fill('Before the price change');
		await page.getByRole('button', { name: translate('en', 'history.save') }).click();
		await expect(page.locator('[data-version="Before the price change"]')).toBeVisible();

		await page.locator('[data-view-link="edit"]').click();
		await editor.setVariableExpression('price', String(Number(priceBefore) * 1.5));
		await expect(editor.figure('profit')).not.toHaveText(profitBefore);
		await editor.expectSaved();

		await page.locator('[data-view-link="history"]').click();
		await page.locator('[data-version="Before the price change"] [data-open-version]').click();
		const compare = page.locator('[data-version-compare]');
		await expect(compare.locator('[data-figure-change="net_price"] td').last()).toHaveText(/^\+/);
		await saveScreenshot(page, 'version-compare', { fullPage: false });
		page.once('dialog', (dialog) => void dialog.accept());
		await compare.locator('[data-restore-version]').click();

		await page.locator('[data-view-link="edit"]').click();
		await expect(editor.variableExpression('price')).toHaveValue(priceBefore);
		await expect(editor.figure('profit')).toHaveText(profitBefore);
		await expect(otherUser.editor.variableExpression('price')).toHaveValue(priceBefore);
		await expect(otherUser.editor.figure('profit')).toHaveText(profitBefore);
	});
});

test.describe('share links', () => {
	test('the owner revokes the viewer link: its holder is disconnected, the new link works', async ({ planList, editor, page, otherUser }) => {
		await planList.goto();
		await planList.createFromTemplate('blank');
		await editor.ready('Ana');
		const viewerLink = await editor.shareLink('viewer');
		await otherUser.editor.goto(viewerLink);
		await otherUser.editor.ready('Vera');
		await expect(otherUser.page.locator('[data-readonly]')).toBeVisible();

		await page.getByRole('button', { name: /Share/ }).click();
		page.once('dialog', (dialog) => void dialog.accept());
		await page.locator('[data-revoke="viewer"]').click();
		await expect(page.getByRole('status').filter({ hasText: translate('en', 'plans.share.revoked') })).toBeVisible();
		const fresh = await page.locator('input[data-role="viewer"]').inputValue();
		expect(fresh).not.toBe(viewerLink);

		await expect(otherUser.page.getByRole('alert').filter({ hasText: translate('en', 'plans.refused.unauthorized') })).toBeVisible();
		await otherUser.editor.goto(fresh);
		await expect(otherUser.page.locator('[data-readonly]')).toBeVisible();
	});
});

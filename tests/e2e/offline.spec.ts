import { expect, test } from './fixtures';

test.describe('offline', () => {
	test('a plan visited before opens and edits with the network down, then syncs', async ({
		planList,
		editor,
		page,
		context,
		otherUser
	}) => {
		await planList.goto();
		const id = await planList.createFromTemplate('marketing-plan');
		await editor.ready('Ana');
		await editor.expectSaved();
		// The app's files are cached once the service worker is active.
		await page.evaluate(async () => {
			await navigator.serviceWorker.ready;
		});
		await otherUser.editor.goto(await editor.shareLink('editor'));
		await otherUser.editor.ready('Bo');

		await context.setOffline(true);
		await page.reload();
		// No name question the second time, the plan from this device, and an honest badge.
		await editor.ready();
		await expect(editor.badge).toHaveAttribute('data-status', 'offline');
		await editor.typeInSection('situation', 'Reloaded offline and still writing.');
		await expect(editor.text('situation')).toContainText('Reloaded offline and still writing.');

		// The plan list opens offline too; leaving the page right after typing loses nothing.
		await planList.goto();
		await expect(planList.plan(id)).toBeVisible();
		await page.goBack();
		await editor.ready();
		await expect(editor.text('situation')).toContainText('Reloaded offline and still writing.');

		await context.setOffline(false);
		await expect(otherUser.editor.text('situation')).toContainText('Reloaded offline and still writing.');
		await editor.expectSaved();
	});
});

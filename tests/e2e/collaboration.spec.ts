import { translate } from '../../src/lib/i18n';
import { expect, saveScreenshot, test, type EditorPage } from './fixtures';

/** The accessible name of a table cell, as the table editor labels it. */
function cellName(column: string, row: number): string {
	return translate('en', 'editor.cell.label', { column, row });
}

/** Waits until both editors show the same, settled profit, and returns it. */
async function sameProfit(a: EditorPage, b: EditorPage): Promise<string> {
	await a.expectSaved();
	await b.expectSaved();
	const profit = (await a.figure('profit').textContent())?.trim() ?? '';
	await expect(b.figure('profit')).toHaveText(profit);
	return profit;
}

test.describe('two people on one plan', () => {
	test('one writes text and edits a budget row and a variable; the other sees it all and the new profit', async ({
		planList,
		editor,
		page,
		otherUser
	}) => {
		await planList.goto();
		await planList.createFromTemplate('marketing-plan');
		await editor.ready('Ana');
		await editor.expectSaved();

		const link = await editor.shareLink('editor');
		expect(link).toMatch(/\/p\/[^#]+#token=/);
		await otherUser.editor.goto(link);
		await otherUser.editor.ready('Bo');
		// The token left the address bar once stored.
		await expect(otherUser.page).not.toHaveURL(/token=/);

		// Presence: each sees the other by name.
		await expect(page.locator('[data-presence="Bo"]')).toBeVisible();
		await expect(otherUser.page.locator('[data-presence="Ana"]')).toBeVisible();
		const before = await sameProfit(editor, otherUser.editor);

		// Text.
		await editor.typeInSection('situation', 'Shelf space in outdoor stores grows in Q2.');
		await expect(otherUser.editor.text('situation')).toContainText('Shelf space in outdoor stores grows in Q2.');
		// Bo sees where Ana is writing.
		await expect(otherUser.editor.section('situation').locator('.here')).toContainText('Ana');
		await saveScreenshot(otherUser.page, 'editor-presence-en', { fullPage: false });

		// A budget row: the first line (Spring launch, fixed, month 3) costs 40,000 more.
		const amount = editor.dataSet('budget').getByRole('textbox', { name: cellName('Amount', 1) });
		await amount.click();
		await amount.fill('130000');
		await amount.press('Tab');
		await expect(otherUser.editor.dataSet('budget').getByRole('textbox', { name: cellName('Amount', 1) })).toHaveValue(/130,000/);
		const afterBudget = await sameProfit(editor, otherUser.editor);
		expect(afterBudget).not.toBe(before);

		// A variable: the unit cost goes up.
		await editor.setVariableExpression('unit_cost', '12');
		await expect(otherUser.editor.variableExpression('unit_cost')).toHaveValue('12');
		const afterVariable = await sameProfit(editor, otherUser.editor);
		expect(afterVariable).not.toBe(afterBudget);
	});

	test('offline edits on one side and online edits on the other converge when the connection returns', async ({
		planList,
		editor,
		otherUser
	}) => {
		await planList.goto();
		await planList.createFromTemplate('blank');
		await editor.ready('Ana');
		await editor.expectSaved();
		await otherUser.editor.goto(await editor.shareLink('editor'));
		await otherUser.editor.ready('Bo');
		await otherUser.editor.expectSaved();

		await otherUser.context.setOffline(true);
		await expect(otherUser.editor.badge).toHaveAttribute('data-status', 'offline');

		await otherUser.editor.typeInSection('situation', 'Written offline by Bo.');
		await editor.typeInSection('product', 'Written online by Ana.');
		await editor.setTitle('Converged plan');
		await editor.expectSaved();
		// Bo's edit has not reached Ana.
		await expect(editor.text('situation')).not.toContainText('Written offline by Bo.');

		await otherUser.context.setOffline(false);
		for (const side of [editor, otherUser.editor]) {
			await expect(side.text('situation')).toContainText('Written offline by Bo.');
			await expect(side.text('product')).toContainText('Written online by Ana.');
			await expect(side.titleField).toHaveValue('Converged plan');
			await side.expectSaved();
		}
	});

	test('a viewer sees the plan read-only', async ({ planList, editor, otherUser }) => {
		await planList.goto();
		await planList.createFromTemplate('marketing-plan');
		await editor.ready('Ana');
		await otherUser.editor.goto(await editor.shareLink('viewer'));
		await otherUser.editor.ready('Vi');
		await expect(otherUser.page.locator('[data-readonly]')).toContainText(translate('en', 'plans.editor.readOnly'));
		await expect(otherUser.editor.text('situation')).toHaveAttribute('contenteditable', 'false');
		await expect(otherUser.editor.titleField).toHaveCount(0);

		await editor.typeInSection('situation', 'Seen by the viewer.');
		await expect(otherUser.editor.text('situation')).toContainText('Seen by the viewer.');
	});
});

import { translate } from '../../src/lib/i18n';
import { expect, saveScreenshot, test, type EditorPage, type OtherUser, type PlanListPage } from './fixtures';

const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('en', key, params);

/** Ana creates the marketing-plan template; Bo opens it through her editor link. */
async function openTogether({ planList, editor, otherUser }: { planList: PlanListPage; editor: EditorPage; otherUser: OtherUser }): Promise<void> {
	await planList.goto();
	await planList.createFromTemplate('marketing-plan');
	await editor.ready('Ana');
	await editor.expectSaved();
	await otherUser.editor.goto(await editor.shareLink('editor'));
	await otherUser.editor.ready('Bo');
}

test.describe('standard checks, live', () => {
	test('a finding appears for one person as the other deletes the objectives, and goes when one is restored', async ({
		planList,
		editor,
		page,
		otherUser
	}) => {
		await openTogether({ planList, editor, otherUser });

		const finding = otherUser.page.locator('[data-checks] [data-rule="S3.objectives"]');
		const score = otherUser.page.locator('[data-checks] [data-score]');
		await expect(otherUser.page.locator('[data-checks]')).toBeVisible();
		await expect(finding).toHaveCount(0);
		const scoreBefore = await score.getAttribute('data-score');

		// Ana deletes every objective.
		const objectives = editor.dataSet('objectives');
		for (const row of [3, 2, 1]) {
			await objectives.getByRole('button', { name: t('editor.table.removeRow', { row }) }).click();
		}
		await expect(finding).toHaveCount(1);
		await expect(finding).toContainText('The plan has no objective.');
		await expect(score).not.toHaveAttribute('data-score', scoreBefore ?? '');
		const badge = otherUser.page.locator('[data-section-kind="objectives"] [data-findings]');
		await expect(badge).toHaveText('1');

		// Clicking the finding takes Bo to the objectives section.
		await finding.getByRole('button').click();
		await expect(otherUser.page.locator('[data-section-kind="objectives"]')).toBeInViewport();
		await saveScreenshot(otherUser.page, 'checks-finding-en', { fullPage: false });

		// Ana restores a measurable objective.
		await objectives.getByRole('button', { name: t('editor.table.addRow') }).click();
		const cell = (column: string) => objectives.getByLabel(t('editor.cell.label', { column, row: 1 }));
		await cell(t('editor.col.metric')).fill('Units sold');
		await cell(t('editor.col.metric')).press('Tab');
		await cell(t('editor.col.target')).fill('121000');
		await cell(t('editor.col.target')).press('Tab');
		await cell(t('editor.col.unit')).fill('units');
		await cell(t('editor.col.unit')).press('Tab');
		await cell(t('editor.col.deadline')).fill('2027-12-31');
		await cell(t('editor.col.deadline')).press('Tab');

		await expect(finding).toHaveCount(0);
		await expect(badge).toHaveCount(0);
		await expect(page.locator('[data-checks] [data-rule="S3.objectives"]')).toHaveCount(0);
	});

	test('a custom rule pack uploaded by one person checks the plan for both', async ({ planList, editor, otherUser }) => {
		await openTogether({ planList, editor, otherUser });

		await editor.page.locator('[data-upload-pack]').setInputFiles({
			name: 'acme.yaml',
			mimeType: 'text/yaml',
			buffer: Buffer.from(
				'id: acme\ntitle: {en: ACME rules, zh-CN: ACME 规则}\nrules:\n  - id: acme.price\n    severity: error\n    assert: price < 10\n    target: {variable: price}\n    message: {en: ACME sells under 10, zh-CN: ACME 售价低于10}\n'
			)
		});
		await expect(otherUser.page.locator('[data-checks] [data-rule="acme.price"]')).toContainText('ACME sells under 10');
		await expect(otherUser.page.locator('[data-standard="acme"]')).toBeChecked();

		// A hostile pack is refused with the rule and field named, and nothing changes.
		await editor.page.locator('[data-upload-pack]').setInputFiles({
			name: 'evil.yaml',
			mimeType: 'text/yaml',
			buffer: Buffer.from('id: evil\ntitle: {en: E, zh-CN: E}\nrules:\n  - id: e1\n    severity: error\n    assert: import("fs")\n    message: {en: m, zh-CN: m}\n')
		});
		await expect(editor.page.locator('[data-standards] [role="alert"]')).toContainText('rules[0] (e1).assert: function "import" is not allowed');
		await expect(otherUser.page.locator('[data-standard="evil"]')).toHaveCount(0);

		// Turning the pack off removes its finding for everyone.
		await editor.page.locator('[data-standard="acme"]').uncheck();
		await expect(otherUser.page.locator('[data-checks] [data-rule="acme.price"]')).toHaveCount(0);
	});
});

/**
 * The editor components on their bench (/dev/components, served when PLANBOOK_DEV_ROUTES=1): two
 * peers with their own Y.Doc and awareness, relayed in the page, each showing the same components.
 * What one peer does through the UI must show on the other.
 */
import { Peer, openBench, selectedText } from './editor-bench';
import type { Locator } from '@playwright/test';
import { expect, saveScreenshot, test } from './fixtures';


/** The element's box once it has stopped changing between two animation frames. */
async function stableBox(locator: Locator): Promise<Awaited<ReturnType<Locator['boundingBox']>>> {
	let last = await locator.boundingBox();
	await expect
		.poll(async () => {
			await locator.page().evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
			const now = await locator.boundingBox();
			const same = JSON.stringify(now) === JSON.stringify(last);
			last = now;
			return same;
		})
		.toBe(true);
	return last;
}

test.describe('editor components', () => {
	test('rich text: typing on one side shows on the other, with the typist’s caret', async ({ page }) => {
		const { a, b } = await openBench(page);
		await a.caretAtEnd();
		await page.keyboard.press('Enter');
		await page.keyboard.type('Channel partners are ready.');
		await expect(b.text).toContainText('Channel partners are ready.');
		// Ana's caret, with her name, is drawn in Bo's editor.
		await expect(b.root.locator('.remote-caret__label', { hasText: 'Ana' })).toBeVisible();

		// Keyboard formatting, reflected in the toolbar's pressed state and on the other side.
		await page.keyboard.press('Shift+Home');
		// Synthetic keys outrun the editor's selection handling; a person's do not.
		await expect.poll(() => selectedText(page)).toBe('Channel partners are ready.');
		await page.keyboard.press('ControlOrMeta+b');
		await expect(a.root.getByRole('button', { name: 'Bold', exact: true })).toHaveAttribute('aria-pressed', 'true');
		await expect(b.text.locator('strong', { hasText: 'Channel partners are ready.' })).toBeVisible();
		await a.root.getByRole('button', { name: 'Heading 2', exact: true }).click();
		await expect(b.text.locator('h2')).toContainText('Channel partners are ready.');

		// Bo's caret arriving in Ana's text takes no room: nothing in her editor moves.
		// Measure once the heading change has finished laying out (two equal reads in a row).
		const before = await stableBox(a.text);
		const chipBefore = await stableBox(a.chip('price'));
		await b.text.click();
		await expect(a.root.locator('.remote-caret__label', { hasText: 'Bo' })).toBeVisible();
		expect(await a.text.boundingBox()).toEqual(before);
		expect(await a.chip('price').boundingBox()).toEqual(chipBefore);
		// The caret's name tag is presence, hidden from assistive technology.
		await expect(a.root.locator('.remote-caret').first()).toHaveAttribute('aria-hidden', 'true');
		await saveScreenshot(page, 'editor-components-rich-text');
	});

	test('rich text: @ inserts a live reference that updates and is flagged once its variable is gone', async ({ page }) => {
		const { a, b } = await openBench(page);
		await expect(a.chip('volume')).toHaveText('1,615,000');

		await a.caretAtEnd();
		await page.keyboard.type(' Gross margin: @gro');
		const menu = page.getByTestId('reference-menu');
		await expect(menu.getByRole('option', { selected: true })).toContainText('gross');
		await saveScreenshot(page, 'editor-components-reference-menu');
		await page.keyboard.press('Enter');
		await expect(menu).toBeHidden();
		await expect(a.chip('gross')).toHaveText('CN¥77,520,000');
		await expect(b.chip('gross')).toHaveText('CN¥77,520,000');
		await expect(a.text).not.toContainText('@gro');

		// Bo changes the price: Ana's chip follows.
		const price = b.variable('price').getByRole('textbox', { name: 'Formula' });
		await price.fill('130');
		await expect(a.chip('gross')).toHaveText('CN¥80,750,000');

		// Bo deletes the variable: both chips are flagged and show no number.
		await b.variable('gross').getByRole('button', { name: 'Remove gross' }).click();
		for (const peer of [a, b]) {
			await expect(peer.chip('gross')).toHaveText('⚠ gross');
			await expect(peer.chip('gross')).toHaveAttribute('data-state', 'unknown');
			await expect(peer.chip('gross')).toHaveAttribute('title', /Unknown figure/);
		}

		// An error result is flagged too, with the reason in the tooltip.
		await b.variable('volume').getByRole('textbox', { name: 'Formula' }).fill('volume_missing * 2');
		await expect(a.chip('volume')).toHaveText('⚠ volume');
		await expect(a.chip('volume')).toHaveAttribute('title', /Unknown name: volume_missing/);
		await saveScreenshot(page, 'editor-components-flagged-reference');
	});

	test('rich text: = also opens the menu, Escape closes it, arrows choose', async ({ page }) => {
		const { a } = await openBench(page);
		await a.caretAtEnd();
		await page.keyboard.type(' Cost =');
		const menu = page.getByTestId('reference-menu');
		await expect(menu).toBeVisible();
		await page.keyboard.press('Escape');
		await expect(menu).toBeHidden();
		await page.keyboard.type(' =');
		await expect(menu.getByRole('option')).toHaveCount(4);
		await page.keyboard.press('ArrowDown');
		await page.keyboard.press('ArrowDown');
		await expect(menu.getByRole('option', { selected: true })).toContainText('unit_cost');
		await page.keyboard.press('Enter');
		await expect(a.chip('unit_cost')).toHaveText('CN¥80.00');
		// "a=b" in prose stays text.
		await page.keyboard.type(' a=b');
		await expect(menu).toBeHidden();
	});

	test('rich text: links are safe and open only with Ctrl/⌘-click; the toolbar works from the keyboard', async ({ page }) => {
		const { a, b } = await openBench(page);
		await a.caretAtEnd();
		await page.keyboard.type(' See the survey');
		await expect(a.text).toContainText('See the survey');
		for (let i = 0; i < 'survey'.length; i++) await page.keyboard.press('Shift+ArrowLeft');
		await expect.poll(() => selectedText(page)).toBe('survey');
		await page.keyboard.press('ControlOrMeta+k');
		const address = a.root.getByRole('textbox', { name: 'Link address' });
		await expect(address).toBeFocused();
		await address.fill('javascript:alert(1)');
		await address.press('Enter');
		await expect(a.root.getByRole('alert')).toHaveText(/web address/);
		await address.fill('example.com/survey');
		await address.press('Enter');
		const link = b.text.locator('a', { hasText: 'survey' });
		await expect(link).toHaveAttribute('href', 'https://example.com/survey');
		await expect(link).toHaveAttribute('rel', /noopener/);

		// A plain click places the caret and does not navigate; Ctrl/⌘-click opens a new tab.
		const url = page.url();
		await b.text.locator('a').click();
		await expect(page).toHaveURL(url);
		const popup = page.waitForEvent('popup');
		await b.text.locator('a').click({ modifiers: ['ControlOrMeta'] });
		await (await popup).close();

		// Toolbar: one tab stop, arrow keys move, the @ button opens the reference menu.
		const toolbar = a.root.getByRole('toolbar', { name: 'Formatting' });
		await toolbar.getByRole('button', { name: 'Body text' }).focus();
		await page.keyboard.press('ArrowRight');
		await expect(toolbar.getByRole('button', { name: 'Heading 1' })).toBeFocused();
		await page.keyboard.press('End');
		await expect(toolbar.getByRole('button', { name: 'Redo' })).toBeFocused();
		await a.caretAtEnd();
		await toolbar.getByRole('button', { name: 'Insert live figure' }).click();
		await expect(page.getByTestId('reference-menu')).toBeVisible();
		await page.keyboard.press('Escape');
	});

	test('rich text: paste from Word keeps headings, lists and emphasis without Office markup', async ({ page }) => {
		const { a, b } = await openBench(page);
		await b.caretAtEnd();
		await page.keyboard.press('Enter');
		await b.text.evaluate((element) => {
			const html = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{mso-style-parent:"";}</style></head><body>
<h1 style="mso-margin-top-alt:auto">Market review<o:p></o:p></h1>
<p class=MsoNormal><b style="mso-bidi-font-weight:normal">Sales</b> grew, <i>quietly</i>.<o:p></o:p></p>
<p class=MsoListParagraphCxSpFirst style="mso-list:l0 level1 lfo1"><![if !supportLists]><span style="mso-list:Ignore">·<span style="font:7.0pt Times">&nbsp;</span></span><![endif]>First point<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style="mso-list:l0 level1 lfo1"><![if !supportLists]><span style="mso-list:Ignore">·<span style="font:7.0pt Times">&nbsp;</span></span><![endif]>Second point<o:p></o:p></p>
<p class=MsoListParagraphCxSpFirst style="mso-list:l1 level1 lfo2"><![if !supportLists]><span style="mso-list:Ignore">1.<span style="font:7.0pt Times">&nbsp;</span></span><![endif]>Step one<o:p></o:p></p>
</body></html>`;
			const data = new DataTransfer();
			data.setData('text/html', html);
			data.setData('text/plain', 'Market review');
			element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
		});
		for (const peer of [b, a]) {
			// Contains, not equals: the other person's caret (with its name tag) sits in the text.
			await expect(peer.text.locator('h1')).toContainText('Market review');
			await expect(peer.text.locator('strong')).toHaveText('Sales');
			await expect(peer.text.locator('em')).toHaveText('quietly');
			await expect(peer.text.locator('ul > li')).toContainText(['First point', 'Second point']);
			await expect(peer.text.locator('ol > li')).toContainText(['Step one']);
		}
		const html = await a.text.innerHTML();
		expect(html).not.toMatch(/mso|Mso|o:p|·/);
	});

	test('tables: numbers accept 1,234.5, 12% and ¥8, flag abc, and rows reorder', async ({ page }) => {
		const { a, b } = await openBench(page);
		const amountA = (row: number) => a.cell(a.budget, 'Amount', row);
		const amountB = (row: number) => b.cell(b.budget, 'Amount', row);

		await amountA(1).fill('1,234.5');
		await amountA(1).press('Tab');
		await expect(amountA(1)).toHaveValue('CN¥1,235');
		await expect(amountB(1)).toHaveValue('CN¥1,235');
		await amountB(1).focus();
		await expect(amountB(1)).toHaveValue('1234.5');
		await amountB(1).blur();

		await amountA(3).fill('12%');
		await amountA(3).press('Enter');
		await expect(amountB(3)).toHaveValue('12%');

		await amountA(2).fill('¥8');
		await amountA(2).blur();
		await expect(amountB(2)).toHaveValue('CN¥8.00');

		await amountA(2).fill('abc');
		await amountA(2).blur();
		await expect(amountA(2)).toHaveAttribute('aria-invalid', 'true');
		await expect(amountA(2)).toHaveValue('abc');
		await expect(a.budget.getByRole('alert')).toHaveText('Enter a number, like 1,234.5, 12% or ¥8.');
		await expect(amountB(2)).toHaveValue('CN¥8.00');
		await saveScreenshot(page, 'editor-components-invalid-cell');
		await amountA(2).focus();
		await amountA(2).press('Escape');
		await expect(amountA(2)).toHaveAttribute('aria-invalid', 'false');

		// Reorder from the keyboard: focus stays on the moved row's button.
		expect(await b.budgetNames()).toEqual(['TV', 'Freight', 'Commission']);
		const down = a.budget.getByRole('button', { name: 'Move row 1 down' });
		await down.focus();
		await page.keyboard.press('Enter');
		await expect.poll(() => b.budgetNames()).toEqual(['Freight', 'TV', 'Commission']);
		await expect(a.budget.getByRole('button', { name: 'Move row 2 down' })).toBeFocused();
		await page.keyboard.press('Enter');
		await expect.poll(() => a.budgetNames()).toEqual(['Freight', 'Commission', 'TV']);
		await expect(a.budget.getByRole('button', { name: 'Move row 3 up' })).toBeFocused();
		// The moved row kept its values.
		await expect(amountB(3)).toHaveValue('CN¥1,235');

		// Add and remove rows.
		await a.root.getByRole('button', { name: 'Add row' }).first().click();
		await expect(b.budget.getByRole('row')).toHaveCount(5);
		await expect(a.cell(a.budget, 'Name', 4)).toBeFocused();
		await page.keyboard.type('Radio');
		await expect(b.cell(b.budget, 'Name', 4)).toHaveValue('Radio');
		await a.budget.getByRole('button', { name: 'Remove row 1' }).click();
		await expect.poll(() => b.budgetNames()).toEqual(['Commission', 'TV', 'Radio']);
	});

	test('zh-CN plan formatting uses 万 and 亿 for large figures', async ({ page }) => {
		const { a, b } = await openBench(page);
		await page.getByRole('button', { name: 'zh-CN', exact: true }).click();
		await expect(a.chip('volume')).toHaveText('161.5万');
		await expect(b.chip('volume')).toHaveText('161.5万');
		await expect(a.variable('gross').getByTestId('variable-outcome')).toHaveText('= ¥7752万');
		await b.variable('volume').getByRole('textbox', { name: 'Formula' }).fill('250000000');
		await expect(a.chip('volume')).toHaveText('2.5亿');
		await expect(a.cell(a.budget, 'Amount', 1)).toHaveValue('¥600,000');
		await saveScreenshot(page, 'editor-components-zh-CN');
	});

	test('variables: names are checked before they are written; formulas show errors under them', async ({ page }) => {
		const { a, b } = await openBench(page);
		const name = a.variable('price').getByRole('textbox', { name: 'Name' });
		for (const [bad, message] of [
			['profit', /finance figure the plan computes/],
			['1x', /letters, digits and _/],
			['volume', /already called “volume”/]
		] as const) {
			await name.fill(bad);
			await name.press('Enter');
			await expect(name).toHaveAttribute('aria-invalid', 'true');
			await expect(a.variable('price').getByRole('alert')).toHaveText(message);
			await expect(b.variable('price')).toBeVisible();
		}
		await name.fill('retail_price');
		await name.press('Enter');
		await expect(b.variable('retail_price')).toBeVisible();
		// gross read `price`, which no longer exists.
		await expect(b.variable('gross').getByTestId('variable-outcome')).toHaveText(/Unknown name: price/);

		const formula = b.variable('gross').getByRole('textbox', { name: 'Formula' });
		await formula.fill('(retail_price - unit_cost) * ');
		await expect(a.variable('gross').getByTestId('variable-outcome')).toHaveText(/cannot be read/);
		// What was typed stays while it is being fixed.
		await expect(formula).toHaveValue('(retail_price - unit_cost) * ');
		await formula.pressSequentially('volume');
		await formula.press('Enter');
		await expect(a.variable('gross').getByTestId('variable-outcome')).toHaveText('= CN¥77,520,000');

		await a.root.getByRole('button', { name: 'Add variable' }).click();
		await expect(b.variable('x1')).toBeVisible();
		await expect(a.variable('x1').getByRole('textbox', { name: 'Name' })).toBeFocused();

		// Distribution: choosing a type writes a spread around the value; a bad order is refused.
		const unitCost = a.variable('unit_cost');
		await unitCost.getByRole('textbox', { name: 'unit_cost: Maximum' }).fill('60');
		await unitCost.getByRole('textbox', { name: 'unit_cost: Maximum' }).blur();
		await expect(unitCost.getByRole('alert')).toHaveText('Keep minimum ≤ most likely ≤ maximum.');
		await expect(b.variable('unit_cost').getByRole('textbox', { name: 'unit_cost: Maximum' })).toHaveValue('90');
		await a.variable('volume').getByRole('combobox', { name: 'Uncertainty' }).selectOption('normal');
		await expect(b.variable('volume').getByRole('textbox', { name: 'volume: Mean' })).toHaveValue('1,615,000');
		await saveScreenshot(page, 'editor-components-variables');
	});

	test('data sets: seasonality sums, SWOT items, dealers scored by criterion, absent sets created', async ({ page }) => {
		const { a, b } = await openBench(page);
		const total = (peer: Peer) => peer.root.getByTestId('seasonality-total');
		await expect(total(a)).toHaveText('Total 100%');
		await a.root.getByRole('textbox', { name: 'Share of Jan' }).fill('10%');
		await expect(total(b)).toContainText('should add up to 100% (now 104%)');
		await b.root.getByRole('button', { name: 'Spread evenly' }).click();
		await expect(total(a)).toHaveText('Total 100%');

		const weaknesses = a.root.getByRole('table', { name: 'Weaknesses' });
		await weaknesses.locator('xpath=..').locator('..').getByRole('button', { name: 'Add row' }).click();
		await page.keyboard.type('Thin coverage in the north');
		await expect(b.root.getByRole('table', { name: 'Weaknesses' }).getByRole('textbox')).toHaveValue('Thin coverage in the north');

		const criteria = a.root.getByRole('table', { name: 'Criteria' });
		await a.cell(criteria, 'Weight', 1).fill('0.6');
		await a.cell(criteria, 'Weight', 1).blur();
		await expect(b.root.getByTestId('weight-total')).toContainText('now 1.1');
		const dealersB = b.root.getByRole('table', { name: 'Dealers and scores' });
		await a.cell(criteria, 'Name', 2).fill('信用等级');
		await expect(dealersB.getByRole('columnheader', { name: '信用等级' })).toBeVisible();
		await expect(b.cell(dealersB, '信用等级', 1)).toHaveValue('4');
		// Moving a criterion keeps each score with its criterion.
		await criteria.getByRole('button', { name: 'Move row 2 up' }).click();
		await expect(dealersB.getByRole('columnheader')).toHaveText(['Row', 'Dealer', '信用等级', '实力', 'Actions']);
		await expect(b.cell(dealersB, '信用等级', 1)).toHaveValue('4');
		await expect(b.cell(dealersB, '实力', 1)).toHaveValue('5');

		await a.root.getByRole('button', { name: 'Add KPIs' }).click();
		await expect(b.root.getByRole('table', { name: 'KPIs' })).toBeVisible();
		await saveScreenshot(page, 'editor-components-data-sets');
	});

	test('read-only: no toolbar, no inputs, links do not navigate', async ({ page }) => {
		const { a } = await openBench(page);
		await page.getByRole('checkbox', { name: 'editable' }).uncheck();
		await expect(a.root.getByRole('toolbar')).toHaveCount(0);
		await expect(a.text).toHaveAttribute('contenteditable', 'false');
		await expect(a.budget.getByRole('textbox')).toHaveCount(0);
		await expect(a.root.getByRole('button', { name: 'Add variable' })).toHaveCount(0);
	});
});

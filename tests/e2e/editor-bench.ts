/**
 * Page objects of the editor components bench (/dev/components): one column per peer, and how
 * to open the bench and read the selection.
 */
import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

/** One peer's column of the bench. */
export class Peer {
	readonly root: Locator;
	readonly text: Locator;
	readonly budget: Locator;

	constructor(
		readonly page: Page,
		id: 'a' | 'b'
	) {
		this.root = page.locator(`[data-peer="${id}"]`);
		this.text = this.root.locator('.rich-text__content');
		this.budget = this.root.getByRole('table', { name: 'Budget' });
	}

	chip(name: string): Locator {
		return this.text.locator(`.var-ref[data-name="${name}"]`);
	}

	variable(name: string): Locator {
		return this.root.locator(`[data-variable="${name}"]`);
	}

	cell(table: Locator, column: string, row: number): Locator {
		return table.getByRole('textbox', { name: `${column}, row ${row}`, exact: true });
	}

	async budgetNames(): Promise<string[]> {
		const names: string[] = [];
		for (const input of await this.budget.getByRole('textbox', { name: /^Name, row/ }).all()) names.push(await input.inputValue());
		return names;
	}

	/** Puts the caret at the end of the rich text. */
	async caretAtEnd(): Promise<void> {
		await this.text.click();
		await this.page.keyboard.press('ControlOrMeta+End');
	}
}

export function selectedText(page: Page): Promise<string> {
	return page.evaluate(() => document.getSelection()?.toString() ?? '');
}

export async function openBench(page: Page): Promise<{ a: Peer; b: Peer }> {
	const errors: string[] = [];
	page.on('pageerror', (error) => errors.push(error.message));
	await page.goto('/dev/components');
	const a = new Peer(page, 'a');
	const b = new Peer(page, 'b');
	await expect(a.text).toContainText('We plan to sell');
	await expect(b.text).toContainText('We plan to sell');
	expect(errors).toEqual([]);
	return { a, b };
}

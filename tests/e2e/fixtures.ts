import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test as base, expect, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';
import type { Locale } from '../../src/lib/i18n';
import { EditorPage } from './pages/editor-page';
import { PlanListPage } from './pages/plan-list-page';

/** Where specs keep named screenshots for people to look at (artifacts of CI). */
export const SCREENSHOT_DIR = join('test-results', 'screenshots');

/**
 * Saves a screenshot as test-results/screenshots/<name>.png: the full page, or only the window
 * (`fullPage: false`) for long pages such as the editor, whose sticky columns a full capture hides.
 */
export async function saveScreenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
	mkdirSync(SCREENSHOT_DIR, { recursive: true });
	await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: options.fullPage ?? true });
}

/** The home page, as a user sees it. */
export class HomePage {
	readonly heading: Locator;
	readonly templates: Locator;
	readonly html: Locator;

	constructor(readonly page: Page) {
		this.heading = page.getByRole('heading', { level: 1 });
		this.templates = page.locator('[data-template-id]');
		this.html = page.locator('html');
	}

	async goto(): Promise<void> {
		await this.page.goto('/');
		await expect(this.heading).toBeVisible();
	}

	template(id: string): Locator {
		return this.page.locator(`[data-template-id="${id}"]`);
	}

	/** The button of the language switch that shows `label` (e.g. 中文). */
	languageButton(label: string): Locator {
		return this.page.getByRole('button', { name: label, exact: true });
	}

	async expectLocale(locale: Locale): Promise<void> {
		await expect(this.html).toHaveAttribute('lang', locale);
	}
}

/** A second person on their own browser profile (no shared storage with the first). */
export interface OtherUser {
	context: BrowserContext;
	page: Page;
	editor: EditorPage;
}

async function openOtherUser(browser: Browser, locale: string): Promise<OtherUser> {
	const context = await browser.newContext({ locale });
	const page = await context.newPage();
	return { context, page, editor: new EditorPage(page) };
}

/** Playwright's `test` with planbook's page objects. */
export const test = base.extend<{ homePage: HomePage; planList: PlanListPage; editor: EditorPage; otherUser: OtherUser }>({
	homePage: async ({ page }, use) => {
		await use(new HomePage(page));
	},
	planList: async ({ page }, use) => {
		await use(new PlanListPage(page));
	},
	editor: async ({ page }, use) => {
		await use(new EditorPage(page));
	},
	otherUser: async ({ browser, locale }, use) => {
		const other = await openOtherUser(browser, locale ?? 'en-US');
		await use(other);
		await other.context.close();
	}
});

export { EditorPage, PlanListPage, expect };

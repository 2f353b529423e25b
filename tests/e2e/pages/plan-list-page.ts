import { expect, type Locator, type Page } from '@playwright/test';

/** The home page's plan list, create and import, as a user drives them. */
export class PlanListPage {
	readonly plans: Locator;
	readonly notice: Locator;

	constructor(readonly page: Page) {
		this.plans = page.locator('[data-plan-id]');
		this.notice = page.locator('[data-error-kind]');
	}

	async goto(): Promise<void> {
		await this.page.goto('/');
		// The list comes from IndexedDB after hydration: wait until it has been read.
		await expect(this.page.locator('[data-empty-list], [data-plan-id]').first()).toBeVisible();
	}

	/** Creates a plan from a template and waits for its editor; returns the plan id. */
	async createFromTemplate(template: string): Promise<string> {
		await this.page.locator(`[data-template-id="${template}"]`).getByRole('button').click();
		await this.page.waitForURL(/\/p\/[^/#]+$/);
		return this.planIdFromUrl();
	}

	/** Imports a plan file through the file picker; returns the new plan's id. */
	async importFile(path: string): Promise<string> {
		await this.page.locator('[data-import-input]').setInputFiles(path);
		await this.page.waitForURL(/\/p\/[^/#]+$/);
		return this.planIdFromUrl();
	}

	plan(id: string): Locator {
		return this.page.locator(`[data-plan-id="${id}"]`);
	}

	planIdFromUrl(): string {
		return decodeURIComponent(new URL(this.page.url()).pathname.split('/').pop() ?? '');
	}
}

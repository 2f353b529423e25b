import { expect, type Locator, type Page } from '@playwright/test';

/** The plan editor: sections, tables, variables, key figures and the top bar. */
export class EditorPage {
	readonly root: Locator;
	readonly badge: Locator;
	readonly nameDialog: Locator;
	readonly figures: Locator;
	readonly titleField: Locator;

	constructor(readonly page: Page) {
		this.root = page.locator('.editor[data-phase]');
		this.badge = page.locator('[data-status]');
		this.nameDialog = page.locator('dialog[aria-labelledby="name-title"]');
		this.figures = page.locator('[data-figure]');
		this.titleField = page.locator('input.title');
	}

	async setTitle(title: string): Promise<void> {
		await this.titleField.fill(title);
		await this.titleField.press('Enter');
	}

	async goto(url: string): Promise<void> {
		await this.page.goto(url);
	}

	/** Waits until the plan is open with its sections, answering the name question on the way. */
	async ready(name?: string): Promise<void> {
		await expect(this.root).toHaveAttribute('data-phase', 'open');
		if (name !== undefined) await this.chooseName(name);
		await expect(this.page.locator('[data-section-kind]').first()).toBeVisible();
	}

	/** Answers the first-visit name dialog. */
	async chooseName(name: string): Promise<void> {
		await expect(this.nameDialog).toBeVisible();
		await this.nameDialog.getByRole('textbox').fill(name);
		await this.nameDialog.getByRole('button', { name: /Continue|继续/ }).click();
		await expect(this.nameDialog).toBeHidden();
	}

	section(kind: string): Locator {
		return this.page.locator(`[data-section-kind="${kind}"]`).first();
	}

	/** The rich-text area of a section. */
	text(kind: string): Locator {
		return this.section(kind).locator('[role="textbox"][aria-multiline="true"]').first();
	}

	/** Appends `text` as a new paragraph at the end of a section's text. */
	async typeInSection(kind: string, text: string): Promise<void> {
		const box = this.text(kind);
		await box.click();
		await this.page.keyboard.press('ControlOrMeta+End');
		await this.page.keyboard.press('Enter');
		await this.page.keyboard.type(text);
	}

	/** The displayed value of a key figure (`profit`, `payback_month`, …). */
	figure(name: string): Locator {
		return this.page.locator(`[data-figure="${name}"] dd`);
	}

	dataSet(name: string): Locator {
		return this.page.locator(`[data-dataset="${name}"]`);
	}

	variablesPanel(): Locator {
		return this.page.locator('#variables');
	}

	/** The expression field of variable `name` in the variables panel. */
	variableExpression(name: string): Locator {
		return this.variablesPanel().locator(`[data-variable="${name}"] input.expr`);
	}

	async setVariableExpression(name: string, expr: string): Promise<void> {
		const field = this.variableExpression(name);
		await field.fill(expr);
		await field.press('Tab');
	}

	async expectSaved(): Promise<void> {
		await expect(this.badge).toHaveAttribute('data-status', 'saved', { timeout: 15_000 });
	}

	/** The owner's share link for `role`, read from the share popover. */
	async shareLink(role: 'editor' | 'viewer'): Promise<string> {
		await this.page.getByRole('button', { name: /Share|分享/ }).click();
		const link = await this.page.locator(`input[data-role="${role}"]`).inputValue();
		await this.page.keyboard.press('Escape');
		return link;
	}
}

import { translate } from '../../src/lib/i18n';
import { expect, test } from './fixtures';

const TEMPLATE_IDS = ['deep-marketing-ars', 'marketing-plan', 'blank'] as const;

test.describe('home page', () => {
	test('loads and lists the templates in English', async ({ homePage, planList }) => {
		await homePage.goto();

		await expect(homePage.heading).toHaveText(translate('en', 'app.tagline'));
		await homePage.expectLocale('en');
		await expect(homePage.templates).toHaveCount(TEMPLATE_IDS.length);
		for (const id of TEMPLATE_IDS) {
			await expect(homePage.template(id)).toContainText(translate('en', `template.${id}.name`));
			await expect(homePage.template(id)).toContainText(translate('en', `template.${id}.description`));
		}
		await expect(homePage.languageButton('English')).toHaveAttribute('aria-pressed', 'true');
		// A fresh browser knows no plans yet.
		await expect(planList.page.getByText(translate('en', 'plans.list.emptyTitle'))).toBeVisible();
	});

	test('switching to 中文 shows zh-CN text, sets html lang and is remembered', async ({ homePage }) => {
		await homePage.goto();
		await homePage.languageButton('中文').click();

		await homePage.expectLocale('zh-CN');
		await expect(homePage.languageButton('中文')).toHaveAttribute('aria-pressed', 'true');
		await expect(homePage.heading).toHaveText('年度营销计划，数字实时可见');
		await expect(homePage.template('deep-marketing-ars')).toContainText('深度营销 · ARS 区域滚动销售计划');
		for (const id of TEMPLATE_IDS) {
			await expect(homePage.template(id)).toContainText(translate('zh-CN', `template.${id}.name`));
		}
		await expect(homePage.page).toHaveTitle(translate('zh-CN', 'home.title'));

		// The choice survives a reload (localStorage, mirrored in a cookie for the server render).
		await homePage.page.reload();
		await homePage.expectLocale('zh-CN');
		await expect(homePage.heading).toHaveText(translate('zh-CN', 'app.tagline'));

		await homePage.languageButton('English').click();
		await homePage.expectLocale('en');
		await expect(homePage.heading).toHaveText(translate('en', 'app.tagline'));
	});
});

test.describe('with a Chinese browser', () => {
	test.use({ locale: 'zh-CN' });

	test('defaults to zh-CN', async ({ homePage }) => {
		await homePage.goto();
		await homePage.expectLocale('zh-CN');
		await expect(homePage.heading).toHaveText(translate('zh-CN', 'app.tagline'));
	});
});

import { describe, expect, it } from 'vitest';
import { FINANCE_OUTPUT_NAMES } from '$lib/domain/finance/types';
import { en, type MessageKey } from './en';
import { LOCALES } from './locale';
import { messagesOf, translate } from './translate';
import { zhCN } from './zh-CN';

const placeholders = (message: string): string[] =>
	[...message.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '').sort();

describe('message catalogues', () => {
	it('zh-CN has exactly the keys of en', () => {
		expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
	});

	it.each(LOCALES)('%s has a non-empty message for every key', (locale) => {
		for (const [key, message] of Object.entries(messagesOf(locale))) {
			expect(message.trim(), key).not.toBe('');
		}
	});

	it('uses the same placeholders in both languages', () => {
		for (const key of Object.keys(en) as MessageKey[]) {
			expect(placeholders(zhCN[key]), key).toEqual(placeholders(en[key]));
		}
	});

	it('labels every finance output', () => {
		for (const name of FINANCE_OUTPUT_NAMES) expect(Object.keys(en)).toContain(`finance.${name}`);
	});

	it('has a name and a description for every home-page template', () => {
		for (const id of ['deep-marketing-ars', 'marketing-plan', 'blank']) {
			expect(Object.keys(en)).toContain(`template.${id}.name`);
			expect(Object.keys(en)).toContain(`template.${id}.description`);
		}
	});
});

describe('translate', () => {
	it('returns the message of the requested locale', () => {
		expect(translate('en', 'template.blank.name')).toBe('Blank plan');
		expect(translate('zh-CN', 'template.blank.name')).toBe('空白计划');
	});

	it('interpolates {name} placeholders with strings and numbers', () => {
		expect(translate('en', 'cli.payback', { month: 3 })).toBe('Payback in month 3');
		expect(translate('zh-CN', 'cli.payback', { month: '3' })).toBe('第 3 个月回本');
	});

	it('leaves a placeholder without a parameter visible', () => {
		expect(translate('en', 'cli.payback')).toBe('Payback in month {month}');
		expect(translate('en', 'cli.payback', { other: 1 })).toBe('Payback in month {month}');
	});

	it('does not reinterpret placeholders inside substituted values', () => {
		expect(translate('en', 'cli.payback', { month: '{month}' })).toBe('Payback in month {month}');
	});
});

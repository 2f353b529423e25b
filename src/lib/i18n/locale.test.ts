import { describe, expect, it } from 'vitest';
import { DEFAULT_LOCALE, LOCALES, detectLocale, isLocale } from './locale';

describe('detectLocale', () => {
	it.each([
		['zh-CN,zh;q=0.9,en;q=0.8', 'zh-CN'],
		['zh', 'zh-CN'],
		['zh-TW', 'zh-CN'],
		['zh-Hant-HK', 'zh-CN'],
		['ZH_cn', 'zh-CN'],
		['en-US,en;q=0.9', 'en'],
		['en-GB', 'en'],
		['fr-FR,fr;q=0.9,zh;q=0.5', 'zh-CN'],
		['de-DE,de;q=0.9', 'en'],
		['en;q=0.5, zh-CN;q=0.8', 'zh-CN'],
		['zh;q=0, en', 'en'],
		['*', 'en'],
		['', 'en']
	] as const)('reads the Accept-Language header %j as %s', (header, expected) => {
		expect(detectLocale(header)).toBe(expected);
	});

	it('reads navigator.languages in order', () => {
		expect(detectLocale(['zh-CN', 'en-US'])).toBe('zh-CN');
		expect(detectLocale(['en-US', 'zh-CN'])).toBe('en');
		expect(detectLocale(['ja-JP', 'zh-TW'])).toBe('zh-CN');
		expect(detectLocale(['ja-JP'])).toBe('en');
		expect(detectLocale([])).toBe('en');
	});

	it('falls back to the default without any input', () => {
		expect(detectLocale(undefined)).toBe(DEFAULT_LOCALE);
		expect(detectLocale(null)).toBe(DEFAULT_LOCALE);
		expect(DEFAULT_LOCALE).toBe('en');
	});
});

describe('isLocale', () => {
	it('accepts exactly the supported locales', () => {
		for (const locale of LOCALES) expect(isLocale(locale)).toBe(true);
		for (const other of ['zh', 'en-US', 'fr', '', null, 1]) expect(isLocale(other)).toBe(false);
	});
});

import { describe, expect, it } from 'vitest';
import { dayNumber, isoDate, money, shortDate } from './chart-format';
import { categoryLabel, tierLabel } from './chart-names';
import { chartContext } from './specs/spec-fixtures';

describe('day numbers', () => {
	it('count days since 1970-01-01 in UTC and format back', () => {
		expect(dayNumber('1970-01-02')).toBe(1);
		const day = dayNumber('2027-03-01');
		expect(day).not.toBeNull();
		expect(isoDate(day ?? 0)).toBe('2027-03-01');
		expect(shortDate(day ?? 0, chartContext('zh-CN'))).toBe('3月1日');
		expect(shortDate(day ?? 0, chartContext('en'))).toBe('Mar 1');
	});

	it('refuse what is not a calendar date', () => {
		expect(dayNumber('2027-02-29')).toBeNull();
		expect(dayNumber('2027-3-1')).toBeNull();
		expect(dayNumber(undefined)).toBeNull();
		expect(dayNumber('')).toBeNull();
	});
});

describe('chart text', () => {
	it('formats money compactly in 万 for Chinese plans only', () => {
		expect(money(1_615_000, chartContext('zh-CN'))).toBe('¥161.5万');
		expect(money(1_615_000, chartContext('en'))).toBe('$1,615,000');
	});

	it('translates known category and tier codes, keeps the rest', () => {
		const zh = chartContext('zh-CN');
		expect(categoryLabel('Promotion', zh)).toBe('促销推广');
		expect(categoryLabel('toString', zh)).toBe('toString');
		expect(tierLabel('retailer', zh)).toBe('零售终端');
		expect(tierLabel('一批商', zh)).toBe('一批商');
	});
});

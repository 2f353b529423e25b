import { describe, expect, it } from 'vitest';
import { FINANCE_OUTPUT_NAMES } from '../finance/types';
import { FIGURE_STYLES, formatFigure, formatVariableValue } from './format-figure';
import { NO_VALUE, formatNumber } from './format-number';
import { parseNumberInput } from './parse-number';

const zhCompact = (value: number) => formatNumber(value, { locale: 'zh-CN', style: 'integer', compact: true });

describe('formatNumber', () => {
	it('groups thousands and limits decimals by style', () => {
		expect(formatNumber(1234567.891, { locale: 'en', style: 'number' })).toBe('1,234,567.89');
		expect(formatNumber(0.08333, { locale: 'en', style: 'number' })).toBe('0.0833');
		expect(formatNumber(-1.8, { locale: 'en', style: 'number' })).toBe('-1.8');
		expect(formatNumber(1615000.4, { locale: 'en', style: 'integer' })).toBe('1,615,000');
		expect(formatNumber(0.125, { locale: 'en', style: 'percent' })).toBe('12.5%');
		expect(formatNumber(0.12, { locale: 'zh-CN', style: 'percent' })).toBe('12%');
	});

	it('formats money in the plan currency, without cents on large amounts', () => {
		expect(formatNumber(8, { locale: 'zh-CN', style: 'money', currency: 'CNY' })).toBe('¥8.00');
		expect(formatNumber(80.234, { locale: 'zh-CN', style: 'money', currency: 'CNY' })).toBe('¥80.23');
		expect(formatNumber(8, { locale: 'en', style: 'money', currency: 'USD' })).toBe('$8.00');
		expect(formatNumber(7015909.4, { locale: 'en', style: 'money', currency: 'USD' })).toBe('$7,015,909');
		expect(formatNumber(-600000, { locale: 'en', style: 'money', currency: 'USD' })).toBe('-$600,000');
		expect(formatNumber(8, { locale: 'en', style: 'money', currency: 'JPY' })).toBe('¥8');
	});

	it('uses 万 and 亿 for large zh-CN figures when compact', () => {
		expect(zhCompact(1615000)).toBe('161.5万');
		expect(zhCompact(7015909)).toBe('701.6万');
		expect(zhCompact(1.2e8)).toBe('1.2亿');
		expect(zhCompact(12000)).toBe('1.2万');
		expect(zhCompact(50000)).toBe('5万');
		expect(zhCompact(12345678)).toBe('1234.6万');
		expect(zhCompact(123456789)).toBe('1.23亿');
		expect(zhCompact(-250000)).toBe('-25万');
		expect(zhCompact(5e9)).toBe('50亿');
	});

	it('keeps figures below 1万 plain and rounds 9999.96万 up to 1亿', () => {
		expect(zhCompact(9999)).toBe('9,999');
		expect(zhCompact(99999999)).toBe('1亿');
		expect(zhCompact(99995000)).toBe('9999.5万');
		expect(zhCompact(99999600)).toBe('1亿');
		expect(zhCompact(99940000)).toBe('9994万');
	});

	it('writes compact money with the currency symbol before the scaled amount', () => {
		expect(formatNumber(1615000, { locale: 'zh-CN', style: 'money', currency: 'CNY', compact: true })).toBe('¥161.5万');
		expect(formatNumber(-3e8, { locale: 'zh-CN', style: 'money', currency: 'CNY', compact: true })).toBe('-¥3亿');
		expect(formatNumber(128, { locale: 'zh-CN', style: 'money', currency: 'CNY', compact: true })).toBe('¥128.00');
	});

	it('does not compact English figures or percentages', () => {
		expect(formatNumber(1615000, { locale: 'en', style: 'integer', compact: true })).toBe('1,615,000');
		expect(formatNumber(123456, { locale: 'zh-CN', style: 'percent', compact: true })).toBe('12,345,600%');
	});

	it('never prints negative zero and shows non-finite values as a dash', () => {
		expect(formatNumber(-0, { locale: 'en', style: 'number' })).toBe('0');
		expect(formatNumber(-0.0001, { locale: 'en', style: 'integer' })).toBe('0');
		expect(formatNumber(-0.001, { locale: 'zh-CN', style: 'money', currency: 'CNY' })).toBe('¥0.00');
		expect(formatNumber(Number.NaN, { locale: 'en', style: 'number' })).toBe(NO_VALUE);
		expect(formatNumber(Infinity, { locale: 'en', style: 'money' })).toBe(NO_VALUE);
	});

	it('reads back what it writes (plain en styles)', () => {
		for (const v of [0, 1, 1234.5, -98765.43, 1e7]) {
			const text = formatNumber(v, { locale: 'en', style: 'number' });
			expect(parseNumberInput(text, { locale: 'en' })).toEqual({ ok: true, value: v });
		}
		expect(parseNumberInput(formatNumber(1615000, { locale: 'zh-CN', style: 'integer', compact: true }), { locale: 'zh-CN' })).toEqual({ ok: true, value: 1615000 });
		expect(parseNumberInput(formatNumber(0.125, { locale: 'en', style: 'percent' }), { locale: 'en' })).toEqual({ ok: true, value: 0.125 });
	});
});

describe('formatFigure', () => {
	const zh = { locale: 'zh-CN', currency: 'CNY' } as const;
	const en = { locale: 'en', currency: 'USD' } as const;

	it('has a style for every finance output', () => {
		expect(Object.keys(FIGURE_STYLES).sort()).toEqual([...FINANCE_OUTPUT_NAMES].sort());
	});

	it('shows ratios as percent, money in currency, units as integers', () => {
		expect(formatFigure('contribution_margin_ratio', 0.3512, en)).toBe('35.1%');
		expect(formatFigure('margin_of_safety', 0.25, zh)).toBe('25%');
		expect(formatFigure('net_price', 80.2345, en)).toBe('$80.23');
		expect(formatFigure('revenue', 7015909, en)).toBe('$7,015,909');
		expect(formatFigure('revenue', 7015909, zh)).toBe('¥701.6万');
		expect(formatFigure('profit', -1.2e8, zh)).toBe('-¥1.2亿');
		expect(formatFigure('units', 1615000, en)).toBe('1,615,000');
		expect(formatFigure('units', 1615000, zh)).toBe('161.5万');
		expect(formatFigure('breakeven_units', 8123.6, zh)).toBe('8,124');
	});

	it('shows a missing figure as a dash and unknown names as numbers', () => {
		expect(formatFigure('breakeven_units', null, en)).toBe(NO_VALUE);
		expect(formatFigure('my_ratio', 0.5, en)).toBe('0.5');
	});
});

describe('formatVariableValue', () => {
	const zh = { locale: 'zh-CN', currency: 'CNY' } as const;
	const en = { locale: 'en', currency: 'CNY' } as const;

	it('formats money units in the currency', () => {
		expect(formatVariableValue(128, 'CNY', zh)).toBe('¥128.00');
		expect(formatVariableValue(128, '元', zh)).toBe('¥128.00');
		expect(formatVariableValue(600000, 'CNY', zh)).toBe('¥60万');
		expect(formatVariableValue(3, 'USD', en)).toBe('$3.00');
	});

	it('formats shares as percent and other units after the number', () => {
		expect(formatVariableValue(0.25, '%', en)).toBe('25%');
		expect(formatVariableValue(1615000, '件', zh)).toBe('161.5万 件');
		expect(formatVariableValue(12, 'months', en)).toBe('12 months');
		expect(formatVariableValue(-1.8, undefined, en)).toBe('-1.8');
		expect(formatVariableValue(5, 'PCS', en)).toBe('5 PCS');
	});
});

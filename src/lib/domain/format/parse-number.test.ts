import { describe, expect, it } from 'vitest';
import { parseNumberInput } from './parse-number';

const en = (text: string) => parseNumberInput(text, { locale: 'en' });
const zh = (text: string) => parseNumberInput(text, { locale: 'zh-CN' });
const value = (text: string) => {
	const r = en(text);
	return r.ok ? r.value : r.reason;
};

describe('parseNumberInput', () => {
	it.each([
		['0', 0],
		['42', 42],
		['1234.5', 1234.5],
		['1,234.5', 1234.5],
		['1,234,567', 1234567],
		['1 234 567', 1234567],
		['.5', 0.5],
		['5.', 5],
		['  7  ', 7],
		['+3', 3],
		['1e6', 1e6],
		['2.5E-3', 0.0025]
	])('reads plain and grouped numbers: %s', (text, expected) => {
		expect(value(text)).toBe(expected);
	});

	it.each([
		['12%', 0.12],
		['7%', 0.07],
		['12.5 %', 0.125],
		['100%', 1],
		['-3%', -0.03],
		['5‰', 0.005],
		['１２％', 0.12]
	])('reads percentages as fractions: %s', (text, expected) => {
		expect(value(text)).toBe(expected);
	});

	it.each([
		['¥8', 8],
		['￥8', 8],
		['$8', 8],
		['€8', 8],
		['£1,200', 1200],
		['CNY 8', 8],
		['cny8', 8],
		['RMB 12.5', 12.5],
		['US$ 3', 3],
		['8元', 8],
		['8 元', 8],
		['8 USD', 8],
		['¥1,234.56', 1234.56]
	])('ignores currency marks: %s', (text, expected) => {
		expect(value(text)).toBe(expected);
	});

	it.each([
		['1.2万', 12000],
		['1.1万', 11000],
		['3亿', 300000000],
		['1.5亿', 150000000],
		['2千', 2000],
		['3百万', 3000000],
		['1千万', 10000000],
		['1万亿', 1e12],
		['¥1.2万', 12000],
		['1.2万元', 12000],
		['5k', 5000],
		['5 K', 5000],
		['2.5m', 2500000],
		['1.5M', 1500000],
		['3bn', 3e9]
	])('applies magnitudes exactly: %s', (text, expected) => {
		expect(value(text)).toBe(expected);
	});

	it.each([
		['-5', -5],
		['−5', -5],
		['(5)', -5],
		['(1,234.5)', -1234.5],
		['-¥5', -5],
		['¥-5', -5],
		['(¥5)', -5],
		['-1.2万', -12000],
		['-0', 0]
	])('reads negatives: %s', (text, expected) => {
		expect(value(text)).toBe(expected);
	});

	it.each([
		['１２３', 123],
		['１，２３４．５', 1234.5],
		['１２３。５', 123.5],
		['１２３，４５６', 123456],
		['－５', -5],
		['（５）', -5],
		['１．２万', 12000],
		['\u3000８\u3000', 8]
	])('normalises full-width input from a Chinese IME: %s', (text, expected) => {
		expect(zh(text)).toEqual({ ok: true, value: expected });
	});

	it.each(['', '   ', '\u3000'])('reports empty input as empty: %j', (text) => {
		expect(en(text)).toEqual({ ok: false, reason: 'empty' });
	});

	it.each([
		'abc',
		'1,2',
		'1,23',
		'1234,567',
		'1 234,5',
		'12,34,567',
		'.',
		'-',
		'1.2.3',
		'--5',
		'(-5)',
		'¥',
		'%',
		'12%%',
		'¥12%',
		'¥8元',
		'1e400',
		'Infinity',
		'NaN',
		'0x10',
		'5 apples',
		'1.2万%',
		'e5',
		'1 2345'
	])('refuses what is not a number: %j', (text) => {
		expect(en(text)).toEqual({ ok: false, reason: 'invalid' });
	});

	it('gives the same answer in both plan locales', () => {
		for (const text of ['1,234.5', '12%', '¥8', '1.2万', 'abc']) expect(zh(text)).toEqual(en(text));
	});
});

import { describe, expect, it } from 'vitest';
import { checkExpression, isFormulaError, type CheckedExpression } from './expression.js';
import { compileIr } from './compile.js';
import { MAX_EXPRESSION_DEPTH, MAX_EXPRESSION_LENGTH } from './limits.js';
import type { FormulaError } from './errors.js';

function evalWith(expr: string, scope: Record<string, number> = {}): number {
	const c = checkExpression(expr);
	if (isFormulaError(c)) throw new Error(c.message);
	const names = Object.keys(scope);
	const slots = names.map((n) => scope[n] as number);
	return compileIr(c.ir, (n) => names.indexOf(n))(slots);
}

function errorOf(expr: string): FormulaError {
	const c = checkExpression(expr);
	if (!isFormulaError(c)) throw new Error(`expected an error for ${expr}`);
	return c;
}

describe('checkExpression', () => {
	it('lists the names an expression reads, once each', () => {
		const c = checkExpression('price * (1 - discount) + price / max(units, 1)') as CheckedExpression;
		expect([...c.refs].sort()).toEqual(['discount', 'price', 'units']);
	});

	it.each([
		['1 + 2 * 3', 7],
		['2 ^ 3 ^ 2', 512],
		['-2 ^ 2', -4],
		['10 % 3', 1],
		['-7 mod 3', 2],
		['1 < 2 ? 10 : 20', 10],
		['1 < 2 < 3', 1],
		['3 > 2 > 1', 1],
		['3 > 2 > 2', 0],
		['0.1 + 0.2 == 0.3', 1],
		['not (1 and 0)', 1],
		['1 xor 1', 0],
		['true + true', 2],
		['min(3, 1, 2) + max(4, 5) + sum(1, 2, 3) + mean(2, 4)', 1 + 5 + 6 + 3],
		['abs(-2) + round(2.345, 2) + floor(2.7) + ceil(2.1) + sqrt(16)', 2 + 2.35 + 2 + 3 + 4],
		['round(-2.5)', -3],
		['pow(2, 10) + log(exp(2)) + log(8, 2) + log10(1000)', 1024 + 2 + 3 + 3],
		['clamp(12, 0, 10) + clamp(-1, 0, 10)', 10],
		['2 price', 20]
	])('evaluates %s', (expr, expected) => {
		expect(evalWith(expr, { price: 10 })).toBeCloseTo(expected, 10);
	});

	it('evaluates only the branch a conditional takes', () => {
		expect(evalWith('x > 0 ? 1 / x : 0', { x: 0 })).toBe(0);
	});

	it.each([
		['import({}, {override: true})', 'refused'],
		['createUnit("foo")', 'refused'],
		['evaluate("1+1")', 'refused'],
		['parse("1")', 'refused'],
		['range(1, 10)', 'refused'],
		['"text"', 'refused'],
		['x = 2', 'refused'],
		['f(x) = x', 'refused'],
		['a.b', 'refused'],
		['a[1]', 'refused'],
		['a.b(1)', 'refused'],
		['[1, 2]', 'refused'],
		['{a: 1}', 'refused'],
		['1:3', 'refused'],
		['5 cm to inch', 'refused'],
		['5!', 'refused'],
		["a'", 'refused'],
		['a; b', 'refused'],
		['null', 'refused'],
		['1 +', 'parse'],
		['', 'parse'],
		['   ', 'parse'],
		['max()', 'parse'],
		['pow(1)', 'parse']
	])('refuses %s as %s', (expr, kind) => {
		expect(errorOf(expr).kind).toBe(kind);
	});

	it('names the refused function', () => {
		expect(errorOf('import("fs")').message).toBe('function "import" is not allowed');
	});

	it('refuses expressions over the length limit before parsing', () => {
		const e = errorOf('1+'.repeat(MAX_EXPRESSION_LENGTH) + '1');
		expect(e).toMatchObject({ kind: 'too-long', limit: MAX_EXPRESSION_LENGTH });
	});

	it('refuses 5,000 nested parentheses quickly and without a stack overflow', () => {
		const start = performance.now();
		const e = errorOf('('.repeat(5000) + '1' + ')'.repeat(5000));
		expect(['too-long', 'too-deep']).toContain(e.kind);
		const deep = errorOf('('.repeat(MAX_EXPRESSION_DEPTH + 1) + '1' + ')'.repeat(MAX_EXPRESSION_DEPTH + 1));
		expect(deep.kind).toBe('too-deep');
		expect(performance.now() - start).toBeLessThan(100);
	});

	it('refuses deep trees that use no brackets', () => {
		expect(errorOf('-'.repeat(200) + '1').kind).toBe('too-deep');
		expect(errorOf('1' + '^1'.repeat(200)).kind).toBe('too-deep');
	});

	it('accepts nesting up to the limit', () => {
		const n = MAX_EXPRESSION_DEPTH - 2;
		expect(evalWith('('.repeat(n) + '1' + ')'.repeat(n))).toBe(1);
	});

	it('gives non-finite results as numbers for the engine to flag', () => {
		expect(evalWith('10^10^10')).toBe(Infinity);
		expect(evalWith('1/0')).toBe(Infinity);
		expect(evalWith('sqrt(-1)')).toBeNaN();
	});
});

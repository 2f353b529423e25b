import { describe, expect, it } from 'vitest';
import { describeValue, formatPath, valueAt } from './issues';

describe('formatPath', () => {
	it.each([
		[[], '$'],
		[['meta', 'title'], 'meta.title'],
		[['data', 'priceChain', 0, 'rate'], 'data.priceChain[0].rate'],
		[['scenarios', 1, 'overrides', 'a b'], 'scenarios[1].overrides["a b"]'],
		[[0, 'x'], '$[0].x'],
		[['1x'], '$["1x"]']
	] as const)('%j → %s', (path, text) => {
		expect(formatPath(path)).toBe(text);
	});
});

describe('describeValue', () => {
	it.each([
		['twelve', '"twelve"'],
		[12.5, '12.5'],
		[Number.NaN, 'NaN'],
		[Number.NEGATIVE_INFINITY, '-Infinity'],
		[null, 'null'],
		[undefined, 'nothing'],
		[true, 'true'],
		[[1, 'a', { b: [] }], '[1,"a",{"b":[]}]'],
		[10n, '10n']
	])('%s → %s', (value, text) => {
		expect(describeValue(value)).toBe(text);
	});

	it('stays within 40 characters', () => {
		const long = describeValue('x'.repeat(1_000_000));
		expect(long).toBe(`"${'x'.repeat(38)}…`);
		expect(long).toHaveLength(40);
		expect(describeValue(Array.from({ length: 100_000 }, (_, index) => index)).length).toBeLessThanOrEqual(40);
	});

	it('survives cycles and deep nesting', () => {
		const cyclic: Record<string, unknown> = {};
		cyclic.self = cyclic;
		expect(describeValue(cyclic).length).toBeLessThanOrEqual(40);
		let deep: unknown = 0;
		for (let depth = 0; depth < 100_000; depth++) deep = [deep];
		expect(describeValue(deep)).toBe(`${'['.repeat(39)}…`);
	});
});

describe('valueAt', () => {
	it('reads own values only', () => {
		const input = { a: [{ b: 1 }] };
		expect(valueAt(input, ['a', 0, 'b'])).toBe(1);
		expect(describeValue(valueAt(input, ['a', 1, 'b']))).toBe('nothing');
		expect(describeValue(valueAt(input, ['toString']))).toBe('nothing');
	});
});

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_NAMES, EXAMPLES_DIR, numericDifferences, SHARED_EXAMPLES_DIR } from './examples.js';

describe('example plans', () => {
	it('has the three shared examples', () => {
		expect(EXAMPLE_NAMES).toEqual(['breakeven-basic', 'deep-marketing-ars', 'price-scenarios']);
	});

	it.runIf(existsSync(SHARED_EXAMPLES_DIR))('copies equal shared/examples', () => {
		for (const name of EXAMPLE_NAMES) {
			for (const suffix of ['.plan.json', '.expected.json']) {
				const copy = readFileSync(join(EXAMPLES_DIR, name + suffix), 'utf8');
				expect(copy, name + suffix).toBe(readFileSync(join(SHARED_EXAMPLES_DIR, name + suffix), 'utf8'));
			}
		}
	});

	it('compares numbers with the examples tolerance', () => {
		expect(numericDifferences({ a: 1e12, b: [1] }, { a: 1e12 + 500, b: [1.009], extra: 1 })).toEqual([]);
		expect(numericDifferences({ a: 1 }, { a: 1.02 })).toEqual(['$.a: expected 1, got 1.02']);
		expect(numericDifferences({ a: [1, 2] }, { a: [1] })).toHaveLength(1);
		expect(numericDifferences({ a: null }, { a: 0 })).toHaveLength(1);
	});
});

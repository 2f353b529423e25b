/**
 * The example plans of shared/examples with their expected `simulate` output (DESIGN §8), copied
 * into the repository so tests run without shared/ beside the clone; examples.test.ts checks the
 * copies still equal the originals when shared/ is there.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const EXAMPLES_DIR = join(dirname(fileURLToPath(import.meta.url)), 'examples');
export const SHARED_EXAMPLES_DIR = join(EXAMPLES_DIR, '../../../../../shared/examples');

export const EXAMPLE_NAMES = readdirSync(EXAMPLES_DIR)
	.filter((f) => f.endsWith('.plan.json'))
	.map((f) => f.replace(/\.plan\.json$/, ''))
	.sort();

export function examplePath(name: string): string {
	return join(EXAMPLES_DIR, `${name}.plan.json`);
}

export function exampleText(name: string): string {
	return readFileSync(examplePath(name), 'utf8');
}

export function expectedOutput(name: string): unknown {
	return JSON.parse(readFileSync(join(EXAMPLES_DIR, `${name}.expected.json`), 'utf8'));
}

/**
 * Differences between `expected` and `actual`, comparing numbers to 0.01 absolute or 1e-9
 * relative, whichever is looser (the examples' README). Keys present only in `actual` are allowed.
 */
export function numericDifferences(expected: unknown, actual: unknown, path = '$'): string[] {
	if (typeof expected === 'number') {
		if (typeof actual !== 'number') return [`${path}: expected ${expected}, got ${JSON.stringify(actual)}`];
		const tolerance = Math.max(0.01, 1e-9 * Math.abs(expected));
		return Math.abs(expected - actual) <= tolerance ? [] : [`${path}: expected ${expected}, got ${actual}`];
	}
	if (Array.isArray(expected)) {
		if (!Array.isArray(actual) || actual.length !== expected.length) {
			return [`${path}: expected ${expected.length} items, got ${Array.isArray(actual) ? actual.length : typeof actual}`];
		}
		return expected.flatMap((e, i) => numericDifferences(e, actual[i], `${path}[${i}]`));
	}
	if (expected !== null && typeof expected === 'object') {
		if (actual === null || typeof actual !== 'object') return [`${path}: expected an object`];
		return Object.entries(expected).flatMap(([k, e]) => numericDifferences(e, (actual as Record<string, unknown>)[k], `${path}.${k}`));
	}
	return Object.is(expected, actual) ? [] : [`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
}

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { completeLockfile } from './complete-lockfile.mjs';

describe('package-lock.json', () => {
	it('lists every optional dependency, so `npm ci` accepts it (run scripts/complete-lockfile.mjs)', () => {
		const lock = JSON.parse(readFileSync(new URL('../package-lock.json', import.meta.url), 'utf8'));
		expect(completeLockfile(lock).added).toBe(0);
	});

	it('adds placeholders for missing optional packages', () => {
		const lock = { packages: { '': {}, 'node_modules/a': { optionalDependencies: { b: '^1.2.3' }, dev: true } } };
		expect(completeLockfile(lock).added).toBe(1);
		expect(lock.packages).toHaveProperty(['node_modules/b'], { version: '1.2.3', optional: true, dev: true });
	});
});

#!/usr/bin/env node
// Completes package-lock.json for `npm ci`. The registry mirror this project is built against only
// carries the Linux builds of packages with per-platform optional dependencies (rollup's
// @rollup/rollup-<platform> family), so npm writes a lockfile without the others — and `npm ci`
// then refuses it as "not in sync". Listing each missing optional package as an optional entry
// (no tarball) satisfies the check; npm skips optional packages it cannot fetch or use.
// Run after every dependency change: `node scripts/complete-lockfile.mjs` (a unit test checks it).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Returns the lockfile with placeholder entries added, and how many were added. */
export function completeLockfile(lock) {
	const packages = lock.packages ?? {};
	let added = 0;
	for (const [path, meta] of Object.entries(packages)) {
		for (const [name, range] of Object.entries(meta.optionalDependencies ?? {})) {
			const nested = `${path ? path + '/' : ''}node_modules/${name}`;
			const top = `node_modules/${name}`;
			if (packages[nested] || packages[top]) continue;
			packages[top] = { version: String(range).replace(/^[~^]/, ''), optional: true, ...(meta.dev ? { dev: true } : {}) };
			added++;
		}
	}
	return { lock, added };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const file = new URL('../package-lock.json', import.meta.url);
	const { lock, added } = completeLockfile(JSON.parse(readFileSync(file, 'utf8')));
	writeFileSync(file, JSON.stringify(lock, null, 2) + '\n');
	console.log(`complete-lockfile: added ${added} optional placeholder entr${added === 1 ? 'y' : 'ies'}`);
}

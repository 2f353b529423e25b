// Decides whether the production build (build/handler.js) is older than its sources, and rebuilds
// it with the project's own vite. Shared by build-if-stale.mjs (tests) and start.mjs (npm start).
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root (this file lives in scripts/). */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The file adapter-node writes last-ish and the server imports; its age is the build's age. */
export const BUILD_OUTPUT = 'build/handler.js';

/** Everything whose change can change the build, relative to ROOT. */
export const BUILD_INPUTS = ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'package.json'];

/**
 * Newest modification time (ms) of a file, or of a directory and anything below it (a directory's
 * own time changes when an entry is added, removed or renamed); 0 when missing.
 */
export function newestMtime(path) {
	let stats;
	try {
		stats = statSync(path);
	} catch {
		return 0;
	}
	if (!stats.isDirectory()) return stats.mtimeMs;
	let newest = stats.mtimeMs;
	for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
	return newest;
}

/**
 * Whether the build must be (re)made, and why, for messages.
 * @param {string} [root]
 * @returns {{ stale: boolean, reason: string }}
 */
export function buildStaleness(root = ROOT) {
	const built = newestMtime(join(root, BUILD_OUTPUT));
	if (built === 0) return { stale: true, reason: `${BUILD_OUTPUT} is missing` };
	for (const input of BUILD_INPUTS) {
		if (newestMtime(join(root, input)) > built) {
			return { stale: true, reason: `${input} changed since the last build` };
		}
	}
	return { stale: false, reason: 'build is up to date' };
}

/**
 * Runs `vite build` (stdio inherited) when the build is stale; resolves when done, rejects when
 * vite fails.
 * @param {string} [root]
 * @returns {Promise<void>}
 */
export function buildIfStale(root = ROOT) {
	const { stale, reason } = buildStaleness(root);
	if (!stale) return Promise.resolve();
	console.log(`planbook: building (${reason})…`);
	const vite = join(root, 'node_modules', '.bin', 'vite');
	return new Promise((resolve, reject) => {
		const child = spawn(vite, ['build'], { cwd: root, stdio: 'inherit' });
		child.on('error', (error) =>
			reject(new Error(`cannot run ${vite} (${error.message}); run \`npm install\` first`))
		);
		child.on('exit', (code, signal) => {
			if (code === 0) resolve();
			else reject(new Error(`vite build failed (${signal ?? `exit code ${code}`})`));
		});
	});
}

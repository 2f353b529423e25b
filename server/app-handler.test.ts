import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadAppHandler, MissingBuildError } from './app-handler';

const dirs: string[] = [];
const tempDir = (): string => {
	const dir = mkdtempSync(join(tmpdir(), 'planbook-build-'));
	dirs.push(dir);
	return dir;
};

afterEach(() => {
	for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('loadAppHandler', () => {
	it('tells the user to run npm run build when there is no build', async () => {
		const buildDir = tempDir();
		const loading = loadAppHandler(buildDir);
		await expect(loading).rejects.toBeInstanceOf(MissingBuildError);
		await expect(loading).rejects.toThrow(/npm run build/);
		await expect(loading).rejects.toThrow(join(buildDir, 'handler.js'));
	});

	it('returns the exported handler of a build', async () => {
		const buildDir = tempDir();
		writeFileSync(join(buildDir, 'handler.js'), 'export const handler = (req, res) => res.end("ok");\n');
		expect(typeof (await loadAppHandler(buildDir))).toBe('function');
	});

	it('refuses a build without a handler export', async () => {
		const buildDir = tempDir();
		writeFileSync(join(buildDir, 'handler.js'), 'export const other = 1;\n');
		await expect(loadAppHandler(buildDir)).rejects.toThrow(/does not export a request handler/);
	});
});

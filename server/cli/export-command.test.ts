import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePlanText } from '../../src/lib/domain/plan/parse.js';
import { examplePath, exampleText } from '../../src/lib/test-data/examples.js';
import { cleanupTempDirs, startTestServer, type TestServer } from '../../tests/integration/helpers/server.js';
import { runCli } from './commands.js';

const dir = mkdtempSync(join(tmpdir(), 'planbook-export-'));
const ars = examplePath('deep-marketing-ars');

describe('planbook export', () => {
	it('writes a plan file that reads back as the same plan', async () => {
		const out = join(dir, 'ars.plan.json');
		const result = await runCli(['export', ars, '--format', 'json', '--out', out]);
		expect(result.code).toBe(0);
		const original = parsePlanText(exampleText('deep-marketing-ars'));
		const again = parsePlanText(readFileSync(out, 'utf8'));
		expect(again).toEqual(original);
	});

	it('prints Markdown to stdout without --out', async () => {
		const result = await runCli(['export', ars, '--format', 'md']);
		expect(result.code).toBe(0);
		expect(result.stdout).toMatch(/^# 2027年奉贤区功能饮料区域滚动开发计划\n/);
		expect(result.stdout).toContain('| 利润 | ¥140.1万 |');
	});

	it('writes DOCX and XLSX files that Word and Excel readers open', async () => {
		const docx = join(dir, 'ars.docx');
		const xlsx = join(dir, 'ars.xlsx');
		expect((await runCli(['export', ars, '--format', 'docx', '--out', docx])).code).toBe(0);
		expect((await runCli(['export', ars, '--format', 'xlsx', '--out', xlsx])).code).toBe(0);
		const text = (await mammoth.extractRawText({ path: docx })).value;
		expect(text).toContain('现状分析');
		expect(text).toContain('¥140.1万');
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.readFile(xlsx);
		expect(workbook.worksheets.map((w) => w.name)).toContain('月度损益');
		// No partial file is left beside the outputs.
		expect(readdirSync(dir).filter((f) => f.includes('.partial-'))).toEqual([]);
	});

	it('leaves an existing file untouched when the plan is invalid', async () => {
		const out = join(dir, 'keep.md');
		await runCli(['export', ars, '--format', 'md', '--out', out]);
		const before = readFileSync(out, 'utf8');
		const bad = join(dir, 'bad.json');
		writeFileSync(bad, '{"format": "planbook.plan/v1"}');
		const result = await runCli(['export', bad, '--format', 'md', '--out', out]);
		expect(result.code).toBe(1);
		expect(result.stderr[0]).toContain('bad.json: meta');
		expect(readFileSync(out, 'utf8')).toBe(before);
		expect(existsSync(out)).toBe(true);
	});
});

describe('planbook import', () => {
	let server: TestServer;
	beforeAll(async () => {
		server = await startTestServer();
	});
	afterAll(async () => {
		await server.close();
		cleanupTempDirs();
	});

	it('creates the plan on a running server and prints its share links', async () => {
		const result = await runCli(['import', ars, '--server', server.url, '--json']);
		expect(result.stderr).toEqual([]);
		expect(result.code).toBe(0);
		const { id, links } = JSON.parse(result.stdout) as { id: string; links: Record<string, string> };
		expect(Object.keys(links).sort()).toEqual(['editor', 'owner', 'viewer']);
		const viewer = new URL(links.viewer as string).hash.replace('#token=', '');
		const exported = await fetch(`${server.url}/api/plans/${id}/export?format=json`, { headers: { Authorization: `Bearer ${viewer}` } });
		const original = parsePlanText(exampleText('deep-marketing-ars'));
		expect(original.ok && (await exported.json())).toEqual(original.ok && original.plan);
	});
});

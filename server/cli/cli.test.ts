import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_NAMES, examplePath, expectedOutput, numericDifferences } from '../../src/lib/test-data/examples.js';
import { runCli } from './commands.js';

const dir = mkdtempSync(join(tmpdir(), 'planbook-cli-'));
function planFile(name: string, content: unknown): string {
	const path = join(dir, name);
	writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
	return path;
}

const basePlan = {
	format: 'planbook.plan/v1',
	meta: { title: 'CLI test', locale: 'en', currency: 'USD', year: 2027, standards: [] },
	sections: [],
	variables: [
		{ name: 'price', expr: '120', distribution: { type: 'triangular', min: 100, mode: 120, max: 130 } },
		{ name: 'unit_cost', expr: '80' },
		{ name: 'fixed_costs', expr: '600000' },
		{ name: 'volume', expr: '20000', distribution: { type: 'normal', mean: 20000, sd: 2000 } }
	],
	data: {},
	scenarios: [{ name: 'up', overrides: { price: 'price * 1.1' } }]
};

describe('planbook simulate', () => {
	it.each(EXAMPLE_NAMES)('prints the expected figures for %s', async (name) => {
		const out = await runCli(['simulate', examplePath(name), '--json']);
		expect(out.stderr).toEqual([]);
		expect(out.code).toBe(0);
		expect(numericDifferences(expectedOutput(name), JSON.parse(out.stdout))).toEqual([]);
	});

	it('prints a readable table in the plan locale without --json', async () => {
		const zh = await runCli(['simulate', examplePath('deep-marketing-ars')]);
		expect(zh.stdout).toContain('利润');
		expect(zh.stdout).toContain('1,400,590.91');
		const en = await runCli(['simulate', examplePath('breakeven-basic')]);
		expect(en.stdout).toMatch(/Profit\s+200,000/);
		expect(en.stdout).toContain('25%');
	});

	it('selects a scenario', async () => {
		const out = await runCli(['simulate', planFile('s.json', basePlan), '--scenario', 'up', '--json']);
		const body = JSON.parse(out.stdout);
		expect(body.variables.price).toBeCloseTo(132, 9);
		expect(body.outputs.profit).toBeCloseTo(20000 * 52 - 600000, 6);
	});
});

describe('errors are one clear line and an exit code', () => {
	it.each([
		[['simulate', '/no/such/file.json'], 1, '/no/such/file.json: no such file'],
		[['simulate', planFile('syntax.json', '{"format": ')], 1, 'syntax.json: $: '],
		[['simulate', planFile('rate.json', { ...basePlan, data: { priceChain: [{ tier: 'r', rate: 'twelve', basis: 'margin' }] } })], 1, 'data.priceChain[0].rate: expected a number, got "twelve"'],
		[['simulate', planFile('unknown.json', { ...basePlan, colour: 'red' })], 1, 'colour: unknown key'],
		[['simulate', planFile('hostile.json', { ...basePlan, variables: [...basePlan.variables, { name: 'evil', expr: 'import({}, {override: true})' }] })], 1, 'variables[4].expr: evil: function "import" is not allowed'],
		[['simulate', planFile('deep.json', { ...basePlan, variables: [...basePlan.variables, { name: 'deep', expr: '('.repeat(60) + 'x' + ')'.repeat(60) }] })], 1, 'variables[4].expr: deep: unknown name: x'],
		[['simulate', planFile('ok.json', basePlan), '--scenario', 'nope'], 1, 'no scenario named "nope"'],
		[['simulate'], 2, 'simulate needs a plan file'],
		[['simulate', 'a', 'b'], 2, 'takes one plan file'],
		[['simulate', 'a', '--bogus'], 2, 'unknown option --bogus'],
		[['montecarlo', 'a', '--trials', 'many'], 2, '--trials must be a number'],
		[['montecarlo', 'a', '--trials', '0'], 2, '--trials must be a whole number from 1'],
		[['optimize', 'a'], 2, 'optimize needs --var NAME'],
		[['optimize', 'a', '--var', 'price', '--min', '5', '--max', '1'], 2, '--min must be below --max'],
		[['optimize', planFile('ok2.json', basePlan), '--var', 'nope'], 1, 'the plan has no variable "nope"'],
		[['frobnicate'], 2, 'unknown command "frobnicate"'],
		[['check'], 2, 'check needs a plan file'],
		[['check', planFile('ok3.json', basePlan), '--standard', '/no/pack.yaml'], 1, '/no/pack.yaml: no such file'],
		[['check', planFile('ok4.json', basePlan), '--standard', planFile('bad-pack.yaml', 'id: p\ntitle: {en: p, zh-CN: p}\nrules:\n  - id: r\n    severity: error\n    assert: evaluate("1")\n    message: {en: m, zh-CN: m}')], 1, 'bad-pack.yaml: rules[0] (r).assert: function "evaluate" is not allowed'],
		[['check', planFile('unknown-std.json', { ...basePlan, meta: { ...basePlan.meta, standards: ['acme'] } })], 1, 'meta.standards: unknown standard "acme"'],
		[['export', 'a'], 2, 'export needs --format'],
		[['export', 'a', '--format', 'pdf'], 2, 'unknown format "pdf"'],
		[['export', 'a', '--format', 'docx'], 2, 'needs --out PATH'],
		[['export', planFile('ok5.json', basePlan), '--format', 'xlsx', '--out', '/no/such/dir/x.xlsx'], 1, '/no/such/dir/x.xlsx: no such directory'],
		[['import', planFile('bad-import.json', { ...basePlan, format: 'v0' })], 1, 'bad-import.json: format'],
		[['import', planFile('ok6.json', basePlan), '--server', 'ftp://x'], 2, '--server must be an http(s) address'],
		[['import', planFile('ok7.json', basePlan), '--server', 'http://127.0.0.1:9'], 1, 'cannot reach http://127.0.0.1:9']
	] as const)('%j → exit %i', async (argv, code, text) => {
		const out = await runCli(argv);
		expect(out.code).toBe(code);
		expect(out.stdout).toBe('');
		expect(out.stderr[0]).toContain(text);
		expect(out.stderr.join('\n')).not.toMatch(/\n\s+at /);
	});
});

describe('planbook montecarlo settings', () => {
	it('uses the trials and seed saved with the plan unless flags are given', async () => {
		const file = planFile('saved-settings.json', { ...basePlan, simulation: { trials: 500, seed: 'workshop' } });
		const saved = JSON.parse((await runCli(['montecarlo', file, '--json'])).stdout) as { trials: number; seed: unknown };
		expect(saved).toMatchObject({ trials: 500, seed: 'workshop' });
		const flagged = JSON.parse((await runCli(['montecarlo', file, '--trials', '200', '--seed', '3', '--json'])).stdout) as { trials: number; seed: unknown };
		expect(flagged).toMatchObject({ trials: 200, seed: 3 });
	});
});

describe('planbook check', () => {
	it('pins the ARS example: no error, one warning, exit 0', async () => {
		const out = await runCli(['check', examplePath('deep-marketing-ars'), '--json']);
		expect(out.code).toBe(0);
		const body = JSON.parse(out.stdout);
		expect(Object.keys(body)).toEqual(['score', 'findings']);
		expect(body.findings).toEqual([
			{
				rule: 'F5.dealer-weights',
				severity: 'warning',
				target: { data: 'dealers' },
				message: '经销商评估权重合计为 1.1，不是1。',
				hint: '经销商评估权重合计应为1，评分才能保持在原有分值范围内。'
			}
		]);
	});

	it('exits 1 on error findings and prints a readable list without --json', async () => {
		const out = await runCli(['check', examplePath('breakeven-basic')]);
		expect(out.code).toBe(1);
		expect(out.stdout).toContain('Standard score:');
		expect(out.stdout).toMatch(/error\s+S1.sections\s+The plan has no "Situation" section./);
	});

	it('adds a custom pack given with --standard', async () => {
		const pack = planFile('acme.yaml', 'id: acme\ntitle: {en: A, zh-CN: A}\nextends: deep-marketing\nrules:\n  - id: acme.price\n    severity: warning\n    assert: price < 100\n    target: {variable: price}\n    message: {en: Price too high, zh-CN: 价格太高}');
		const out = await runCli(['check', examplePath('breakeven-basic'), '--standard', pack, '--json']);
		const body = JSON.parse(out.stdout);
		expect(body.findings.filter((f: { rule: string }) => f.rule === 'acme.price')).toEqual([
			{ rule: 'acme.price', severity: 'warning', target: { variable: 'price' }, message: 'Price too high', hint: 'Price too high' }
		]);
	});
});

describe('planbook montecarlo and optimize', () => {
	it('gives the same numbers for the same seed', async () => {
		const file = planFile('mc.json', basePlan);
		const a = JSON.parse((await runCli(['montecarlo', file, '--trials', '5000', '--seed', '9', '--json'])).stdout);
		const b = JSON.parse((await runCli(['montecarlo', file, '--trials', '5000', '--seed', '9', '--json'])).stdout);
		expect(a).toEqual(b);
		expect(Object.keys(a)).toEqual(['trials', 'seed', 'outputs', 'p_loss']);
		expect(Object.keys(a.outputs.profit)).toEqual(['mean', 'sd', 'p5', 'p50', 'p95']);
		expect(a.trials).toBe(5000);
		expect(a.seed).toBe(9);
		expect(a.outputs.profit.p5).toBeLessThan(a.outputs.profit.p95);
	});

	it('finds the profit-maximising price', async () => {
		const out = await runCli(['optimize', examplePath('price-scenarios'), '--var', 'price', '--json']);
		const body = JSON.parse(out.stdout);
		expect(Object.keys(body)).toEqual(['var', 'value', 'profit']);
		expect(body.value).toBeCloseTo((-1.8 * 14) / (0.65 * -0.8), 4);
	});
});

describe('the planbook binary', () => {
	const run = promisify(execFile);
	it('runs through npm in a real process with exit codes and no stack trace', async () => {
		const ok = await run('node', ['bin/planbook.mjs', 'simulate', examplePath('breakeven-basic'), '--json']);
		expect(JSON.parse(ok.stdout).outputs.profit).toBe(200000);
		const bad = await run('node', ['bin/planbook.mjs', 'simulate', planFile('bad.json', '[]')]).catch((e: { code: number; stderr: string }) => e);
		expect(bad).toMatchObject({ code: 1 });
		expect((bad as { stderr: string }).stderr.trim().split('\n')).toHaveLength(1);
		const usage = await run('node', ['bin/planbook.mjs']).catch((e: { code: number }) => e);
		expect(usage).toMatchObject({ code: 2 });
	});
});

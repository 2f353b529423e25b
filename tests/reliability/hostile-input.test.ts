/**
 * Hostile input end to end, where the unit tests stop at the domain (expression.test.ts,
 * custom-pack.test.ts) or at one export (export-plan.test.ts):
 * - formulas and rule-pack asserts that try mathjs' escape hatches, prototype names, huge numbers,
 *   deep nesting and length, sent through the REST API and the CLI: each gets a clear error (or, for
 *   a value that only overflows, an error value on its variable), answers quickly, and leaves the
 *   server serving and Object.prototype untouched;
 * - XSS payloads in the title, section titles and text, variable labels, budget rows, scenario
 *   overrides and comments, exported through the REST API as md, docx (read back with mammoth),
 *   xlsx (read back with exceljs) and json: never live markup, links or formulas anywhere, and the
 *   text itself kept, escaped; the download is an attachment the browser will not sniff.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../server/cli/commands';
import { readThreads, startThread } from '../../src/lib/collab/edit/comments';
import { planRoots } from '../../src/lib/collab/schema/roots';
import { apiRequest, createPlan, type CreatedPlan } from '../integration/helpers/api';
import { eventually } from '../integration/helpers/eventually';
import { cleanupTempDirs, startTestServer, type TestServer } from '../integration/helpers/server';
import { connectClient, destroyClients } from '../integration/helpers/yjs-client';

/** Every way text could turn into markup, a script, a link or a spreadsheet formula. */
const XSS = '<img src=x onerror=alert(1)> </script><script>alert(2)</script> <a href="javascript:alert(3)">a</a> [link](javascript:alert(4))';
const FORMULA_INJECTION = '=HYPERLINK("javascript:alert(5)","click")';
const COMMENT_XSS = '<svg onload=alert(6)> comment';
/** A formula must answer within this, however hostile (the REST round trip included). */
const ANSWER_MS = 2_000;

let server: TestServer;
const dir = mkdtempSync(join(tmpdir(), 'planbook-hostile-'));

beforeAll(async () => {
	server = await startTestServer();
});

afterAll(async () => {
	destroyClients();
	await server.close();
	cleanupTempDirs();
	rmSync(dir, { recursive: true, force: true });
});

function planFile(parts: { variables?: { name: string; expr: string; label?: string; unit?: string; source?: string }[]; title?: string; packs?: unknown[] } = {}): Record<string, unknown> {
	return {
		format: 'planbook.plan/v1',
		meta: { title: parts.title ?? 'Hostile input', locale: 'en', currency: 'CNY', year: 2027, standards: [] },
		sections: [],
		variables: parts.variables ?? [
			{ name: 'price', expr: '120' },
			{ name: 'unit_cost', expr: '80' },
			{ name: 'fixed_costs', expr: '600000' },
			{ name: 'volume', expr: '20000' }
		],
		data: {},
		scenarios: [],
		...(parts.packs ? { packs: parts.packs } : {})
	};
}

/** Formulas that must never run: each becomes a plainly worded problem of its variable. */
const HOSTILE_FORMULAS: [expr: string, message: RegExp][] = [
	['import({}, {override: true})', /function "import" is not allowed/],
	['createUnit("evil")', /function "createUnit" is not allowed/],
	['evaluate("1+1")', /function "evaluate" is not allowed/],
	['parse("1")', /function "parse" is not allowed/],
	['constructor.constructor("return process")()', /syntax error/],
	['price.constructor', /not allowed/],
	['__proto__.polluted = 1', /not allowed/],
	['price["__proto__"]', /not allowed/],
	['"<script>alert(1)</script>"', /only numbers are allowed/],
	['-'.repeat(300) + '1', /too deep|nested/],
	['('.repeat(900) + '1' + ')'.repeat(900), /too deep|nested/],
	['constructor + 1', /unknown name: constructor/],
	['__proto__ + 1', /unknown name: __proto__/],
	['toString + hasOwnProperty', /unknown names: toString, hasOwnProperty/],
	['10^10^10^10', /no finite value/],
	['9^9^9^9^9^9', /no finite value/]
];
/** Refused by the file validator before any parsing: too long to be a formula. */
const TOO_LONG: string[] = ['('.repeat(5_000) + '1' + ')'.repeat(5_000), '1+'.repeat(3_000) + '1', 'x'.repeat(100_000)];

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
	const started = performance.now();
	const value = await work();
	return { value, ms: performance.now() - started };
}

const hostileVariables = (): { name: string; expr: string }[] => [
	{ name: 'price', expr: '120' },
	...HOSTILE_FORMULAS.map(([expr], index) => ({ name: `evil${index}`, expr }))
];

describe('hostile formulas through the REST API', () => {
	it('stores a plan full of them quickly, each problem said plainly on its variable, nothing run', async () => {
		const { value: created, ms } = await timed(() => apiRequest(server.url, '/api/plans', { method: 'POST', body: { plan: planFile({ variables: hostileVariables() }) } }));
		expect(created.status).toBe(201);
		expect(ms).toBeLessThan(ANSWER_MS);
		const { id, tokens } = created.json as CreatedPlan;
		const { value: md, ms: exportMs } = await timed(() => fetch(`${server.url}/api/plans/${id}/export?format=md`, { headers: { Authorization: `Bearer ${tokens.viewer}` } }).then((r) => r.text()));
		expect(exportMs).toBeLessThan(ANSWER_MS);
		// Markdown escapes underscores: compare with them unescaped.
		const problems = md.replaceAll('\\_', '_');
		HOSTILE_FORMULAS.forEach(([, message], index) => {
			const line = problems.split('\n').find((l) => l.includes(`.expr: evil${index}: `));
			expect(line, `evil${index}`).toMatch(message);
		});
		const stored = (await apiRequest(server.url, `/api/plans/${id}/export?format=json`, { token: tokens.viewer })).json as { variables: { expr: string }[] };
		expect(stored.variables.map((v) => v.expr)).toEqual(hostileVariables().map((v) => v.expr));
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		expect((await apiRequest(server.url, '/healthz')).status).toBe(200);
	});

	it.each(TOO_LONG.map((expr) => [expr.length, expr] as const))('refuses a %i-character formula with a clear 400', async (_length, expr) => {
		const { value, ms } = await timed(() => apiRequest(server.url, '/api/plans', { method: 'POST', body: { plan: planFile({ variables: [{ name: 'price', expr: '120' }, { name: 'evil', expr }] }) } }));
		expect(value.status).toBe(400);
		expect(JSON.stringify(value.json)).toMatch(/variables\[1\]\.expr: expected a formula of at most 2000 characters/);
		expect(ms).toBeLessThan(ANSWER_MS);
	});

	it('keeps a rule pack with a hostile assert as data, and the CLI check reports it without running it', async () => {
		const pack = { id: 'acme', title: { en: 'Acme', 'zh-CN': 'Acme' }, rules: [{ id: 'acme.r', severity: 'error', assert: 'import("fs")', message: { en: 'm', 'zh-CN': 'm' } }] };
		const plan = { ...planFile({ packs: [pack] }), meta: { title: 'Packed', locale: 'en', currency: 'CNY', year: 2027, standards: ['acme'] } };
		const created = await createPlan(server.url, { plan });
		const exported = await apiRequest(server.url, `/api/plans/${created.id}/export?format=json`, { token: created.tokens.viewer });
		const path = join(dir, 'packed.json');
		writeFileSync(path, JSON.stringify(exported.json));
		const { value: out, ms } = await timed(() => runCli(['check', path]));
		expect(out.code).toBe(1);
		expect(out.stderr).toEqual([`${path}: packs (acme): rules[0] (acme.r).assert: function "import" is not allowed`]);
		expect(ms).toBeLessThan(ANSWER_MS);
	});
});

describe('hostile formulas and rule packs through the CLI', () => {
	function file(name: string, content: unknown): string {
		const path = join(dir, name);
		writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
		return path;
	}

	it.each(HOSTILE_FORMULAS.map(([expr, message], index) => [index, expr, message] as const))('simulate refuses formula #%i in one clear line, exit 1', async (index, expr, message) => {
		const path = file(`formula-${index}.json`, planFile({ variables: [{ name: 'price', expr: '120' }, { name: 'evil', expr }] }));
		const { value: out, ms } = await timed(() => runCli(['simulate', path]));
		expect(out.code).toBe(1);
		expect(out.stderr).toHaveLength(1);
		expect(out.stderr[0]).toMatch(message);
		expect(out.stderr[0]).not.toMatch(/\n\s+at /); // no stack trace
		expect(ms).toBeLessThan(ANSWER_MS);
	});

	it.each(TOO_LONG.map((expr) => [expr.length, expr] as const))('simulate refuses a %i-character formula, exit 1', async (length, expr) => {
		const out = await runCli(['simulate', file(`long-${length}.json`, planFile({ variables: [{ name: 'evil', expr }] }))]);
		expect(out.code).toBe(1);
		expect(out.stderr[0]).toMatch(/at most 2000 characters/);
	});

	const PACKS: [name: string, yaml: string, message: RegExp][] = [
		['an import', 'id: p\ntitle: {en: p, zh-CN: p}\nrules:\n  - id: r\n    severity: error\n    assert: import("fs")\n    message: {en: m, zh-CN: m}', /"import" is not allowed/],
		['a prototype walk', 'id: p\ntitle: {en: p, zh-CN: p}\nrules:\n  - id: r\n    severity: error\n    assert: price.constructor.constructor\n    message: {en: m, zh-CN: m}', /property access is not allowed|not allowed/],
		['a billion laughs', `a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n${Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${new Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`).join('\n')}\nid: p\n`, /alias|YAML|not valid|expected/i],
		['deep nesting', `${'['.repeat(20_000)}${']'.repeat(20_000)}`, /not valid|expected|YAML|\$/i],
		['a __proto__ key', 'id: p\ntitle: {en: p, zh-CN: p}\n__proto__: {polluted: 1}\nrules: []', /__proto__|unrecognized|unknown|not allowed|\$/i]
	];

	it.each(PACKS)('check --standard refuses a pack with %s, exit 1, quickly', async (name, yaml, message) => {
		const plan = file(`pack-plan-${name.replace(/\W/g, '')}.json`, planFile());
		const pack = file(`pack-${name.replace(/\W/g, '')}.yaml`, yaml);
		const { value: out, ms } = await timed(() => runCli(['check', plan, '--standard', pack]));
		expect(out.code).toBe(1);
		expect(out.stderr.join('\n')).toMatch(message);
		expect(out.stderr.join('\n')).not.toMatch(/\n\s+at /);
		expect(ms).toBeLessThan(ANSWER_MS);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});
});

describe('XSS payloads in every export', () => {
	let plan: CreatedPlan;
	const exported = new Map<string, Uint8Array>();

	beforeAll(async () => {
		plan = await createPlan(server.url, {
			plan: {
				format: 'planbook.plan/v1',
				meta: { title: `Plan ${XSS}`, locale: 'en', currency: 'CNY', year: 2027, standards: [] },
				sections: [{ kind: 'situation', title: `Section ${XSS}`, text: `Body ${XSS}\n\n${FORMULA_INJECTION}` }],
				variables: [
					{ name: 'price', expr: '120', label: `Label ${XSS}`, unit: `</script>`, source: `javascript:alert(7)` },
					{ name: 'unit_cost', expr: '80' },
					{ name: 'fixed_costs', expr: '600000' },
					{ name: 'volume', expr: '20000' }
				],
				data: { budget: [{ name: FORMULA_INJECTION, category: `@SUM(1+1) ${XSS}`, kind: 'fixed', amount: 1000 }] },
				scenarios: [{ name: `Scenario ${XSS}`, overrides: { price: '130' } }]
			}
		});
		// A comment is collaboration data, never exported; posted here to prove it does not leak.
		const client = connectClient(server.wsBase, plan.id, plan.tokens.editor);
		await eventually(() => expect(client.isSaved()).toBe(true));
		const sectionId = String(planRoots(client.doc).sections.get(0).get('$id'));
		startThread(client.doc, { kind: 'section', id: sectionId }, { author: `Mallory ${COMMENT_XSS}`, at: new Date().toISOString(), text: COMMENT_XSS });
		expect(readThreads(client.doc)).toHaveLength(1);
		await eventually(() => expect(client.isSaved()).toBe(true));
		for (const format of ['md', 'docx', 'xlsx', 'json']) {
			const response = await fetch(`${server.url}/api/plans/${plan.id}/export?format=${format}`, { headers: { Authorization: `Bearer ${plan.tokens.viewer}` } });
			expect(response.status, format).toBe(200);
			expect(response.headers.get('x-content-type-options')).toBe('nosniff');
			expect(response.headers.get('content-disposition')).toMatch(/^attachment;/);
			expect(response.headers.get('content-type')).not.toMatch(/html/);
			exported.set(format, new Uint8Array(await response.arrayBuffer()));
		}
	});

	/** No live markup, script, event handler, javascript: link or spreadsheet formula of ours. */
	function expectInert(text: string, where: string): void {
		expect(text, where).not.toMatch(/<(img|script|\/script|svg|a)\b/i);
	}

	it('markdown: the text is kept, every tag escaped, no javascript: link', () => {
		const md = strFromU8(exported.get('md') ?? new Uint8Array());
		expectInert(md, 'md');
		// A Markdown link is live only where its brackets are not escaped.
		expect(md).not.toMatch(/(?<!\\)\]\(javascript:/i);
		expect(md).toContain('&lt;img src=x onerror=alert(1)&gt;');
		expect(md).toContain('&lt;/script&gt;');
		expect(md).not.toContain(COMMENT_XSS);
	});

	it('docx: XML-escaped text, no hyperlink to javascript:, and mammoth reads it back as plain text', async () => {
		const bytes = exported.get('docx') ?? new Uint8Array();
		const files = unzipSync(bytes);
		const documentXml = strFromU8(files['word/document.xml'] ?? new Uint8Array());
		expectInert(documentXml, 'document.xml');
		const rels = Object.entries(files).filter(([name]) => name.endsWith('.rels')).map(([, data]) => strFromU8(data)).join('\n');
		expect(rels).not.toMatch(/javascript:/i);
		const html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value;
		expectInert(html, 'docx as HTML');
		expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
		const text = (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
		expect(text).toContain(`Section ${XSS}`);
		expect(text).not.toContain(COMMENT_XSS);
	});

	it('xlsx: hostile text stays a string cell; no formula, hyperlink or markup comes from it', async () => {
		const bytes = exported.get('xlsx') ?? new Uint8Array();
		const files = unzipSync(bytes);
		for (const [name, data] of Object.entries(files).filter(([n]) => n.endsWith('.xml') || n.endsWith('.rels'))) {
			const xml = strFromU8(data);
			expectInert(xml, name);
			expect(xml, name).not.toMatch(/<f>[^<]*(HYPERLINK|SUM)/i);
			expect(xml, name).not.toMatch(/Target="javascript:/i);
		}
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
		const strings: string[] = [];
		workbook.eachSheet((sheet) =>
			sheet.eachRow((row) =>
				row.eachCell((cell) => {
					if (typeof cell.value === 'string') strings.push(cell.value);
					expect(cell.type, `${sheet.name}!${cell.address}`).not.toBe(ExcelJS.ValueType.Formula);
					expect(cell.type).not.toBe(ExcelJS.ValueType.Hyperlink);
				})
			)
		);
		expect(strings).toContain(FORMULA_INJECTION);
		expect(strings.some((value) => value.includes('<img src=x onerror=alert(1)>'))).toBe(true);
		expect(strings.join('\n')).not.toContain(COMMENT_XSS);
	});

	it('json: the plan file keeps every string exactly, as data, and no comment', () => {
		const text = strFromU8(exported.get('json') ?? new Uint8Array());
		const file = JSON.parse(text) as { meta: { title: string }; sections: { title: string; text: string }[]; data: { budget: { name: string }[] } };
		expect(file.meta.title).toBe(`Plan ${XSS}`);
		expect(file.sections[0]?.title).toBe(`Section ${XSS}`);
		expect(file.data.budget[0]?.name).toBe(FORMULA_INJECTION);
		expect(text).not.toContain(COMMENT_XSS);
	});

	it('a title built to break the download header stays one safe header', async () => {
		const sneaky = await createPlan(server.url, { plan: planFile({ title: 'Plan"\r\nSet-Cookie: stolen=1; x="' }) });
		const response = await fetch(`${server.url}/api/plans/${sneaky.id}/export?format=md`, { headers: { Authorization: `Bearer ${sneaky.tokens.viewer}` } });
		expect(response.status).toBe(200);
		expect(response.headers.get('set-cookie')).toBeNull();
		expect(response.headers.get('content-disposition')).not.toMatch(/[\r\n]/);
	});
});

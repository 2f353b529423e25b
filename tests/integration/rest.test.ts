/** The REST contract: create (template / file), info, export, delete, health and metrics. */
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CLOSE } from '../../src/lib/collab/protocol';
import { docFromPlan, readPlanFromDoc } from '../../src/lib/collab/schema/plan-doc';
import { parsePlan, TEMPLATE_IDS } from '../../src/lib/domain/plan/index';
import { exampleText } from '../../src/lib/test-data/examples';
import { apiRequest, createPlan, exportJson } from './helpers/api';
import { eventually } from './helpers/eventually';
import { addBudgetLine, appendParagraph, planOf } from './helpers/plan-edits';
import { closeOf } from './helpers/raw-socket';
import { cleanupTempDirs, startTestServer, type TestServer } from './helpers/server';
import { connectClient, destroyClients } from './helpers/yjs-client';

const BODY_LIMIT = 256 * 1024;

let server: TestServer;

beforeAll(async () => {
	server = await startTestServer({ limits: { maxBodyBytes: BODY_LIMIT } });
});

afterEach(() => destroyClients());

afterAll(async () => {
	await server.close();
	cleanupTempDirs();
});

async function post(body: string, contentType = 'application/json'): Promise<{ status: number; json: Record<string, unknown> }> {
	const response = await fetch(`${server.url}/api/plans`, { method: 'POST', headers: { 'Content-Type': contentType }, body });
	return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

describe('POST /api/plans', () => {
	it('creates a plan from every template, with three distinct unguessable tokens', async () => {
		for (const template of TEMPLATE_IDS) {
			const created = await createPlan(server.url, { template });
			expect(created.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
			const tokens = Object.values(created.tokens);
			expect(new Set(tokens).size).toBe(3);
			for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
			const { json } = await apiRequest(server.url, `/api/plans/${created.id}`, { token: created.tokens.owner });
			expect(json).toMatchObject({ id: created.id, role: 'owner', title: expect.any(String) });
		}
	});

	it('takes a locale and a title for a template', async () => {
		const created = await createPlan(server.url, { template: 'blank', locale: 'zh-CN', title: '华东区 2027 计划' });
		const { json } = await apiRequest(server.url, `/api/plans/${created.id}`, { token: created.tokens.viewer });
		expect(json).toMatchObject({ title: '华东区 2027 计划', role: 'viewer' });
		const info = json as { createdAt: string; updatedAt: string };
		expect(Date.parse(info.createdAt)).not.toBeNaN();
		expect(Date.parse(info.updatedAt)).not.toBeNaN();
		const plan = (await exportJson(server.url, created.id, created.tokens.viewer)) as { meta: { locale: string } };
		expect(plan.meta.locale).toBe('zh-CN');
	});

	it('creates a plan from a plan file, exported back unchanged', async () => {
		const file: unknown = JSON.parse(exampleText('deep-marketing-ars'));
		const created = await createPlan(server.url, { plan: file });
		const parsed = parsePlan(file);
		if (!parsed.ok) throw new Error('example does not parse');
		const expected = readPlanFromDoc(docFromPlan(parsed.plan));
		expect(await exportJson(server.url, created.id, created.tokens.viewer)).toEqual(expected.ok ? expected.plan : null);
	});

	it('answers 400 with the validator’s issues for a bad plan file', async () => {
		const { status, json } = await post(JSON.stringify({ plan: { format: 'planbook.plan/v1', meta: { title: 3 }, extra: true } }));
		expect(status).toBe(400);
		expect(json.error).toBe('invalid-plan');
		expect(json.message).toEqual(expect.any(String));
		const issues = json.issues as { path: string; message: string }[];
		expect(issues.length).toBeGreaterThan(0);
		for (const issue of issues) expect(issue).toEqual({ path: expect.any(String), message: expect.any(String) });
	});

	it('refuses bad requests with a JSON error', async () => {
		const cases: [string, string, number, string][] = [
			[JSON.stringify({ template: 'nope' }), 'application/json', 400, 'unknown-template'],
			[JSON.stringify({ template: 'blank', locale: 'fr' }), 'application/json', 400, 'invalid-request'],
			[JSON.stringify({ template: 'blank', colour: 'red' }), 'application/json', 400, 'invalid-request'],
			[JSON.stringify({}), 'application/json', 400, 'invalid-request'],
			[JSON.stringify([1, 2]), 'application/json', 400, 'invalid-request'],
			['{"template": "blank",', 'application/json', 400, 'invalid-json'],
			['', 'application/json', 400, 'invalid-json'],
			['template=blank', 'application/x-www-form-urlencoded', 415, 'unsupported-media-type']
		];
		for (const [body, type, status, error] of cases) {
			const response = await post(body, type);
			expect(response.status, body).toBe(status);
			expect(response.json).toMatchObject({ error, message: expect.any(String) });
		}
	});

	it('answers 413 for a body over the limit', async () => {
		const response = await post(JSON.stringify({ template: 'blank', title: 'x'.repeat(BODY_LIMIT) }));
		expect(response.status).toBe(413);
		expect(response.json.error).toBe('too-large');
	});

	it('answers 405 to other methods', async () => {
		const response = await apiRequest(server.url, '/api/plans');
		expect(response.status).toBe(405);
		expect(response.headers.get('allow')).toBe('POST');
	});
});

describe('GET /api/plans/<id>/export', () => {
	it('returns the current state after live edits, as readPlanFromDoc sees it', async () => {
		const created = await createPlan(server.url);
		const client = connectClient(server.wsBase, created.id, created.tokens.editor);
		await eventually(() => expect(client.provider.synced).toBe(true));
		appendParagraph(client.doc, 2, 'Exported paragraph');
		addBudgetLine(client.doc, 'Exported line', 4321);
		await eventually(() => expect(client.isSaved()).toBe(true));
		expect(await exportJson(server.url, created.id, created.tokens.viewer)).toEqual(planOf(client.doc));
		const info = await apiRequest(server.url, `/api/plans/${created.id}`, { token: created.tokens.viewer });
		expect(info.json).toMatchObject({ title: planOf(client.doc).meta.title });
	});

	it('exports Markdown, DOCX and XLSX of the live plan, with the title as the file name', async () => {
		const created = await createPlan(server.url, { template: 'deep-marketing-ars' });
		const client = connectClient(server.wsBase, created.id, created.tokens.editor);
		await eventually(() => expect(client.provider.synced).toBe(true));
		appendParagraph(client.doc, 0, 'Live <b>edit</b> before export');
		addBudgetLine(client.doc, 'Exported line', 4321);
		await eventually(() => expect(client.isSaved()).toBe(true));
		const title = planOf(client.doc).meta.title;

		const md = await download(created.id, 'md', created.tokens.viewer);
		expect(md.type).toBe('text/markdown; charset=utf-8');
		const text = new TextDecoder().decode(md.body);
		expect(text).toContain(`# ${title}`);
		expect(text).toContain('Live &lt;b&gt;edit&lt;/b&gt; before export');
		expect(text).toContain('| Exported line |');

		const docx = await download(created.id, 'docx', created.tokens.viewer);
		expect(docx.type).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
		expect(docx.disposition).toContain(`filename*=UTF-8''${encodeURIComponent(title)}.docx`);
		const words = (await mammoth.extractRawText({ buffer: Buffer.from(docx.body) })).value;
		expect(words).toContain('Live <b>edit</b> before export');
		expect(words).toContain('Exported line');

		const xlsx = await download(created.id, 'xlsx', created.tokens.viewer);
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(xlsx.body.buffer.slice(xlsx.body.byteOffset, xlsx.body.byteOffset + xlsx.body.byteLength) as ArrayBuffer);
		const budget = workbook.worksheets.find((w) => w.getCell('A1').value === '预算');
		const amounts = budget?.getColumn(4).values ?? [];
		expect(amounts).toContain(4321);
	});

	it('answers 400 for an unknown format and 401 without a token', async () => {
		const created = await createPlan(server.url, { template: 'blank' });
		const bogus = await apiRequest(server.url, `/api/plans/${created.id}/export?format=pdf`, { token: created.tokens.viewer });
		expect(bogus.status).toBe(400);
		expect(bogus.json).toMatchObject({ error: 'unknown-format' });
		const missing = await apiRequest(server.url, `/api/plans/${created.id}/export?format=docx`);
		expect(missing.status).toBe(401);
	});
});

async function download(planId: string, format: string, token: string) {
	const response = await fetch(`${server.url}/api/plans/${planId}/export?format=${format}`, { headers: { Authorization: `Bearer ${token}` } });
	expect(response.status).toBe(200);
	return {
		type: response.headers.get('content-type'),
		disposition: response.headers.get('content-disposition') ?? '',
		body: new Uint8Array(await response.arrayBuffer())
	};
}

describe('DELETE /api/plans/<id>', () => {
	it('is for owners only, closes open sockets with 4404 and forgets the plan', async () => {
		const created = await createPlan(server.url);
		const client = connectClient(server.wsBase, created.id, created.tokens.editor);
		await eventually(() => expect(client.provider.synced).toBe(true));

		for (const role of ['editor', 'viewer'] as const) {
			const refused = await apiRequest(server.url, `/api/plans/${created.id}`, { method: 'DELETE', token: created.tokens[role] });
			expect(refused.status).toBe(403);
		}
		const deleted = await apiRequest(server.url, `/api/plans/${created.id}`, { method: 'DELETE', token: created.tokens.owner });
		expect(deleted.status).toBe(204);

		await eventually(() => expect(client.refusal()?.code).toBe(CLOSE.unknownPlan));
		const info = await apiRequest(server.url, `/api/plans/${created.id}`, { token: created.tokens.owner });
		expect(info.status).toBe(404);
		expect((await closeOf(`${server.wsBase}/${created.id}?token=${created.tokens.owner}`)).code).toBe(CLOSE.unknownPlan);
		const again = await apiRequest(server.url, `/api/plans/${created.id}`, { method: 'DELETE', token: created.tokens.owner });
		expect(again.status).toBe(404);
	});
});

describe('health and metrics', () => {
	it('answers /healthz and exposes Prometheus metrics', async () => {
		expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
		const response = await fetch(`${server.url}/metrics`);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
		const text = await response.text();
		for (const name of [
			'planbook_open_connections',
			'planbook_loaded_docs',
			'planbook_updates_received_total',
			'planbook_updates_rejected_total',
			'planbook_persist_write_seconds_bucket{le="+Inf"}',
			'planbook_persist_write_seconds_count',
			'planbook_frames_rejected_total{reason="malformed"}'
		]) {
			expect(text).toMatch(new RegExp(`^${name.replace(/[{}+"=]/g, (c) => `\\${c}`)} \\d`, 'm'));
		}
	});

	it('answers 404 JSON for pages when no app handler is mounted', async () => {
		const response = await fetch(`${server.url}/some/page`);
		expect(response.status).toBe(404);
	});
});

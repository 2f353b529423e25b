import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { exampleText } from '../test-data/examples';
import { openPlanbookDb, type PlanbookDb } from '../storage/database';
import { getPlan, listPlans, putPlan } from '../storage/plan-records';
import { PlanListState } from './plan-list-state.svelte';
import { PlansApi } from './plans-api';

let counter = 0;
const opened: PlanbookDb[] = [];

afterEach(async () => {
	for (const db of opened.splice(0)) {
		db.close();
		await db.delete();
	}
});

/** A list state over a fresh database and a scripted server; `calls` records each request. */
function setup(respond: (url: string, init?: RequestInit) => Response | Promise<Response>) {
	const db = openPlanbookDb({ name: `planbook-list-${counter++}` });
	opened.push(db);
	const calls: { url: string; method: string; body: unknown }[] = [];
	const api = new PlansApi(async (url, init) => {
		calls.push({ url, method: init?.method ?? 'GET', body: init?.body ? JSON.parse(String(init.body)) : null });
		return respond(url, init);
	});
	return { db, calls, list: new PlanListState({ db, api, now: () => 1_000 }) };
}

const created = (id: string) => Response.json({ id, tokens: { owner: `o-${id}`, editor: `e-${id}`, viewer: `v-${id}` } }, { status: 201 });

describe('PlanListState', () => {
	it('creates a plan from a template and remembers its tokens', async () => {
		const { db, calls, list } = setup((url) =>
			url.endsWith('/p1') ? Response.json({ id: 'p1', title: '2027年计划', role: 'owner' }) : created('p1')
		);
		expect(await list.create('deep-marketing-ars', 'zh-CN')).toBe('p1');
		expect(calls[0]?.body).toEqual({ template: 'deep-marketing-ars', locale: 'zh-CN' });
		expect(await getPlan(db, 'p1')).toMatchObject({
			title: '2027年计划',
			role: 'owner',
			tokens: { owner: 'o-p1', editor: 'e-p1', viewer: 'v-p1' }
		});
	});

	it('an invalid file is refused here with every issue and its path; nothing is sent', async () => {
		const { db, calls, list } = setup(() => created('never'));
		const broken = exampleText('breakeven-basic').replace('"locale": "en"', '"locale": "fr"').replace('"currency": "USD"', '"currency": "yuan"');
		expect(await list.importFile('bad.plan.json', broken)).toBeNull();
		expect(calls).toEqual([]);
		expect(await listPlans(db)).toEqual([]);
		const error = list.error;
		expect(error?.kind).toBe('invalid-file');
		if (error?.kind === 'invalid-file') {
			expect(error.fileName).toBe('bad.plan.json');
			expect(error.issues.map((i) => i.path)).toEqual(['meta.locale', 'meta.currency']);
		}
	});

	it('imports a valid file', async () => {
		const { db, calls, list } = setup(() => created('imp'));
		expect(await list.importFile('ars.json', exampleText('deep-marketing-ars'))).toBe('imp');
		expect((calls[0]?.body as { plan: { meta: { title: string } } }).plan.meta.title).toBe('2027年奉贤区功能饮料区域滚动开发计划');
		expect((await getPlan(db, 'imp'))?.title).toBe('2027年奉贤区功能饮料区域滚动开发计划');
	});

	it('an unreachable server is an error and creates nothing', async () => {
		const { db, list } = setup(() => Promise.reject(new TypeError('offline')));
		expect(await list.create('blank', 'en')).toBeNull();
		expect(list.error).toEqual({ action: 'create', kind: 'unreachable' });
		expect(await listPlans(db)).toEqual([]);
		expect(list.busy).toBeNull();
	});

	it('duplicates through export, with the copy suffix', async () => {
		const { db, calls, list } = setup((url) =>
			url.includes('/export') ? Response.json({ format: 'planbook.plan/v1', meta: { title: 'Plan A', locale: 'en' } }) : created('copy')
		);
		await putPlan(db, {
			id: 'a',
			title: 'Plan A',
			role: 'viewer',
			tokens: { viewer: 'v' },
			createdAt: 1,
			lastEditAt: 1,
			lastOpenedAt: 1,
			collaborators: [],
			locale: 'en'
		});
		const plan = await getPlan(db, 'a');
		if (!plan) throw new Error('missing');
		expect(await list.duplicate(plan, ' (copy)')).toBe('copy');
		expect(calls[1]?.body).toEqual({ plan: { format: 'planbook.plan/v1', meta: { title: 'Plan A (copy)', locale: 'en' } } });
		expect((await getPlan(db, 'copy'))?.title).toBe('Plan A (copy)');
	});

	it('the owner deletes on the server; others only forget locally', async () => {
		const { db, calls, list } = setup(() => new Response(null, { status: 204 }));
		const base = { title: 't', createdAt: 1, lastEditAt: 1, lastOpenedAt: 1, collaborators: [], locale: 'en' as const };
		await putPlan(db, { ...base, id: 'mine', role: 'owner', tokens: { owner: 'o' } });
		await putPlan(db, { ...base, id: 'theirs', role: 'editor', tokens: { editor: 'e' } });
		expect(await list.remove((await getPlan(db, 'mine'))!)).toBe(true);
		expect(await list.remove((await getPlan(db, 'theirs'))!)).toBe(true);
		expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual(['DELETE /api/plans/mine']);
		expect(await listPlans(db)).toEqual([]);
	});

	it('an owner whose delete cannot reach the server keeps the plan', async () => {
		const { db, list } = setup(() => Promise.reject(new TypeError('offline')));
		await putPlan(db, { id: 'mine', title: 't', role: 'owner', tokens: { owner: 'o' }, createdAt: 1, lastEditAt: 1, lastOpenedAt: 1, collaborators: [], locale: 'en' });
		expect(await list.remove((await getPlan(db, 'mine'))!)).toBe(false);
		expect(list.error).toEqual({ action: 'delete', kind: 'unreachable' });
		expect(await getPlan(db, 'mine')).toBeDefined();
	});
});

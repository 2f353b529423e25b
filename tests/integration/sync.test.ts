/**
 * Two real Yjs clients (y-websocket's provider) through a real server: convergence, the saved
 * acknowledgment, viewers, awareness.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { planRoots } from '../../src/lib/collab/schema/roots';
import { createPlan, exportJson, type CreatedPlan } from './helpers/api';
import { eventually, sleep } from './helpers/eventually';
import { metricValue } from './helpers/metrics';
import { addBudgetLine, appendParagraph, budgetRows, planOf } from './helpers/plan-edits';
import { cleanupTempDirs, startTestServer, type TestServer } from './helpers/server';
import { connectClient, destroyClients, type TestClient } from './helpers/yjs-client';

let server: TestServer;

beforeAll(async () => {
	server = await startTestServer();
});

afterEach(() => destroyClients());

afterAll(async () => {
	await server.close();
	cleanupTempDirs();
});

async function synced(client: TestClient): Promise<void> {
	await eventually(() => expect(client.provider.synced).toBe(true));
}

async function twoClients(plan: CreatedPlan): Promise<[TestClient, TestClient]> {
	const a = connectClient(server.wsBase, plan.id, plan.tokens.owner);
	const b = connectClient(server.wsBase, plan.id, plan.tokens.editor);
	await Promise.all([synced(a), synced(b)]);
	return [a, b];
}

describe('sync between two clients', () => {
	it('delivers the stored plan to a new client', async () => {
		const plan = await createPlan(server.url);
		const [a] = await twoClients(plan);
		expect(planOf(a.doc).meta.title).toBe((await exportJson(server.url, plan.id, plan.tokens.viewer) as { meta: { title: string } }).meta.title);
		expect(budgetRows(a.doc).length).toBeGreaterThan(0);
	});

	it('converges on concurrent text and table edits', async () => {
		const plan = await createPlan(server.url);
		const [a, b] = await twoClients(plan);
		// Concurrent: neither has seen the other's edit when making its own.
		appendParagraph(a.doc, 0, 'Alpha writes the situation.');
		budgetRows(b.doc).get(0).set('amount', 12345);
		addBudgetLine(b.doc, 'Trade fair', 40000);
		appendParagraph(b.doc, 0, 'Beta adds a line too.');
		budgetRows(a.doc).get(1).set('amount', 777);

		await eventually(() => expect(Y.encodeStateVector(a.doc)).toEqual(Y.encodeStateVector(b.doc)));
		const planA = planOf(a.doc);
		expect(planOf(b.doc)).toEqual(planA);
		expect(planA.sections[0]?.text).toContain('Alpha writes the situation.');
		expect(planA.sections[0]?.text).toContain('Beta adds a line too.');
		expect(planA.data.budget?.[0]?.amount).toBe(12345);
		expect(planA.data.budget?.[1]?.amount).toBe(777);
		expect(planA.data.budget?.map((line) => line.name)).toContain('Trade fair');
		// And the server stored what both see.
		await eventually(() => expect(a.isSaved() && b.isSaved()).toBe(true));
		expect(await exportJson(server.url, plan.id, plan.tokens.viewer)).toEqual(planA);
	});

	it('keeps per-cell edits of one row from conflicting', async () => {
		const plan = await createPlan(server.url);
		const [a, b] = await twoClients(plan);
		budgetRows(a.doc).get(2).set('amount', 1);
		budgetRows(b.doc).get(2).set('name', 'Renamed by B');
		await eventually(() => {
			const row = planOf(a.doc).data.budget?.[2];
			expect(row).toMatchObject({ amount: 1, name: 'Renamed by B' });
			expect(planOf(b.doc).data.budget?.[2]).toEqual(row);
		});
	});
});

describe('the saved acknowledgment', () => {
	it('marks a freshly synced client saved without any edit', async () => {
		const plan = await createPlan(server.url);
		const a = connectClient(server.wsBase, plan.id, plan.tokens.editor);
		await eventually(() => expect(a.isSaved()).toBe(true));
	});

	it('arrives after an edit and covers the sender’s whole state', async () => {
		const plan = await createPlan(server.url);
		const a = connectClient(server.wsBase, plan.id, plan.tokens.editor);
		await eventually(() => expect(a.isSaved()).toBe(true));
		for (let i = 0; i < 20; i++) appendParagraph(a.doc, 1, `line ${i}`);
		expect(a.isSaved()).toBe(false); // nothing can be acknowledged synchronously
		await eventually(() => expect(a.isSaved()).toBe(true));
		const own = a.saved()?.get(a.doc.clientID) ?? 0;
		expect(own).toBe(Y.decodeStateVector(Y.encodeStateVector(a.doc)).get(a.doc.clientID));
		expect(planOf(a.doc).sections[1]?.text).toContain('line 19');
		expect(JSON.stringify(await exportJson(server.url, plan.id, plan.tokens.viewer))).toContain('line 19');
	});
});

describe('viewers', () => {
	it('receive edits, but their own edits are neither stored nor relayed', async () => {
		const plan = await createPlan(server.url);
		const editor = connectClient(server.wsBase, plan.id, plan.tokens.editor);
		const viewer = connectClient(server.wsBase, plan.id, plan.tokens.viewer);
		await Promise.all([synced(editor), synced(viewer)]);
		const rejectedBefore = metricValue(server.metrics.render(), 'planbook_updates_rejected_total');

		appendParagraph(viewer.doc, 0, 'VIEWER SCRIBBLE');
		planRoots(viewer.doc).meta.set('title', 'Hijacked by a viewer');
		appendParagraph(editor.doc, 0, 'Editor text');

		await eventually(() => expect(planOf(viewer.doc).sections[0]?.text).toContain('Editor text'));
		await eventually(() => expect(editor.isSaved()).toBe(true));
		await eventually(() =>
			expect(metricValue(server.metrics.render(), 'planbook_updates_rejected_total')).toBeGreaterThanOrEqual(rejectedBefore + 2)
		);
		await sleep(100); // give a wrongly relayed update time to arrive
		expect(planOf(editor.doc).sections[0]?.text).not.toContain('VIEWER SCRIBBLE');
		expect(planOf(editor.doc).meta.title).not.toBe('Hijacked by a viewer');
		expect(viewer.isSaved()).toBe(false);
		const stored = JSON.stringify(await exportJson(server.url, plan.id, plan.tokens.owner));
		expect(stored).toContain('Editor text');
		expect(stored).not.toContain('VIEWER SCRIBBLE');
		expect(stored).not.toContain('Hijacked');
		expect(server.logs.some((entry) => entry.message === 'dropped an update from a viewer')).toBe(true);
	});
});

describe('awareness', () => {
	it('is relayed between clients (viewers too) and removed when a client leaves', async () => {
		const plan = await createPlan(server.url);
		const a = connectClient(server.wsBase, plan.id, plan.tokens.editor);
		const viewer = connectClient(server.wsBase, plan.id, plan.tokens.viewer);
		await Promise.all([synced(a), synced(viewer)]);
		a.provider.awareness.setLocalStateField('user', { name: 'Alice', section: 'price' });
		viewer.provider.awareness.setLocalStateField('user', { name: 'Vera' });
		await eventually(() => {
			expect(viewer.provider.awareness.getStates().get(a.doc.clientID)).toMatchObject({ user: { name: 'Alice', section: 'price' } });
			expect(a.provider.awareness.getStates().get(viewer.doc.clientID)).toMatchObject({ user: { name: 'Vera' } });
		});
		const viewerId = viewer.doc.clientID;
		viewer.provider.disconnect(); // without saying goodbye in awareness: the server must clean up
		viewer.provider.awareness.setLocalState(null);
		await eventually(() => expect(a.provider.awareness.getStates().has(viewerId)).toBe(false));
	});
});

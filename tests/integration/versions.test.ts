/** Version history over REST: save (editors), list, read back as it was, roles, survival of a restart. */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { apiRequest, createPlan } from './helpers/api';
import { eventually } from './helpers/eventually';
import { addBudgetLine, planOf } from './helpers/plan-edits';
import { cleanupTempDirs, startTestServer, tempDataDir } from './helpers/server';
import { connectClient, destroyClients } from './helpers/yjs-client';

afterEach(() => destroyClients());
afterAll(() => cleanupTempDirs());

describe('version history', () => {
	it('saves a named version, lists it, reads it back as it was, and keeps it across a restart', async () => {
		const dataDir = tempDataDir();
		let server = await startTestServer({ dataDir });
		const created = await createPlan(server.url);
		const client = connectClient(`${server.url.replace(/^http/, 'ws')}/ws`, created.id, created.tokens.editor);
		await eventually(() => expect(client.provider.synced).toBe(true));
		addBudgetLine(client.doc, 'Before the version', 1000);
		await eventually(() => expect(client.isSaved()).toBe(true));
		const atVersion = planOf(client.doc);

		const saved = await apiRequest(server.url, `/api/plans/${created.id}/versions`, { method: 'POST', token: created.tokens.editor, body: { name: 'Draft for the manager', by: 'Ana' } });
		expect(saved.status).toBe(201);
		const version = saved.json as { id: string; name: string; createdBy: string; auto: boolean };
		expect(version).toMatchObject({ name: 'Draft for the manager', createdBy: 'Ana', auto: false });

		addBudgetLine(client.doc, 'After the version', 2000);
		await eventually(() => expect(client.isSaved()).toBe(true));
		client.destroy();
		await server.close();
		server = await startTestServer({ dataDir });

		const list = (await apiRequest(server.url, `/api/plans/${created.id}/versions`, { token: created.tokens.viewer })).json as { id: string; name: string; auto: boolean }[];
		expect(list.filter((v) => !v.auto)).toEqual([expect.objectContaining({ id: version.id, name: 'Draft for the manager' })]);
		// The day's first edit also saved the plan as it stood, once.
		const today = new Date().toISOString().slice(0, 10);
		expect(list.filter((v) => v.auto)).toEqual([expect.objectContaining({ name: today, auto: true, createdBy: '' })]);
		const read = await apiRequest(server.url, `/api/plans/${created.id}/versions/${version.id}`, { token: created.tokens.viewer });
		expect(read.status).toBe(200);
		expect((read.json as { plan: unknown }).plan).toEqual(atVersion);
		await server.close();
	});

	it('refuses viewers, empty names, unknown versions and missing tokens, and changes nothing', async () => {
		const server = await startTestServer();
		const created = await createPlan(server.url);
		const path = `/api/plans/${created.id}/versions`;
		expect((await apiRequest(server.url, path, { method: 'POST', token: created.tokens.viewer, body: { name: 'x' } })).status).toBe(403);
		const empty = await apiRequest(server.url, path, { method: 'POST', token: created.tokens.owner, body: { name: '  ' } });
		expect(empty.status).toBe(400);
		expect((await apiRequest(server.url, `${path}/nope`, { token: created.tokens.owner })).status).toBe(404);
		expect((await apiRequest(server.url, path)).status).toBe(401);
		expect((await apiRequest(server.url, path, { token: created.tokens.owner })).json).toEqual([]);
		await server.close();
	});
});

/** Workshops: one case, N team plans, a trainer token that lists them; errors refused cleanly. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRequest } from './helpers/api';
import { cleanupTempDirs, startTestServer, type TestServer } from './helpers/server';

let server: TestServer;
beforeAll(async () => {
	server = await startTestServer();
});
afterAll(async () => {
	await server.close();
	cleanupTempDirs();
});

describe('workshops', () => {
	it('creates one plan per team from the case; the trainer token lists them with their tokens', async () => {
		const created = await apiRequest(server.url, '/api/workshops', {
			method: 'POST',
			body: { teams: 3, name: 'ARS 训练营', case: { template: 'deep-marketing-ars' } }
		});
		expect(created.status).toBe(201);
		const body = created.json as { id: string; trainerToken: string; teams: { name: string; planId: string; editorToken: string }[] };
		expect(body.teams.map((t) => t.name)).toEqual(['第1组', '第2组', '第3组']);
		expect(new Set(body.teams.map((t) => t.planId)).size).toBe(3);

		// Each team's link opens its own plan as an editor.
		const info = await apiRequest(server.url, `/api/plans/${body.teams[1]?.planId}`, { token: body.teams[1]?.editorToken });
		expect(info.json).toMatchObject({ role: 'editor' });
		expect((info.json as { title: string }).title).toMatch(/· 第2组$/);

		const workshop = await apiRequest(server.url, `/api/workshops/${body.id}`, { token: body.trainerToken });
		expect(workshop.json).toMatchObject({ id: body.id, title: 'ARS 训练营' });
		expect((workshop.json as { teams: { tokens: Record<string, string> }[] }).teams[0]?.tokens.editor).toBe(body.teams[0]?.editorToken);

		// A team's token is not the trainer's.
		expect((await apiRequest(server.url, `/api/workshops/${body.id}`, { token: body.teams[0]?.editorToken })).status).toBe(404);
		expect((await apiRequest(server.url, `/api/workshops/${body.id}`)).status).toBe(401);
	});

	it('refuses a bad team count or case', async () => {
		for (const body of [{ teams: 0, case: { template: 'blank' } }, { teams: 31, case: { template: 'blank' } }, { teams: 2, case: { plan: { format: 'nope' } } }, { teams: 2 }]) {
			const response = await apiRequest(server.url, '/api/workshops', { method: 'POST', body });
			expect(response.status).toBe(400);
		}
	});
});

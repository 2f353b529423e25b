/** Workshops: one case, N team plans, a trainer token that lists them; errors refused cleanly. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRequest, exportJson } from './helpers/api';
import { eventually } from './helpers/eventually';
import { appendParagraph } from './helpers/plan-edits';
import { connectClient, destroyClients } from './helpers/yjs-client';
import { planRoots, WORKSHOP_OPEN_SECTIONS_KEY, type YRow } from '../../src/lib/collab/schema/roots';
import { cleanupTempDirs, startTestServer, type TestServer } from './helpers/server';

let server: TestServer;
beforeAll(async () => {
	server = await startTestServer();
});
afterAll(async () => {
	destroyClients();
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

	it('locks the teams read-only on the server while the trainer wants, then unlocks', async () => {
		const created = (await apiRequest(server.url, '/api/workshops', { method: 'POST', body: { teams: 2, case: { template: 'marketing-plan' } } })).json as {
			id: string;
			trainerToken: string;
			teams: { planId: string; editorToken: string }[];
		};
		const team = created.teams[0] as { planId: string; editorToken: string };
		const wsBase = `${server.url.replace(/^http/, 'ws')}/ws`;
		const client = connectClient(wsBase, team.planId, team.editorToken);
		await eventually(() => expect(client.provider.synced).toBe(true));
		const lock = (locked: boolean, token = created.trainerToken) =>
			apiRequest(server.url, `/api/workshops/${created.id}/lock`, { method: 'POST', token, body: { locked } });

		expect((await lock(true, team.editorToken)).status).toBe(404);
		const locked = await lock(true);
		expect(locked.json).toMatchObject({ locked: true });
		expect((await apiRequest(server.url, `/api/plans/${team.planId}`, { token: team.editorToken })).json).toMatchObject({ role: 'viewer' });
		// The open socket reconnected as a reader: what it writes now is dropped, not stored.
		await eventually(() => expect(server.logs.some((e) => e.message === 'locked a workshop')).toBe(true));
		await eventually(() => expect(client.provider.wsconnected).toBe(true));
		await new Promise((r) => setTimeout(r, 300));
		appendParagraph(client.doc, 0, 'WRITTEN WHILE LOCKED');
		await eventually(() => expect(server.logs.some((e) => e.message === 'dropped an update from a viewer')).toBe(true));
		const owner = (await apiRequest(server.url, `/api/workshops/${created.id}`, { token: created.trainerToken })).json as { teams: { tokens: { owner: string } }[] };
		const ownerToken = owner.teams[0]?.tokens.owner as string;
		expect(JSON.stringify(await exportJson(server.url, team.planId, ownerToken))).not.toContain('WRITTEN WHILE LOCKED');

		expect((await lock(false)).json).toMatchObject({ locked: false });
		expect((await apiRequest(server.url, `/api/plans/${team.planId}`, { token: team.editorToken })).json).toMatchObject({ role: 'editor' });
		// Every team writes again.
		expect((await apiRequest(server.url, `/api/plans/${created.teams[1]?.planId}`, { token: created.teams[1]?.editorToken })).json).toMatchObject({ role: 'editor' });
	});

	it('enforces a phase on the server: a team writes only in the open sections, never the settings', async () => {
		const created = (await apiRequest(server.url, '/api/workshops', { method: 'POST', body: { teams: 1, case: { template: 'marketing-plan' } } })).json as {
			id: string;
			trainerToken: string;
			teams: { planId: string; editorToken: string }[];
		};
		const info = (await apiRequest(server.url, `/api/workshops/${created.id}`, { token: created.trainerToken })).json as { teams: { planId: string; tokens: { owner: string; editor: string } }[] };
		const team = info.teams[0] as { planId: string; tokens: { owner: string; editor: string } };
		const wsBase = `${server.url.replace(/^http/, 'ws')}/ws`;
		const trainer = connectClient(wsBase, team.planId, team.tokens.owner);
		const member = connectClient(wsBase, team.planId, team.tokens.editor);
		await eventually(() => expect(trainer.provider.synced && member.provider.synced).toBe(true));
		planRoots(trainer.doc).meta.set(WORKSHOP_OPEN_SECTIONS_KEY, ['price']);
		await eventually(() => expect(planRoots(member.doc).meta.get(WORKSHOP_OPEN_SECTIONS_KEY)).toEqual(['price']));

		const index = (kind: string) => (planRoots(member.doc).sections.toArray() as YRow[]).findIndex((s) => s.get('kind') === kind);
		appendParagraph(member.doc, index('price'), 'Allowed price note');
		await eventually(() => expect(member.isSaved()).toBe(true));
		appendParagraph(member.doc, index('situation'), 'CLOSED SECTION TEXT');
		await eventually(() => expect(server.logs.some((e) => e.message === 'dropped an update that breaks the workshop rules')).toBe(true));
		const stored = JSON.stringify(await exportJson(server.url, team.planId, team.tokens.owner));
		expect(stored).toContain('Allowed price note');
		expect(stored).not.toContain('CLOSED SECTION TEXT');
		expect(member.isSaved()).toBe(false);
	});
});

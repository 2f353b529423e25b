/**
 * Who gets in: the WebSocket and every plan endpoint refuse a missing or unknown token (401), an
 * unknown plan (404) and another plan's token (403), with close codes y-websocket does not retry.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CLOSE } from '../../src/lib/collab/protocol';
import { apiRequest, createPlan, type CreatedPlan } from './helpers/api';
import { eventually } from './helpers/eventually';
import { closeOf } from './helpers/raw-socket';
import { cleanupTempDirs, startTestServer, type TestServer } from './helpers/server';
import { connectClient, destroyClients } from './helpers/yjs-client';

let server: TestServer;
let plan: CreatedPlan;
let other: CreatedPlan;

beforeAll(async () => {
	server = await startTestServer();
	plan = await createPlan(server.url, { template: 'blank' });
	other = await createPlan(server.url, { template: 'blank' });
});

afterEach(() => destroyClients());

afterAll(async () => {
	await server.close();
	cleanupTempDirs();
});

const UNKNOWN_PLAN = 'AAAAAAAAAAAAAAAAAAAAAA';

describe('the WebSocket endpoint', () => {
	const cases: [string, () => string, number][] = [
		['without a token', () => `${server.wsBase}/${plan.id}`, CLOSE.unauthorized],
		['with an unknown token', () => `${server.wsBase}/${plan.id}?token=not-a-real-token`, CLOSE.unauthorized],
		['with a malformed token', () => `${server.wsBase}/${plan.id}?token=${encodeURIComponent('a b/c')}`, CLOSE.unauthorized],
		['for an unknown plan', () => `${server.wsBase}/${UNKNOWN_PLAN}?token=${plan.tokens.editor}`, CLOSE.unknownPlan],
		['with another plan’s token', () => `${server.wsBase}/${plan.id}?token=${other.tokens.owner}`, CLOSE.forbidden]
	];
	for (const [name, url, code] of cases) {
		it(`closes a socket ${name} with ${code} and a reason`, async () => {
			const closed = await closeOf(url());
			expect(closed.code).toBe(code);
			expect(closed.reason.length).toBeGreaterThan(5);
		});
	}

	it('makes y-websocket’s provider stop reconnecting', async () => {
		const client = connectClient(server.wsBase, UNKNOWN_PLAN, plan.tokens.owner);
		await eventually(() => expect(client.refusal()?.code).toBe(CLOSE.unknownPlan));
		expect(client.provider.shouldConnect).toBe(false);
		const refusedLogs = server.logs.filter((entry) => entry.message === 'refused a WebSocket').length;
		await new Promise((resolve) => setTimeout(resolve, 400)); // longer than its backoff
		expect(server.logs.filter((entry) => entry.message === 'refused a WebSocket').length).toBe(refusedLogs);
	});

	it('answers 404 to an upgrade outside /ws/<planId>', async () => {
		const closed = await closeOf(`${server.url.replace('http', 'ws')}/elsewhere`);
		expect(closed.code).toBe(1006); // handshake refused: no WebSocket close frame
	});
});

describe('plan endpoints', () => {
	const endpoints = [
		(id: string) => ({ path: `/api/plans/${id}`, method: 'GET' }),
		(id: string) => ({ path: `/api/plans/${id}/export?format=json`, method: 'GET' }),
		(id: string) => ({ path: `/api/plans/${id}`, method: 'DELETE' })
	];

	it('refuse a missing or unknown token with 401', async () => {
		for (const endpoint of endpoints) {
			const { path, method } = endpoint(plan.id);
			const missing = await apiRequest(server.url, path, { method });
			expect(missing.status, path).toBe(401);
			expect(missing.json).toMatchObject({ error: 'unauthorized', message: expect.any(String) });
			expect((await apiRequest(server.url, path, { method, token: 'nope' })).status).toBe(401);
		}
	});

	it('answer 404 for an unknown plan and 403 for another plan’s token', async () => {
		for (const endpoint of endpoints) {
			const unknown = endpoint(UNKNOWN_PLAN);
			const response = await apiRequest(server.url, unknown.path, { method: unknown.method, token: plan.tokens.owner });
			expect(response.status, unknown.path).toBe(404);
			expect(response.json).toMatchObject({ error: 'unknown-plan' });
			const { path, method } = endpoint(plan.id);
			const forbidden = await apiRequest(server.url, path, { method, token: other.tokens.owner });
			expect(forbidden.status, path).toBe(403);
			expect(forbidden.json).toMatchObject({ error: 'forbidden' });
		}
	});

	it('accept the token in the export link’s query string', async () => {
		const response = await fetch(`${server.url}/api/plans/${plan.id}/export?format=json&token=${plan.tokens.viewer}`);
		expect(response.status).toBe(200);
	});

	it('tell each role what it is', async () => {
		for (const role of ['owner', 'editor', 'viewer'] as const) {
			const { status, json } = await apiRequest(server.url, `/api/plans/${plan.id}`, { token: plan.tokens[role] });
			expect(status).toBe(200);
			expect(json).toMatchObject({ id: plan.id, role });
		}
	});
});

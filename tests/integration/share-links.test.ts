/**
 * Share links: the owner revokes a role's link (a new one replaces it), the old token is refused on
 * the REST API and the WebSocket, and a socket already open with it is closed; a viewer's raw
 * writes never reach the stored plan, even as read back from disk after a restart.
 */
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { CLOSE } from '../../src/lib/collab/protocol';
import { planRoots } from '../../src/lib/collab/schema/roots';
import { apiRequest, createPlan, exportJson } from './helpers/api';
import { eventually } from './helpers/eventually';
import { closeOf, openRawSocket } from './helpers/raw-socket';
import { cleanupTempDirs, startTestServer, tempDataDir } from './helpers/server';
import { connectClient, destroyClients } from './helpers/yjs-client';

afterEach(() => destroyClients());
afterAll(() => cleanupTempDirs());

describe('revoking a share link', () => {
	it('replaces the token, refuses the old one everywhere and closes its open sockets', async () => {
		const server = await startTestServer();
		const plan = await createPlan(server.url);
		const wsBase = `${server.url.replace(/^http/, 'ws')}/ws`;
		const viewer = connectClient(wsBase, plan.id, plan.tokens.viewer);
		await eventually(() => expect(viewer.provider.synced).toBe(true));

		const refused = await apiRequest(server.url, `/api/plans/${plan.id}/tokens`, { method: 'POST', token: plan.tokens.editor, body: { role: 'viewer' } });
		expect(refused.status).toBe(403);
		const rotated = await apiRequest(server.url, `/api/plans/${plan.id}/tokens`, { method: 'POST', token: plan.tokens.owner, body: { role: 'viewer' } });
		expect(rotated.status).toBe(200);
		const fresh = (rotated.json as { token: string }).token;
		expect(fresh).not.toBe(plan.tokens.viewer);
		expect(fresh.length).toBeGreaterThanOrEqual(20);

		await eventually(() => expect(viewer.refusal()?.code).toBe(CLOSE.unauthorized));
		expect((await apiRequest(server.url, `/api/plans/${plan.id}`, { token: plan.tokens.viewer })).status).toBe(401);
		expect((await closeOf(`${wsBase}/${plan.id}?token=${plan.tokens.viewer}`)).code).toBe(CLOSE.unauthorized);
		expect((await apiRequest(server.url, `/api/plans/${plan.id}`, { token: fresh })).json).toMatchObject({ role: 'viewer' });
		// The other roles' links still work.
		expect((await apiRequest(server.url, `/api/plans/${plan.id}`, { token: plan.tokens.editor })).status).toBe(200);
		const bad = await apiRequest(server.url, `/api/plans/${plan.id}/tokens`, { method: 'POST', token: plan.tokens.owner, body: { role: 'admin' } });
		expect(bad.status).toBe(400);
		await server.close();
	});
});

describe('a viewer writing through a raw socket', () => {
	it('cannot change the stored plan, as read from disk after a restart', async () => {
		const dataDir = tempDataDir();
		let server = await startTestServer({ dataDir });
		const plan = await createPlan(server.url);
		const wsBase = `${server.url.replace(/^http/, 'ws')}/ws`;
		const before = await exportJson(server.url, plan.id, plan.tokens.owner);

		// A well-formed Yjs update (sync step 2 and an update message) that renames the plan.
		const raw = await openRawSocket(wsBase, plan.id, plan.tokens.viewer);
		const doc = new Y.Doc();
		planRoots(doc).meta.set('title', 'Hijacked by a viewer');
		for (const write of [syncProtocol.writeSyncStep2, syncProtocol.writeUpdate] as const) {
			const encoder = encoding.createEncoder();
			encoding.writeVarUint(encoder, 0); // messageSync
			if (write === syncProtocol.writeUpdate) syncProtocol.writeUpdate(encoder, Y.encodeStateAsUpdate(doc));
			else syncProtocol.writeSyncStep2(encoder, doc);
			raw.socket.send(encoding.toUint8Array(encoder));
		}
		await eventually(() => expect(server.logs.some((e) => e.message === 'dropped an update from a viewer')).toBe(true));
		raw.socket.close();
		await server.close();

		server = await startTestServer({ dataDir });
		const after = await exportJson(server.url, plan.id, plan.tokens.owner);
		expect(after).toEqual(before);
		expect(JSON.stringify(after)).not.toContain('Hijacked');
		await server.close();
	});
});

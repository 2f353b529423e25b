/**
 * Nothing acknowledged is lost: across a graceful restart (with a client that stays open and
 * reconnects), across kill -9 of a server process, and through compaction and idle unloading.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { isCoveredBy } from '../../src/lib/collab/protocol';
import { openSqliteStore } from '../../server/persistence/sqlite-store';
import { createPlan } from './helpers/api';
import { spawnChildServer, type ChildServer } from './helpers/child-server';
import { eventually, sleep } from './helpers/eventually';
import { metricValue } from './helpers/metrics';
import { addBudgetLine, appendParagraph, planOf } from './helpers/plan-edits';
import { cleanupTempDirs, startTestServer, tempDataDir, type TestServer } from './helpers/server';
import { connectClient, destroyClients, type TestClient } from './helpers/yjs-client';

const servers: TestServer[] = [];
const children: ChildServer[] = [];

async function start(options: Parameters<typeof startTestServer>[0] = {}): Promise<TestServer> {
	const server = await startTestServer(options);
	servers.push(server);
	return server;
}

afterEach(async () => {
	destroyClients();
	await Promise.all(servers.splice(0).map((server) => server.close()));
	await Promise.all(children.splice(0).map((child) => child.kill9()));
	cleanupTempDirs();
});

function stateVector(client: TestClient): Map<number, number> {
	return Y.decodeStateVector(Y.encodeStateVector(client.doc));
}

async function syncedClient(wsBase: string, planId: string, token: string): Promise<TestClient> {
	const client = connectClient(wsBase, planId, token);
	await eventually(() => expect(client.provider.synced).toBe(true));
	return client;
}

describe('a graceful restart', () => {
	it('keeps every saved edit, and an open client reconnects and merges its offline edits', async () => {
		const first = await start();
		const plan = await createPlan(first.url);
		const alice = await syncedClient(first.wsBase, plan.id, plan.tokens.editor);
		appendParagraph(alice.doc, 0, 'Before the restart');
		addBudgetLine(alice.doc, 'Saved line', 1000);
		await eventually(() => expect(alice.isSaved()).toBe(true));

		await first.close();
		await eventually(() => expect(alice.provider.wsconnected).toBe(false));
		appendParagraph(alice.doc, 0, 'Written while the server was down');
		expect(alice.isSaved()).toBe(false);

		const second = await start({ dataDir: first.dataDir, port: first.port });
		await eventually(() => expect(alice.isSaved()).toBe(true), { timeoutMs: 8_000 });
		const bob = await syncedClient(second.wsBase, plan.id, plan.tokens.viewer);
		await eventually(() => expect(planOf(bob.doc)).toEqual(planOf(alice.doc)));
		const text = planOf(bob.doc).sections[0]?.text ?? '';
		expect(text).toContain('Before the restart');
		expect(text).toContain('Written while the server was down');
	});
});

describe('kill -9 of the server process', () => {
	it('loses nothing a client saw as saved or received from a peer', { timeout: 30_000 }, async () => {
		const dataDir = tempDataDir();
		const child = await spawnChildServer(dataDir);
		children.push(child);
		const plan = await createPlan(child.url);
		const writer = await syncedClient(child.wsBase, plan.id, plan.tokens.editor);
		const peer = await syncedClient(child.wsBase, plan.id, plan.tokens.viewer);

		// Edit continuously, so updates are in flight at the moment of the kill.
		let count = 0;
		const editing = setInterval(() => {
			for (let i = 0; i < 5; i++) appendParagraph(writer.doc, count % 11, `edit ${count++}`);
		}, 2);
		await eventually(() => expect(count).toBeGreaterThan(300), { timeoutMs: 10_000 });
		await eventually(() => expect(writer.saved()?.get(writer.doc.clientID) ?? 0).toBeGreaterThan(100));
		// Taken synchronously before the kill: what the writer was told is stored, what the peer got.
		const acknowledged = new Map(writer.saved());
		const peerState = stateVector(peer);
		const killed = child.kill9();
		clearInterval(editing);
		await killed;
		destroyClients();

		const restarted = await start({ dataDir });
		const reader = await syncedClient(restarted.wsBase, plan.id, plan.tokens.viewer);
		const stored = stateVector(reader);
		expect(isCoveredBy(acknowledged, stored)).toBe(true);
		expect(isCoveredBy(peerState, stored)).toBe(true);
		const acknowledgedEdits = (JSON.stringify(planOf(reader.doc)).match(/edit \d+/g) ?? []).length;
		expect(acknowledgedEdits).toBeGreaterThan(100);
	});
});

describe('compaction and idle unloading', () => {
	it('merges the log into a snapshot, unloads an idle plan and loads it back intact', async () => {
		const server = await start({ limits: { idleUnloadMs: 50, compactEvery: 10 } });
		const plan = await createPlan(server.url);
		const alice = await syncedClient(server.wsBase, plan.id, plan.tokens.editor);
		for (let i = 0; i < 35; i++) appendParagraph(alice.doc, 4, `paragraph ${i}`);
		planOf(alice.doc); // still a valid plan
		await eventually(() => expect(alice.isSaved()).toBe(true));
		const expected = planOf(alice.doc);
		alice.destroy();

		// The gauge drops once the unload's compaction is stored.
		await eventually(() => expect(metricValue(server.metrics.render(), 'planbook_loaded_docs')).toBe(0));
		const store = openSqliteStore({ dataDir: server.dataDir });
		try {
			const stored = await store.loadUpdates(plan.id);
			expect(stored.appendedCount).toBe(0); // everything merged into the snapshot
			expect(stored.updates).toHaveLength(1);
		} finally {
			await store.close();
		}

		const bob = await syncedClient(server.wsBase, plan.id, plan.tokens.viewer);
		expect(planOf(bob.doc)).toEqual(expected);
	});

	it('keeps a plan loaded while a client is connected', async () => {
		const server = await start({ limits: { idleUnloadMs: 30 } });
		const plan = await createPlan(server.url);
		await syncedClient(server.wsBase, plan.id, plan.tokens.editor);
		await sleep(150);
		expect(metricValue(server.metrics.render(), 'planbook_loaded_docs')).toBe(1);
		expect(metricValue(server.metrics.render(), 'planbook_open_connections')).toBe(1);
	});
});

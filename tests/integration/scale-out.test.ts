/**
 * Scale-out (PostgreSQL + Redis): two planbook processes serve the same plans. Clients on either
 * converge, presence crosses, what the bus drops is read from the database, control actions (a
 * revoked link, a deleted plan) reach the other process, compaction by both loses nothing, and a
 * process killed with SIGKILL loses nothing acknowledged. Skipped, with a message, when PostgreSQL
 * or Redis is not running.
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { ServerLimits } from '../../server/config';
import { silentLogger } from '../../server/log';
import { startServer, type RunningServer } from '../../server/start-server';
import { apiRequest, createPlan } from './helpers/api';
import { spawnChildServer, type ChildServer } from './helpers/child-server';
import { eventually } from './helpers/eventually';
import { appendParagraph } from './helpers/plan-edits';
import { cleanupTempDirs, tempDataDir } from './helpers/server';
import { dropSchema, postgresAvailable, postgresUrl, redisAvailable, redisUrl, storedDoc, uniqueSchema } from './helpers/services';
import { connectClient, destroyClients, type TestClient } from './helpers/yjs-client';

const services = { postgres: await postgresAvailable(), redis: await redisAvailable() };
const missing = Object.entries(services).filter(([, up]) => !up).map(([name]) => name);
if (missing.length > 0) {
	console.warn(`scale-out tests skipped: ${missing.join(' and ')} not reachable (PostgreSQL at ${postgresUrl()}, Redis at ${redisUrl()}; set PLANBOOK_TEST_DATABASE_URL / PLANBOOK_TEST_REDIS_URL to use others)`);
}

interface ScaleServer extends RunningServer {
	wsBase: string;
}

const schemas: string[] = [];
const servers: { close(): Promise<void> }[] = [];
const children: ChildServer[] = [];

afterEach(async () => {
	destroyClients();
	for (const child of children.splice(0)) await child.kill9();
	await Promise.all(servers.splice(0).map((server) => server.close()));
	cleanupTempDirs();
});

afterAll(async () => {
	for (const schema of schemas.splice(0)) await dropSchema(postgresUrl(), schema);
});

/** A schema and a channel prefix of the test's own, shared by the processes it starts. */
function cluster(): { schema: string; prefix: string } {
	const schema = uniqueSchema('planbook_scale');
	schemas.push(schema);
	return { schema, prefix: `planbook-test-${randomUUID()}` };
}

async function startProcess(where: { schema: string; prefix: string }, limits: Partial<ServerLimits> = {}): Promise<ScaleServer> {
	const server = await startServer({
		port: 0,
		dataDir: tempDataDir(),
		logger: silentLogger(),
		limits,
		databaseUrl: postgresUrl(),
		databaseSchema: where.schema,
		redisUrl: redisUrl(),
		busPrefix: where.prefix
	});
	servers.push(server);
	return { ...server, wsBase: `${server.url.replace(/^http/, 'ws')}/ws` };
}

async function spawnProcess(where: { schema: string; prefix: string }, port = 0): Promise<ChildServer> {
	const child = await spawnChildServer(tempDataDir(), 30_000, {
		PORT: String(port),
		PLANBOOK_DATABASE_URL: postgresUrl(),
		PLANBOOK_REDIS_URL: redisUrl(),
		PLANBOOK_TEST_DB_SCHEMA: where.schema,
		PLANBOOK_TEST_BUS_PREFIX: where.prefix
	});
	children.push(child);
	return child;
}

function texts(doc: Y.Doc): string {
	return JSON.stringify(doc.getArray('sections').toJSON());
}

async function synced(...clients: TestClient[]): Promise<void> {
	await eventually(() => {
		for (const client of clients) expect(client.provider.synced).toBe(true);
	});
}

async function converged(clients: TestClient[], timeoutMs = 5_000): Promise<void> {
	await eventually(
		() => {
			const [first, ...rest] = clients.map((client) => Y.encodeStateVector(client.doc));
			for (const vector of rest) expect(Buffer.from(vector).equals(Buffer.from(first ?? []))).toBe(true);
			const [text, ...others] = clients.map((client) => texts(client.doc));
			for (const other of others) expect(other).toBe(text);
		},
		{ timeoutMs }
	);
}

/** Kills a process's Redis subscriber connection: the bus drops what is published until it is back. */
async function killSubscriber(busId: string): Promise<void> {
	const redis = new Redis(redisUrl());
	try {
		const list = (await redis.client('LIST')) as string;
		const line = list.split('\n').find((entry) => entry.includes(`:sub:${busId}`));
		const id = line?.match(/\bid=(\d+)/)?.[1];
		expect(id, 'the process has a named subscriber connection').toBeDefined();
		await redis.client('KILL', 'ID', id as string);
	} finally {
		redis.disconnect();
	}
}

describe.skipIf(missing.length > 0)('several processes on PostgreSQL and Redis', () => {
	it('a client on each process converges, and presence crosses between them', async () => {
		const where = cluster();
		const [a, b] = [await startProcess(where), await startProcess(where)];
		const plan = await createPlan(a.url);
		const onA = connectClient(a.wsBase, plan.id, plan.tokens.editor);
		const onB = connectClient(b.wsBase, plan.id, plan.tokens.editor);
		await synced(onA, onB);
		appendParagraph(onA.doc, 0, 'written on process A');
		appendParagraph(onB.doc, 1, 'written on process B');
		await converged([onA, onB]);
		expect(texts(onB.doc)).toContain('written on process A');
		expect(texts(onA.doc)).toContain('written on process B');
		await eventually(() => expect(onA.isSaved() && onB.isSaved()).toBe(true));

		onA.provider.awareness.setLocalStateField('user', { name: '王芳' });
		await eventually(() => {
			const names = [...onB.provider.awareness.getStates().values()].map((state) => (state.user as { name?: string } | undefined)?.name);
			expect(names).toContain('王芳');
		});
		onA.destroy();
		await eventually(() => expect(onB.provider.awareness.getStates().has(onA.doc.clientID)).toBe(false));

		const stored = await storedDoc(where.schema, plan.id);
		expect(texts(stored)).toBe(texts(onB.doc));
	});

	it('what the bus dropped while a process was cut off from Redis is read from the database', async () => {
		const where = cluster();
		const [a, b] = [await startProcess(where), await startProcess(where)];
		const plan = await createPlan(a.url);
		const onA = connectClient(a.wsBase, plan.id, plan.tokens.editor);
		const onB = connectClient(b.wsBase, plan.id, plan.tokens.editor);
		await synced(onA, onB);
		await killSubscriber(b.busId as string);
		for (let i = 0; i < 20; i++) appendParagraph(onA.doc, 0, `while B is cut off ${i}`);
		await converged([onA, onB], 5_000);
		expect(texts(onB.doc)).toContain('while B is cut off 19');
	});

	it('a revoked link and a deleted plan close the sockets on the other process too', async () => {
		const where = cluster();
		const [a, b] = [await startProcess(where), await startProcess(where)];
		const plan = await createPlan(a.url);
		const viewerOnB = connectClient(b.wsBase, plan.id, plan.tokens.viewer);
		await synced(viewerOnB);
		const rotated = await apiRequest(a.url, `/api/plans/${plan.id}/tokens`, { method: 'POST', token: plan.tokens.owner, body: { role: 'viewer' } });
		expect(rotated.status).toBe(200);
		await eventually(() => expect(viewerOnB.refusal()?.code).toBe(4401));

		const editorOnB = connectClient(b.wsBase, plan.id, plan.tokens.editor);
		await synced(editorOnB);
		expect((await apiRequest(a.url, `/api/plans/${plan.id}`, { method: 'DELETE', token: plan.tokens.owner })).status).toBe(204);
		await eventually(() => expect(editorOnB.refusal()?.code).toBe(4404));
	});

	it('both processes compact the same plan under concurrent writes and lose nothing', async () => {
		const where = cluster();
		const [a, b] = [await startProcess(where, { compactEvery: 5 }), await startProcess(where, { compactEvery: 5 })];
		const plan = await createPlan(a.url);
		const onA = connectClient(a.wsBase, plan.id, plan.tokens.editor);
		const onB = connectClient(b.wsBase, plan.id, plan.tokens.editor);
		await synced(onA, onB);
		for (let i = 0; i < 60; i++) {
			appendParagraph(onA.doc, 0, `a${i}`);
			appendParagraph(onB.doc, 1, `b${i}`);
			if (i % 10 === 0) await new Promise((resolve) => setTimeout(resolve, 20));
		}
		await converged([onA, onB], 10_000);
		await eventually(() => expect(onA.isSaved() && onB.isSaved()).toBe(true));
		const stored = await storedDoc(where.schema, plan.id);
		expect(texts(stored)).toBe(texts(onA.doc));
		for (let i = 0; i < 60; i++) expect(texts(stored)).toContain(`>b${i}<`);
	});

	it('a process killed with SIGKILL loses nothing acknowledged, and comes back caught up', async () => {
		const where = cluster();
		const a = await spawnProcess(where);
		const b = await spawnProcess(where);
		const plan = await createPlan(a.url);
		const onA = connectClient(a.wsBase, plan.id, plan.tokens.editor);
		const onB = connectClient(b.wsBase, plan.id, plan.tokens.editor);
		await synced(onA, onB);
		for (let i = 0; i < 30; i++) appendParagraph(onA.doc, 0, `acknowledged ${i}`);
		await eventually(() => expect(onA.isSaved()).toBe(true));
		const acknowledged = texts(onA.doc);
		await a.kill9();
		children.splice(children.indexOf(a), 1);
		// B and the database hold everything A acknowledged.
		await eventually(() => expect(texts(onB.doc)).toBe(acknowledged));
		expect(texts(await storedDoc(where.schema, plan.id))).toBe(acknowledged);

		// Edits go on through B while A is gone; A comes back on its port and catches up.
		for (let i = 0; i < 10; i++) appendParagraph(onB.doc, 1, `while A was down ${i}`);
		await eventually(() => expect(onB.isSaved()).toBe(true));
		await spawnProcess(where, Number(new URL(a.url).port));
		await converged([onA, onB], 10_000);
		expect(texts(onA.doc)).toContain('while A was down 9');
		const late = connectClient(a.wsBase, plan.id, plan.tokens.viewer);
		await converged([late, onB]);
	});
});

/**
 * Reliability under load through two processes on PostgreSQL + Redis (loopback only):
 * - 200 clients on 20 plans edit for 60 s, half on each process, while one process is killed with
 *   SIGKILL twice and restarted: afterwards every client of a plan holds the same state, equal to
 *   the stored one, with every paragraph every client wrote;
 * - Redis is killed and restarted during the load: the processes re-sync from PostgreSQL and all
 *   clients agree within 5 s of Redis being back.
 * Skipped, with a message, when PostgreSQL or Redis (or, for the restart, redis-server) is missing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createPlan, type CreatedPlan } from '../integration/helpers/api';
import { eventually, sleep } from '../integration/helpers/eventually';
import { postgresAvailable, postgresUrl, redisAvailable, redisUrl, storedDoc } from '../integration/helpers/services';
import { destroyClients } from '../integration/helpers/yjs-client';
import { Cluster } from './helpers/cluster';
import { byPlan, connectLoadClients, contentOf, lostWrites, startEditing, type LoadClient, type Target } from './helpers/load-clients';
import { PrivateRedis, redisServerBinary } from './helpers/private-redis';

const services = { PostgreSQL: await postgresAvailable(), Redis: await redisAvailable() };
const missing = Object.entries(services).filter(([, up]) => !up).map(([name]) => name);
if (missing.length > 0) {
	console.warn(`scale-out load tests skipped: ${missing.join(' and ')} not reachable (PostgreSQL at ${postgresUrl()}, Redis at ${redisUrl()}; set PLANBOOK_TEST_DATABASE_URL / PLANBOOK_TEST_REDIS_URL)`);
}
const redisBinary = redisServerBinary();

const clusters: Cluster[] = [];
const redises: PrivateRedis[] = [];
afterEach(async () => {
	destroyClients();
	for (const cluster of clusters.splice(0)) await cluster.stop();
	for (const redis of redises.splice(0)) await redis.kill();
});

/** Clients of each plan spread round-robin over the processes. */
function targets(plans: readonly CreatedPlan[], perPlan: number, wsBases: readonly string[]): Target[] {
	const list: Target[] = [];
	for (const plan of plans) {
		for (let i = 0; i < perPlan; i++) list.push({ wsBase: wsBases[(list.length) % wsBases.length] as string, planId: plan.id, token: plan.tokens.editor });
	}
	return list;
}

/** Every client of a plan holds one state, with everything every client wrote, equal to the store. */
async function expectNothingLost(cluster: Cluster, clients: readonly LoadClient[], timeoutMs: number): Promise<void> {
	const plans = byPlan(clients);
	await eventually(
		() => {
			for (const load of clients) expect(load.client.isSaved(), `${load.name} has unsaved edits`).toBe(true);
			for (const [planId, group] of plans) {
				const vectors = new Set(group.map((load) => Buffer.from(Y.encodeStateVector(load.client.doc)).toString('base64')));
				expect(vectors.size, `clients of plan ${planId} differ`).toBe(1);
			}
		},
		{ timeoutMs, intervalMs: 200 }
	);
	for (const [planId, group] of plans) {
		const stored = contentOf(await storedDoc(cluster.schema as string, planId));
		const content = contentOf((group[0] as LoadClient).client.doc);
		for (const load of group) expect(contentOf(load.client.doc)).toBe(content);
		expect(stored).toBe(content);
		const lost = group.flatMap((load) => lostWrites(stored, load));
		expect(lost, `writes missing from the stored plan ${planId}`).toEqual([]);
	}
}

describe.skipIf(missing.length > 0)('two processes under load', () => {
	it('200 clients on 20 plans edit for 60 s while one process is killed twice: nothing is lost', async () => {
		const cluster = new Cluster({ databaseUrl: postgresUrl(), redisUrl: redisUrl() });
		clusters.push(cluster);
		await cluster.start(0);
		await cluster.start(1);
		const bases = [0, 1].map((index) => cluster.process(index).wsBase);
		const plans: CreatedPlan[] = [];
		for (let i = 0; i < 20; i++) plans.push(await createPlan(cluster.process(i % 2).url));
		const clients = connectLoadClients(targets(plans, 10, bases));
		await eventually(() => expect(clients.every((load) => load.client.provider.synced)).toBe(true), { timeoutMs: 30_000, intervalMs: 100 });

		const stop = startEditing(clients, 2_000);
		const started = Date.now();
		for (const killAt of [20_000, 40_000]) {
			await sleep(killAt - (Date.now() - started));
			await cluster.kill9(1);
			await sleep(1_000);
			await cluster.start(1);
		}
		await sleep(60_000 - (Date.now() - started));
		stop();
		const written = clients.reduce((sum, load) => sum + load.wrote, 0);
		expect(written).toBeGreaterThan(4_000); // ~30 edits per client
		await expectNothingLost(cluster, clients, 30_000);
	}, 240_000);

	it.skipIf(!redisBinary)('Redis is killed and restarted during the load: processes re-sync from PostgreSQL and agree within 5 s', async () => {
		const redis = new PrivateRedis(redisBinary as string);
		redises.push(redis);
		await redis.start();
		const cluster = new Cluster({ databaseUrl: postgresUrl(), redisUrl: redis.url });
		clusters.push(cluster);
		await cluster.start(0);
		await cluster.start(1);
		const bases = [0, 1].map((index) => cluster.process(index).wsBase);
		const plans: CreatedPlan[] = [];
		for (let i = 0; i < 4; i++) plans.push(await createPlan(cluster.process(0).url));
		const clients = connectLoadClients(targets(plans, 10, bases));
		await eventually(() => expect(clients.every((load) => load.client.provider.synced)).toBe(true), { timeoutMs: 30_000, intervalMs: 100 });

		const stop = startEditing(clients, 500);
		await sleep(5_000);
		await redis.kill();
		await sleep(4_000); // edits go on; the processes hear nothing from each other over Redis
		await redis.start();
		await sleep(1_000);
		stop();
		// Within 5 s of the last edits (Redis back for 1 s by then), every client of a plan agrees.
		await expectNothingLost(cluster, clients, 5_000);
	}, 120_000);
});
if (!redisBinary) console.warn('the Redis restart test is skipped: redis-server is not installed (apt-get install redis-server)');

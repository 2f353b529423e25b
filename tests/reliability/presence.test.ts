/**
 * Presence at scale: 200 clients on one plan each send their presence once a second; every client
 * sees every other's change with p95 ≤ 250 ms (measured at eight observers, from the sender's
 * clock to the observer's, one process so the clocks agree). Meanwhile one client floods presence a
 * hundred times a second: the server rate-limits it (its excess is dropped and counted), it keeps
 * its connection, and the others' latency holds.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPlan } from '../integration/helpers/api';
import { spawnChildServer, type ChildServer } from '../integration/helpers/child-server';
import { eventually, sleep } from '../integration/helpers/eventually';
import { metricValue } from '../integration/helpers/metrics';
import { connectClient, destroyClients, type TestClient } from '../integration/helpers/yjs-client';
import { LOAD_LIMITS } from './helpers/cluster';

const CLIENTS = 200;
const OBSERVERS = 8;
const DURATION_MS = 15_000;

const dirs: string[] = [];
let server: ChildServer | undefined;
afterAll(async () => {
	destroyClients();
	await server?.kill9();
	for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

interface Presence {
	user?: { name: string };
	cursor?: { sentAt: number; n: number };
}

describe('presence at scale', () => {
	it(`${CLIENTS} clients sending presence once a second see each other within 250 ms (p95); a flood is rate-limited`, async () => {
		const dataDir = mkdtempSync(join(tmpdir(), 'planbook-presence-'));
		dirs.push(dataDir);
		server = await spawnChildServer(dataDir, 30_000, { ...LOAD_LIMITS });
		const plan = await createPlan(server.url);
		process.setMaxListeners(CLIENTS + 50);
		const clients: TestClient[] = [];
		for (let i = 0; i < CLIENTS; i++) {
			const client = connectClient(server.wsBase, plan.id, plan.tokens.editor);
			client.provider.awareness.setLocalStateField('user', { name: `planner ${i}` });
			clients.push(client);
		}
		await eventually(() => expect(clients.every((client) => client.provider.synced)).toBe(true), { timeoutMs: 30_000, intervalMs: 100 });
		// Everyone sees everyone before the clock starts.
		await eventually(() => expect(clients.every((client) => client.provider.awareness.getStates().size >= CLIENTS)).toBe(true), {
			timeoutMs: 30_000,
			intervalMs: 100
		});

		const latencies: number[] = [];
		let measuring = true;
		for (const observer of clients.slice(0, OBSERVERS)) {
			const seen = new Map<number, number>();
			observer.provider.awareness.on('change', ({ updated }: { updated: number[] }) => {
				if (!measuring) return;
				const states = observer.provider.awareness.getStates();
				for (const id of updated) {
					if (id === observer.doc.clientID) continue;
					const cursor = (states.get(id) as Presence | undefined)?.cursor;
					if (!cursor || seen.get(id) === cursor.n) continue;
					seen.set(id, cursor.n);
					latencies.push(Date.now() - cursor.sentAt);
				}
			});
		}
		const timers: NodeJS.Timeout[] = [];
		// The flooder is the last client: a hundred presence changes a second.
		const flooder = clients[CLIENTS - 1] as TestClient;
		let flood = 0;
		timers.push(setInterval(() => flooder.provider.awareness.setLocalStateField('flood', flood++), 10));
		let sent = 0;
		clients.slice(0, CLIENTS - 1).forEach((client, index) => {
			let n = 0;
			const send = (): void => {
				if (!measuring) return;
				client.provider.awareness.setLocalStateField('cursor', { sentAt: Date.now(), n: n++ });
				if (index >= OBSERVERS) sent++;
			};
			// Phases spread over the second, as real people are not in step.
			timers.push(setTimeout(() => {
				send();
				timers.push(setInterval(send, 1_000));
			}, (index * 1_000) / CLIENTS));
		});
		await sleep(DURATION_MS);
		for (const timer of timers) clearInterval(timer);
		await sleep(1_000); // the last changes in flight arrive (and are measured)
		measuring = false;

		latencies.sort((a, b) => a - b);
		const p95 = latencies[Math.ceil(latencies.length * 0.95) - 1] as number;
		const p50 = latencies[Math.floor(latencies.length / 2)] as number;
		const metrics = await (await fetch(`${server.url}/metrics`)).text();
		const dropped = metricValue(metrics, 'planbook_limit_breaches_total{limit="awareness-rate"}');
		console.info(`presence: ${latencies.length} observations, p50 ${p50} ms, p95 ${p95} ms; flood presence dropped ${dropped} times`);
		// Every observer saw (nearly) every change of every sender that is not an observer itself.
		expect(latencies.length).toBeGreaterThanOrEqual(OBSERVERS * sent * 0.98);
		expect(p95).toBeLessThanOrEqual(250);
		expect(dropped).toBeGreaterThan(0);
		expect(flooder.provider.wsconnected).toBe(true);
		expect(flooder.refusal()).toBeNull();
	}, 120_000);
});

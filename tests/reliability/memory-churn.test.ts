/**
 * Memory churn: 5,000 plans opened and closed one after another (25 at a time) in a server of its
 * own process — each gets a client that syncs, one in ten also stores an edit, then leaves; with a
 * 20 ms idle timeout every plan is unloaded (compacted when edited) right after. Once all are
 * unloaded, the server's heap after garbage collection must be back within 10 % of its baseline,
 * taken the same way after a warm-up of 500 plans, and planbook_loaded_docs must be 0.
 * The plans are written straight into the store first, so the measure is the server's churn only.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { openSqliteStore } from '../../server/persistence/sqlite-store';
import { docFromPlan } from '../../src/lib/collab/schema/plan-doc';
import { MESSAGE_SAVED } from '../../src/lib/collab/protocol';
import { createPlanFromTemplate } from '../../src/lib/domain/plan/index';
import { eventually } from '../integration/helpers/eventually';
import { metricValue } from '../integration/helpers/metrics';
import type { HeapReport } from './helpers/heap-server-entry';
import { syncUpdateFrame } from './helpers/hostile-frames';

const PLANS = 5_000;
const WARM_UP = 500;
const CONCURRENCY = 25;
const EDIT_EVERY = 10;
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ENTRY = fileURLToPath(new URL('./helpers/heap-server-entry.ts', import.meta.url));
/** Sync step 1 with an empty state vector: "send me the whole plan". */
const SYNC_STEP_1 = Uint8Array.from([0, 0, 1, 0]);

const dataDir = mkdtempSync(join(tmpdir(), 'planbook-churn-'));
let child: ChildProcess | undefined;

afterAll(async () => {
	if (child && child.exitCode === null) {
		const exited = new Promise((resolve) => child?.once('exit', resolve));
		child.kill('SIGKILL');
		await exited;
	}
	rmSync(dataDir, { recursive: true, force: true });
});

const planId = (index: number): string => `churn-${index}`;
const editorToken = (index: number): string => `churn-editor-${index}`;

async function createPlans(): Promise<void> {
	const initialUpdate = Y.encodeStateAsUpdate(docFromPlan(createPlanFromTemplate('marketing-plan', { locale: 'en' })));
	const store = openSqliteStore({ dataDir });
	try {
		for (let index = 0; index < PLANS; index++) {
			const tokens = { owner: `churn-owner-${index}`, editor: editorToken(index), viewer: `churn-viewer-${index}` };
			await store.createPlan({ id: planId(index), title: `Churn ${index}`, tokens, initialUpdate });
		}
	} finally {
		await store.close();
	}
}

async function startChild(): Promise<string> {
	const spawned = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', ENTRY], {
		cwd: ROOT,
		env: { ...process.env, PLANBOOK_DATA_DIR: dataDir, PLANBOOK_IDLE_UNLOAD_MS: '20' },
		stdio: ['ignore', 'pipe', 'pipe', 'ipc']
	});
	child = spawned;
	let stderr = '';
	spawned.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
	return new Promise<string>((resolve, reject) => {
		let stdout = '';
		spawned.stdout?.on('data', (chunk: Buffer) => {
			stdout += chunk.toString();
			const line = stdout.split('\n').find((l) => l.startsWith('{'));
			if (line) resolve((JSON.parse(line) as { url: string }).url);
		});
		spawned.once('exit', (code) => reject(new Error(`the server exited with ${code}: ${stderr}`)));
	});
}

function heap(): Promise<HeapReport> {
	return new Promise((resolve) => {
		child?.once('message', (report) => resolve(report as HeapReport));
		child?.send('heap');
	});
}

async function metrics(url: string): Promise<string> {
	return (await fetch(`${url}/metrics`)).text();
}

/** One client: opens the plan, syncs it whole, maybe stores an edit, and leaves. */
function visit(wsBase: string, index: number): Promise<void> {
	const edits = index % EDIT_EVERY === 0;
	return new Promise((resolve, reject) => {
		const socket = new WebSocket(`${wsBase}/${planId(index)}?token=${editorToken(index)}`);
		let acknowledgments = 0;
		socket.on('error', reject);
		socket.once('message', () => {
			socket.send(SYNC_STEP_1);
			if (!edits) return;
			const doc = new Y.Doc();
			doc.getText('scratch').insert(0, `visit ${index}`);
			socket.send(syncUpdateFrame(Y.encodeStateAsUpdate(doc)));
		});
		socket.on('message', (data: Buffer) => {
			if (data[0] !== MESSAGE_SAVED) return;
			if (++acknowledgments < (edits ? 2 : 1)) return;
			socket.once('close', () => resolve());
			socket.close();
		});
	});
}

async function churn(wsBase: string, from: number, to: number): Promise<void> {
	let next = from;
	const worker = async (): Promise<void> => {
		while (next < to) await visit(wsBase, next++);
	};
	await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

async function allUnloaded(url: string): Promise<void> {
	await eventually(
		async () => {
			const text = await metrics(url);
			expect(metricValue(text, 'planbook_loaded_docs')).toBe(0);
			expect(metricValue(text, 'planbook_open_connections')).toBe(0);
		},
		{ timeoutMs: 20_000, intervalMs: 100 }
	);
}

describe('memory churn', () => {
	it(`opens and closes ${PLANS} plans and gives the memory back`, async () => {
		const started = performance.now();
		await createPlans();
		const url = await startChild();
		const wsBase = `${url.replace(/^http/, 'ws')}/ws`;

		await churn(wsBase, 0, WARM_UP);
		await allUnloaded(url);
		const baseline = await heap();

		const churnStarted = performance.now();
		await churn(wsBase, 0, PLANS);
		const churnSeconds = (performance.now() - churnStarted) / 1000;
		await allUnloaded(url);
		const after = await heap();

		const text = await metrics(url);
		const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);
		console.info(
			`memory churn: ${PLANS} plans in ${churnSeconds.toFixed(1)} s; heap ${mb(baseline.heapUsed)} → ${mb(after.heapUsed)} MB ` +
				`(${(((after.heapUsed - baseline.heapUsed) / baseline.heapUsed) * 100).toFixed(1)} %), rss ${mb(baseline.rss)} → ${mb(after.rss)} MB; ` +
				`${metricValue(text, 'planbook_updates_stored_total')} edits stored; ${((performance.now() - started) / 1000).toFixed(1)} s in all`
		);
		expect(metricValue(text, 'planbook_updates_stored_total')).toBe((WARM_UP + PLANS) / EDIT_EVERY);
		expect(metricValue(text, 'planbook_loaded_docs')).toBe(0);
		expect(after.heapUsed).toBeLessThanOrEqual(baseline.heapUsed * 1.1);
	}, 150_000);
});

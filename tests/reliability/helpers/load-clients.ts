/**
 * A population of editing clients for the reliability suite: y-websocket providers exactly as the
 * browser builds them (tests/integration/helpers/yjs-client.ts), each appending numbered paragraphs
 * to its plan on a jittered timer and remembering how many it wrote, so a test can prove that every
 * one of them is in every client's final state and in the store.
 */
import * as Y from 'yjs';
import { appendParagraph } from '../../integration/helpers/plan-edits';
import { connectClient, type TestClient } from '../../integration/helpers/yjs-client';

export interface LoadClient {
	name: string;
	planId: string;
	client: TestClient;
	/** Paragraphs written so far: `${name}-0` … `${name}-${wrote - 1}`. */
	wrote: number;
}

export interface Target {
	wsBase: string;
	planId: string;
	token: string;
}

/**
 * Connects one client per target. Each gets its own reconnection ceiling between 400 and 1,200 ms,
 * so clients cut off together come back spread out (jitter) instead of in one wave.
 */
export function connectLoadClients(targets: readonly Target[], namePrefix = 'c'): LoadClient[] {
	// y-websocket's provider registers a process 'exit' listener each: hundreds are expected here.
	process.setMaxListeners(Math.max(process.getMaxListeners(), targets.length + 50));
	return targets.map((target, index) => ({
		name: `${namePrefix}${index}`,
		planId: target.planId,
		client: connectClient(target.wsBase, target.planId, target.token, { maxBackoffTime: 400 + Math.floor(Math.random() * 800) }),
		wrote: 0
	}));
}

/** Each client writes a paragraph every `intervalMs` (± half, at random) until `stop` is called. */
export function startEditing(clients: readonly LoadClient[], intervalMs: number): () => void {
	const timers = new Set<NodeJS.Timeout>();
	let stopped = false;
	for (const load of clients) {
		const next = (): void => {
			if (stopped) return;
			const timer = setTimeout(() => {
				timers.delete(timer);
				if (stopped) return;
				const sections = load.client.doc.getArray('sections').length;
				if (sections > 0) {
					appendParagraph(load.client.doc, load.wrote % sections, `${load.name}-${load.wrote}`);
					load.wrote++;
				}
				next();
			}, intervalMs * (0.5 + Math.random()));
			timers.add(timer);
		};
		next();
	}
	return () => {
		stopped = true;
		for (const timer of timers) clearTimeout(timer);
	};
}

/** A doc's content as comparable text (the rich text of every section and every data set). */
export function contentOf(doc: Y.Doc): string {
	return JSON.stringify([doc.getArray('sections').toJSON(), doc.getMap('data').toJSON()]);
}

/** Every paragraph a client wrote that `text` lacks (empty when nothing is lost). */
export function lostWrites(text: string, load: LoadClient): string[] {
	const lost: string[] = [];
	for (let n = 0; n < load.wrote; n++) if (!text.includes(`>${load.name}-${n}<`)) lost.push(`${load.name}-${n}`);
	return lost;
}

/** Groups clients by plan. */
export function byPlan(clients: readonly LoadClient[]): Map<string, LoadClient[]> {
	const plans = new Map<string, LoadClient[]>();
	for (const load of clients) plans.set(load.planId, [...(plans.get(load.planId) ?? []), load]);
	return plans;
}

/**
 * The benchmark's Yjs clients: y-websocket's WebsocketProvider over `ws`, as the browser builds one
 * (src/lib/collab/connection.ts), the small edits a writer makes, the log of when remote edits
 * arrive, and a digest of a doc's content for the convergence check.
 *
 * Edits are identified without touching their content: a writer notes its client id and its clock
 * after each edit; a receiver notes, for every remote transaction, which clients' clocks it advanced
 * and to what. The first arrival whose clock reaches an edit's clock is that edit at that peer.
 */
import { createHash } from 'node:crypto';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { MESSAGE_SAVED, readSaved } from '../src/lib/collab/protocol';
import { planRoots, rowMap } from '../src/lib/collab/schema/roots';
import { epochNow } from './sync-processes';

export interface PeerOptions {
	/** `ws://host:port/ws`; the provider appends `/<planId>`. */
	wsBase: string;
	planId: string;
	/** planbook's share token; the bare server ignores it. */
	token: string;
	doc?: Y.Doc;
}

export interface BenchPeer {
	doc: Y.Doc;
	provider: WebsocketProvider;
	/** Resolves on the first completed sync with the server. */
	synced: Promise<void>;
	/** Times an open connection was lost (a reconnect would resync and skew the latencies). */
	drops(): number;
	/** The stored state vector of planbook's last MESSAGE_SAVED (empty before the first). */
	saved(): Map<number, number>;
	/**
	 * Resolves once planbook has acknowledged as stored every edit this peer made so far (its own
	 * client's clock); rejects after `timeoutMs`. For writers that wait for each acknowledgment.
	 */
	whenSaved(timeoutMs: number): Promise<void>;
	destroy(): void;
}

export function connectPeer({ wsBase, planId, token, doc = new Y.Doc() }: PeerOptions): BenchPeer {
	const provider = new WebsocketProvider(wsBase, planId, doc, {
		params: { token },
		WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
		// Node has BroadcastChannel: without this, peers in one process would sync around the server.
		disableBc: true,
		maxBackoffTime: 250
	});
	// planbook acknowledges stored updates with its own message; the app reads it the same way.
	let saved = new Map<number, number>();
	const onSaved = new Set<() => void>();
	provider.messageHandlers[MESSAGE_SAVED] = (_encoder, decoder) => {
		saved = readSaved(decoder);
		for (const wake of [...onSaved]) wake();
	};
	const ownSaved = (): boolean => (saved.get(doc.clientID) ?? 0) >= Y.getState(doc.store, doc.clientID);
	let drops = 0;
	let open = false;
	provider.on('status', ({ status }) => {
		if (status === 'connected') open = true;
		else if (open && status === 'disconnected') {
			open = false;
			drops++;
		}
	});
	const synced = new Promise<void>((resolve) => {
		const onSync = (isSynced: boolean): void => {
			if (!isSynced) return;
			provider.off('sync', onSync);
			resolve();
		};
		provider.on('sync', onSync);
	});
	return {
		doc,
		provider,
		synced,
		drops: () => drops,
		saved: () => saved,
		whenSaved: (timeoutMs) =>
			new Promise<void>((resolve, reject) => {
				if (ownSaved()) return resolve();
				const timer = setTimeout(() => {
					onSaved.delete(check);
					reject(new Error(`no acknowledgment of a stored edit within ${timeoutMs} ms`));
				}, timeoutMs);
				function check(): void {
					if (!ownSaved()) return;
					clearTimeout(timer);
					onSaved.delete(check);
					resolve();
				}
				onSaved.add(check);
			}),
		destroy: () => {
			provider.destroy();
			doc.destroy();
		}
	};
}

/** What one writer edits: its own paragraph of a section's text, or its own budget row. */
export type WriterTarget = { kind: 'text'; run: Y.XmlText } | { kind: 'cell'; row: Y.Map<unknown> };

/**
 * Gives writer `index` its own place in the plan (one transaction, before measuring): even writers
 * type into a new paragraph of a section body, odd ones edit the amount of a new budget row.
 * Needs a plan with sections and a budget (the marketing-plan template).
 */
export function prepareWriter(doc: Y.Doc, index: number): WriterTarget {
	const { sections, data } = planRoots(doc);
	const budget = data.get('budget');
	if (sections.length === 0 || !(budget instanceof Y.Array)) throw new Error('the plan has no sections or no budget');
	if (index % 2 === 0) {
		const body = sections.get((index >> 1) % sections.length).get('body');
		if (!(body instanceof Y.XmlFragment)) throw new Error('a section has no body');
		const run = new Y.XmlText();
		doc.transact(() => {
			const paragraph = new Y.XmlElement('paragraph');
			body.push([paragraph]);
			paragraph.push([run]);
			run.insert(0, `Writer ${index}: `);
		});
		return { kind: 'text', run };
	}
	const row = rowMap({ name: `Writer ${index} line`, category: 'promotion', kind: 'fixed', amount: 1_000, month: 1 + (index % 12) });
	(budget as Y.Array<Y.Map<unknown>>).push([row]);
	return { kind: 'cell', row };
}

const TYPED = 'the quick brown fox jumps over the lazy dog ';

/** One small edit, as one keystroke or one committed cell makes: 1–3 characters, or a new amount. */
export function editOnce(target: WriterTarget, step: number): void {
	if (target.kind === 'text') {
		const count = 1 + (step % 3);
		const from = (step * 3) % TYPED.length;
		target.run.insert(target.run.length, (TYPED + TYPED).slice(from, from + count));
	} else {
		target.row.set('amount', 1_000 + step * 25);
	}
}

/** A clock position a client reached, and when (epoch ms, see `epochNow`). */
export interface ClockMark {
	client: number;
	clock: number;
	at: number;
}

/**
 * Records, for each remote transaction applied to `doc` from `origin` (the provider), the clients
 * whose clock it advanced. The time is taken when Yjs has applied the update (afterTransaction).
 */
export function recordArrivals(doc: Y.Doc, origin: unknown): Map<number, ClockMark[]> {
	const arrivals = new Map<number, ClockMark[]>();
	doc.on('afterTransaction', (transaction: Y.Transaction) => {
		if (transaction.origin !== origin) return;
		const at = epochNow();
		for (const [client, clock] of transaction.afterState) {
			if ((transaction.beforeState.get(client) ?? 0) >= clock) continue;
			let marks = arrivals.get(client);
			if (!marks) arrivals.set(client, (marks = []));
			marks.push({ client, clock, at });
		}
	});
	return arrivals;
}

/** Each client's clock in `doc`. */
export function clocksOf(doc: Y.Doc): Map<number, number> {
	return Y.decodeStateVector(Y.encodeStateVector(doc));
}

/** True when `doc` has everything `expected` lists. */
export function covers(doc: Y.Doc, expected: ReadonlyArray<readonly [number, number]>): boolean {
	for (const [client, clock] of expected) if (Y.getState(doc.store, client) < clock) return false;
	return true;
}

/** Resolves when `doc` covers `expected`; rejects after `timeoutMs`. */
export async function whenCovers(doc: Y.Doc, expected: ReadonlyArray<readonly [number, number]>, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!covers(doc, expected)) {
		if (Date.now() > deadline) throw new Error(`a peer did not receive every edit within ${timeoutMs} ms`);
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
}

/**
 * A digest of the plan's content and state vector. Map keys are sorted first: two converged docs
 * hold the same entries, but a Y.Map's iteration order follows the order updates arrived in.
 */
export function docDigest(doc: Y.Doc): string {
	const roots = planRoots(doc);
	const content = Object.fromEntries(Object.entries(roots).map(([name, type]) => [name, type.toJSON() as unknown]));
	const clocks = [...clocksOf(doc)].sort(([a], [b]) => a - b);
	return createHash('sha256').update(canonicalJson({ content, clocks })).digest('hex');
}

function canonicalJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
	if (value !== null && typeof value === 'object') {
		const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
		return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
	}
	return JSON.stringify(value) ?? 'null';
}

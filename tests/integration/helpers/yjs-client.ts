/**
 * A Node Yjs client exactly as the browser builds one: y-websocket's WebsocketProvider (over the
 * `ws` package) plus a handler for MESSAGE_SAVED, so tests see the same "saved" state the UI shows.
 */
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { isCoveredBy, MESSAGE_SAVED, readSaved } from '../../../src/lib/collab/protocol';

export interface TestClient {
	doc: Y.Doc;
	provider: WebsocketProvider;
	/** State vector of the last MESSAGE_SAVED, or null before the first one. */
	saved(): Map<number, number> | null;
	/** True when everything in this doc is acknowledged or came from the server. */
	isSaved(): boolean;
	/** The close the server sent, when it refused or ended the connection with a 44xx code. */
	refusal(): { code: number; reason: string } | null;
	destroy(): void;
}

const clients = new Set<TestClient>();

export function connectClient(
	wsBase: string,
	planId: string,
	token: string | undefined,
	{ doc = new Y.Doc(), maxBackoffTime = 250 }: { doc?: Y.Doc; maxBackoffTime?: number } = {}
): TestClient {
	const provider = new WebsocketProvider(wsBase, planId, doc, {
		params: token === undefined ? {} : { token },
		WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
		// Node has BroadcastChannel: without this, two clients in one process would sync around the server.
		disableBc: true,
		maxBackoffTime
	});
	let saved: Map<number, number> | null = null;
	let refusal: { code: number; reason: string } | null = null;
	// As collab/connection.ts does: acknowledged clocks, plus those received from the server, which
	// stored them before relaying.
	const stored = new Map<number, number>();
	const cover = (vector: Map<number, number>): void => {
		for (const [client, clock] of vector) if ((stored.get(client) ?? 0) < clock) stored.set(client, clock);
	};
	provider.messageHandlers[MESSAGE_SAVED] = (_encoder, decoder) => {
		saved = readSaved(decoder);
		cover(saved);
	};
	doc.on('afterTransaction', (transaction: Y.Transaction) => {
		if (transaction.origin !== provider) return;
		// Only the clocks this transaction advanced: afterState also lists our own unsaved clock.
		const advanced = new Map<number, number>();
		for (const [client, clock] of transaction.afterState) {
			if ((transaction.beforeState.get(client) ?? 0) < clock) advanced.set(client, clock);
		}
		cover(advanced);
	});
	provider.on('closed', (event) => {
		refusal = event;
	});
	const client: TestClient = {
		doc,
		provider,
		saved: () => saved,
		isSaved: () => saved !== null && isCoveredBy(Y.decodeStateVector(Y.encodeStateVector(doc)), stored),
		refusal: () => refusal,
		destroy: () => {
			clients.delete(client);
			provider.destroy();
			doc.destroy();
		}
	};
	clients.add(client);
	return client;
}

/** Destroys every client still open (afterEach). */
export function destroyClients(): void {
	for (const client of [...clients]) client.destroy();
}

/**
 * The live link of one open plan to the server: y-websocket's WebsocketProvider (which reconnects
 * with backoff), planbook's "saved" acknowledgment (protocol.ts) and presence.
 *
 * "Saved" rests on the server's acknowledgments: MESSAGE_SAVED carries the state vector of what
 * the server has stored, and the document counts as saved when its own state vector is covered.
 * Updates that arrive from the server were stored before they were relayed (DESIGN §7), so their
 * clocks count as acknowledged too; otherwise a client that only reads would never look saved.
 */
import * as Y from 'yjs';
import { jitteredBackoff } from './backoff';
import type * as decoding from 'lib0/decoding';
import type * as encoding from 'lib0/encoding';
import { Awareness } from 'y-protocols/awareness';
import { messageSync, WebsocketProvider } from 'y-websocket';
import {
	INITIAL_LINK_STATE,
	isTerminalClose,
	mergeStateVectors,
	reduceLink,
	statusOf,
	type ConnectionStatus,
	type LinkEvent,
	type LinkState
} from './connection-status';
import { readPeers, type LocalPresence, type Peer, type PresenceUser } from './presence';
import { isCoveredBy, MESSAGE_SAVED, readSaved } from './protocol';

export type { Awareness };

export interface PlanConnectionOptions {
	doc: Y.Doc;
	planId: string;
	token: string;
	/** `webSocketBaseUrl(location)` in the browser; `ws://127.0.0.1:<port>/ws` in tests. */
	url: string;
	/** Who this is, for presence; null announces nobody until `setUser` (the name is not known yet). */
	user: PresenceUser | null;
	/** A WebSocket implementation for Node tests; the browser's by default. */
	WebSocketPolyfill?: typeof WebSocket;
}

type SyncHandler = (
	encoder: encoding.Encoder,
	decoder: decoding.Decoder,
	provider: WebsocketProvider,
	emitSynced: boolean,
	messageType: number
) => void;

export class PlanConnection {
	readonly #doc: Y.Doc;
	readonly #provider: WebsocketProvider;
	#link: LinkState = INITIAL_LINK_STATE;
	#acked: Map<number, number> = new Map();
	readonly #statusListeners = new Set<(status: ConnectionStatus) => void>();
	readonly #peerListeners = new Set<(peers: Peer[]) => void>();
	#peers: Peer[] = [];

	constructor(options: PlanConnectionOptions) {
		this.#doc = options.doc;
		const awareness = new Awareness(options.doc);
		awareness.setLocalState(options.user ? ({ user: options.user, section: null } satisfies LocalPresence) : null);
		this.#provider = new WebsocketProvider(options.url, options.planId, options.doc, {
			connect: false,
			awareness,
			params: { token: options.token },
			// Tabs of one browser each talk to the server: a tab's BroadcastChannel updates would
			// arrive with the provider as origin and wrongly count as stored.
			disableBc: true,
			shouldReconnect: (event) => !isTerminalClose(event.code),
			...(options.WebSocketPolyfill ? { WebSocketPolyfill: options.WebSocketPolyfill } : {})
		});
		const onSaved: SyncHandler = (_encoder, decoder) => {
			this.#acked = mergeStateVectors(this.#acked, readSaved(decoder));
			this.#checkSaved();
		};
		this.#provider.messageHandlers[MESSAGE_SAVED] = onSaved;
		this.#provider.messageHandlers[messageSync] = this.#withoutEncoding(this.#provider.messageHandlers[messageSync]);
		this.#provider.on('status', this.#onStatus);
		this.#provider.on('sync', this.#onSync);
		this.#provider.on('connection-close', this.#onClose);
		this.#doc.on('afterTransaction', this.#onTransaction);
		awareness.on('change', this.#onAwareness);
		this.#provider.connect();
	}

	get status(): ConnectionStatus {
		return statusOf(this.#link);
	}

	get awareness(): Awareness {
		return this.#provider.awareness;
	}

	/** Other people on the plan now. */
	get peers(): Peer[] {
		return this.#peers;
	}

	/** Calls `listener` on every status change; returns the unsubscribe function. */
	onStatus(listener: (status: ConnectionStatus) => void): () => void {
		this.#statusListeners.add(listener);
		return () => this.#statusListeners.delete(listener);
	}

	onPeers(listener: (peers: Peer[]) => void): () => void {
		this.#peerListeners.add(listener);
		return () => this.#peerListeners.delete(listener);
	}

	setUser(user: PresenceUser): void {
		if (this.awareness.getLocalState() === null) this.awareness.setLocalState({ user, section: null } satisfies LocalPresence);
		else this.awareness.setLocalStateField('user', user);
	}

	/** Publishes the section the user is writing in. */
	setSection(sectionId: string | null): void {
		if (this.awareness.getLocalState()?.section !== sectionId) this.awareness.setLocalStateField('section', sectionId);
	}

	/** The browser went offline or online (window events): stop or resume at once. */
	setNetwork(online: boolean): void {
		if (this.#link.link === 'refused') return;
		if (online) this.#provider.connect();
		else this.#provider.disconnect();
		this.#dispatch({ type: 'network', online });
	}

	destroy(): void {
		this.#doc.off('afterTransaction', this.#onTransaction);
		this.awareness.off('change', this.#onAwareness);
		this.#provider.off('status', this.#onStatus);
		this.#provider.off('sync', this.#onSync);
		this.#provider.off('connection-close', this.#onClose);
		this.#provider.destroy();
		this.awareness.destroy();
		this.#statusListeners.clear();
		this.#peerListeners.clear();
	}

	/**
	 * y-websocket's sync handler, made to skip encoding what the server sends. While anyone listens
	 * to 'update', Yjs encodes every transaction into an update; the provider listens only to pass
	 * local edits on (it ignores its own origin), so for a whole plan arriving (2 MB: ~40 ms) that
	 * encoding is wasted. Its listener is off while a sync message is applied, and back on as soon
	 * as another transaction starts (an observer writing), so no local edit goes unsent. Planbook
	 * itself follows changes with `watchChanges` (local-persistence.ts), not with 'update'.
	 */
	#withoutEncoding(handler: SyncHandler | undefined): SyncHandler {
		if (!handler) throw new Error('y-websocket has no sync message handler');
		return (encoder, decoder, provider, emitSynced, messageType) => {
			const relay = provider._updateHandler;
			let off = true;
			const resume = (transaction: Y.Transaction): void => {
				if (off && transaction.origin !== provider) {
					off = false;
					this.#doc.on('update', relay);
				}
			};
			this.#doc.off('update', relay);
			this.#doc.on('beforeTransaction', resume);
			try {
				handler(encoder, decoder, provider, emitSynced, messageType);
			} finally {
				this.#doc.off('beforeTransaction', resume);
				if (off) this.#doc.on('update', relay);
			}
		};
	}

	#dispatch(event: LinkEvent): void {
		const before = statusOf(this.#link);
		this.#link = reduceLink(this.#link, event);
		const after = statusOf(this.#link);
		if (before.kind !== after.kind) for (const listener of this.#statusListeners) listener(after);
	}

	#checkSaved(): void {
		const local = Y.decodeStateVector(Y.encodeStateVector(this.#doc));
		this.#dispatch({ type: 'saved', saved: isCoveredBy(local, this.#acked) });
	}

	#onStatus = ({ status }: { status: 'connected' | 'disconnected' | 'connecting' }): void => {
		if (status === 'connecting') this.#dispatch({ type: 'attempt' });
		else if (status === 'connected') this.#dispatch({ type: 'open' });
	};

	#onSync = (synced: boolean): void => {
		this.#dispatch({ type: 'synced', synced });
		this.#checkSaved();
	};

	#onClose = (event: CloseEvent | null): void => {
		// Emitted before y-websocket counts this failure and schedules the retry with min(2^n × 100 ms,
		// maxBackoffTime): a random cap per retry spreads reconnecting clients out (backoff.ts).
		this.#provider.maxBackoffTime = jitteredBackoff(this.#provider.wsUnsuccessfulReconnects + 1);
		this.#dispatch({ type: 'close', code: event?.code ?? null, reason: event?.reason ?? '' });
	};

	#onTransaction = (transaction: Y.Transaction): void => {
		if (transaction.origin === this.#provider) {
			// Relayed or synced from the server, hence stored there (write before relay).
			const stored = new Map<number, number>();
			for (const [client, clock] of transaction.afterState) {
				if ((transaction.beforeState.get(client) ?? 0) < clock) stored.set(client, clock);
			}
			this.#acked = mergeStateVectors(this.#acked, stored);
		}
		this.#checkSaved();
	};

	#onAwareness = (): void => {
		this.#peers = readPeers(this.awareness.getStates(), this.#doc.clientID);
		for (const listener of this.#peerListeners) listener(this.#peers);
	};
}

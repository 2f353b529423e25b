/**
 * Presence (awareness) relay of one plan, coalesced: changed client ids are collected and sent to
 * every peer as one frame, at most once per `intervalMs`.
 *
 * Why: relayed one by one, n clients renewing their presence cost n² frames — 200 people on one
 * plan, each sending its cursor once a second, would be 40,000 frames a second. Coalesced, it is
 * one frame per peer per interval, carrying the latest state of every client that changed (a
 * client that moved twice is sent once). The first change after a quiet spell leaves on the next
 * turn of the event loop, so a lone editor's presence is not delayed; the rest wait at most one
 * interval. Every peer gets the frame, its sender included: y-websocket clients count 30 s
 * without a message as a dead connection, and a lone editor's own echo keeps its socket alive.
 * Removed clients go out the same way (encoded with a null state, which removes them).
 */
import type { Awareness } from 'y-protocols/awareness';
import { encodeAwareness } from './messages';

/** Longest wait of a presence change before it is relayed. */
export const AWARENESS_FLUSH_MS = 50;

export interface AwarenessRelayOptions {
	awareness: Awareness;
	/** Sends one frame to every peer of the plan. */
	broadcast: (frame: Uint8Array) => void;
	intervalMs?: number;
	/** How the changed states become a frame (default: a y-websocket awareness message). */
	encode?: (awareness: Awareness, clients: number[]) => Uint8Array;
	/** Milliseconds (performance.now by default). */
	now?: () => number;
}

export class AwarenessRelay {
	readonly #awareness: Awareness;
	readonly #broadcast: (frame: Uint8Array) => void;
	readonly #intervalMs: number;
	readonly #now: () => number;
	readonly #encode: (awareness: Awareness, clients: number[]) => Uint8Array;
	readonly #pending = new Set<number>();
	#timer: NodeJS.Timeout | undefined;
	#lastFlush = Number.NEGATIVE_INFINITY;

	constructor(options: AwarenessRelayOptions) {
		this.#awareness = options.awareness;
		this.#broadcast = options.broadcast;
		this.#intervalMs = options.intervalMs ?? AWARENESS_FLUSH_MS;
		this.#now = options.now ?? (() => performance.now());
		this.#encode = options.encode ?? encodeAwareness;
	}

	/** Notes clients whose presence changed (or was renewed or removed); relayed within an interval. */
	add(clients: readonly number[]): void {
		for (const client of clients) this.#pending.add(client);
		if (this.#timer || this.#pending.size === 0) return;
		const wait = Math.max(0, this.#lastFlush + this.#intervalMs - this.#now());
		this.#timer = setTimeout(() => this.flush(), wait);
		// Presence alone must not keep a closing process alive.
		this.#timer.unref();
	}

	/** Sends what is pending now. */
	flush(): void {
		clearTimeout(this.#timer);
		this.#timer = undefined;
		// A client the awareness never saw has no clock to encode (encodeAwarenessUpdate would throw).
		const clients = [...this.#pending].filter((client) => this.#awareness.meta.has(client));
		this.#pending.clear();
		if (clients.length === 0) return;
		this.#lastFlush = this.#now();
		this.#broadcast(this.#encode(this.#awareness, clients));
	}

	/** Drops what is pending (the plan is unloading). */
	destroy(): void {
		clearTimeout(this.#timer);
		this.#timer = undefined;
		this.#pending.clear();
	}
}

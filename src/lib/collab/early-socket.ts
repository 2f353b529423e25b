/**
 * A share link's plan socket, opened by a small script in the page itself (src/app.html) before
 * any of the app's scripts have loaded, taken over by the app as it starts (hooks.client.ts), and
 * handed over to the editor's y-websocket provider once that exists.
 *
 * Why: a first visit downloads the whole plan over the socket (2 MB for a big plan), and the
 * server needs time to encode and send it; then the browser needs ~0.2 s to apply it. Opened by
 * the editor (PlanSession.preconnect), the socket asked for the plan only after a megabyte of
 * scripts had loaded and run, and the plan was applied after that. Opened by the page, the plan
 * travels while the scripts load, and is applied to the doc (`doc`, which the editor's session
 * adopts) as soon as this module has loaded, while the page still waits for the editor's scripts.
 *
 * What the page's script says: on open, y-websocket's sync step 1 with an empty state vector
 * ("send me everything") — what the editor's own provider sends when it opens before IndexedDB has
 * loaded, as it does for a link. Nothing else. It keeps what it receives until this module takes
 * over. The socket goes to the provider only if the provider asks for the very URL the script
 * built (else it is closed and the provider opens its own); a test runs the script against
 * y-websocket's URL.
 *
 * Whatever arrives (the server's step 1, the plan as step 2, MESSAGE_SAVED, awareness, relayed
 * updates) is kept in order with the open, error and close events and replayed to the provider
 * when it takes the socket over; from then on events go straight to it. Two frames are not kept.
 * The first step 2 is applied at once, and the provider is given an empty step 2 in its place,
 * which marks it synced as the real one would. The server's step 1 ("what do you have that I
 * lack?"), which comes before the plan, is answered at once with an empty step 2, true of the
 * still empty doc: answered by the provider after the plan was applied, it would walk the whole
 * 2 MB doc to find nothing to send. The provider's own step 1 on this socket is dropped: the
 * server is already answering a request for everything, which covers anything a later state
 * vector could ask.
 *
 * Only yjs and lib0 here, no y-websocket or app code: this module is part of the app's entry.
 */
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';

/** messageSync · messageYjsSyncStep2 (1) · varUint8Array(an empty update: no structs, no deletes). */
const EMPTY_SYNC_STEP_2 = new Uint8Array([0, 1, 2, 0, 0]);
/** Origin of the plan applied by this module (the provider's origin is the provider itself). */
export const EARLY_ORIGIN = Symbol('planbook.early-socket');

/** The update of a sync step 2 frame, or null for any other frame. */
function syncStep2Update(frame: Uint8Array): Uint8Array | null {
	if (frame[0] !== 0 || frame[1] !== 1) return null;
	const decoder = decoding.createDecoder(frame);
	decoding.readVarUint(decoder);
	decoding.readVarUint(decoder);
	return decoding.readVarUint8Array(decoder);
}

/** The handlers y-websocket assigns on its socket (setupWS). */
type Handler<E extends Event> = ((event: E) => void) | null;

/** What y-websocket's provider uses of a WebSocket, taking over an early socket's events. */
class HandedOverSocket {
	readonly CONNECTING = 0;
	readonly OPEN = 1;
	readonly CLOSING = 2;
	readonly CLOSED = 3;
	onopen: Handler<Event> = null;
	onmessage: Handler<MessageEvent> = null;
	onerror: Handler<Event> = null;
	onclose: Handler<CloseEvent> = null;
	readonly #socket: WebSocket;
	#stepOneDropped = false;

	constructor(socket: WebSocket) {
		this.#socket = socket;
	}

	get url(): string {
		return this.#socket.url;
	}
	get readyState(): number {
		return this.#socket.readyState;
	}
	/** The early socket was made with 'arraybuffer', what the provider asks for. */
	get binaryType(): BinaryType {
		return this.#socket.binaryType;
	}
	set binaryType(_type: BinaryType) {}

	send(data: Uint8Array<ArrayBuffer>): void {
		if (!this.#stepOneDropped && data[0] === 0 && data[1] === 0) {
			this.#stepOneDropped = true;
			return;
		}
		// A replayed 'open' of a socket that has closed since: the provider's greeting has no one to go to.
		if (this.#socket.readyState === this.OPEN) this.#socket.send(data);
	}

	close(code?: number, reason?: string): void {
		this.#socket.close(code, reason);
	}

	dispatch(event: SocketEvent): void {
		if (event.type === 'open') this.onopen?.(event as Event);
		else if (event.type === 'message') this.onmessage?.(event as MessageEvent);
		else if (event.type === 'error') this.onerror?.(event as Event);
		else if (event.type === 'close') this.onclose?.(event as CloseEvent);
	}
}

/** A socket event as received, or a message made here (the provider reads only `data`). */
type SocketEvent = Event | { type: 'message'; data: ArrayBuffer };

/**
 * What the page's script (src/app.html) leaves in `window.__planbookEarlySocket`: the socket it
 * opened for `url`, and the events it received, in order, until `adopted` is set.
 */
export interface PageEarlySocket {
	planId: string;
	url: string;
	socket: WebSocket;
	received: Event[];
	adopted: boolean;
}

export class EarlyPlanSocket {
	readonly planId: string;
	/** The URL the page's script opened, which the editor's provider must ask for to get the socket. */
	readonly url: string;
	/**
	 * The plan's doc, empty (as `createPlanDoc` makes it) until the server's step 2 is applied to
	 * it; the editor's session adopts it, whether or not the socket is taken over.
	 */
	readonly doc = new Y.Doc();
	readonly #socket: WebSocket;
	/** Events not yet delivered to the provider; null once replayed (they go straight through). */
	#pending: SocketEvent[] | null = [];
	#applied = false;
	#takenOver: HandedOverSocket | null = null;
	/** True once a provider asked for a socket: the first ask decides whether it gets this one. */
	#asked = false;

	/**
	 * Takes the page script's socket over: what it received is handled now, in order, and what
	 * comes next from here on.
	 */
	constructor(page: PageEarlySocket) {
		this.planId = page.planId;
		this.url = page.url;
		this.#socket = page.socket;
		page.adopted = true;
		const onEvent = (event: Event): void => {
			const kept = event.type === 'message' ? this.#applyFirstPlan(event as MessageEvent<unknown>) : event;
			if (!kept) return;
			if (this.#pending) this.#pending.push(kept);
			else this.#takenOver?.dispatch(kept);
		};
		for (const event of page.received.splice(0)) onEvent(event);
		for (const type of ['open', 'message', 'error', 'close']) this.#socket.addEventListener(type, onEvent);
	}

	/**
	 * A WebSocket class for y-websocket's `WebSocketPolyfill` option. Its first construction takes
	 * this socket over when the URL is this socket's (else this socket is closed); every other
	 * construction (reconnects) opens a new `Base` socket as usual.
	 */
	webSocketClass(Base: typeof WebSocket): typeof WebSocket {
		const take = (url: string): HandedOverSocket | null => this.#take(url);
		function PlanWebSocket(url: string | URL, protocols?: string | string[]): WebSocket {
			// Called with `new`: a constructor that returns an object makes that object the instance.
			return (take(String(url)) as unknown as WebSocket | null) ?? new Base(url, protocols);
		}
		return PlanWebSocket as unknown as typeof WebSocket;
	}

	/** Closes the socket unless a provider has taken it over (then the provider closes it). */
	close(): void {
		this.#asked = true;
		if (this.#takenOver) return;
		this.#pending = null;
		this.#socket.close();
	}

	/**
	 * Before the hand-over, answers the server's step 1 while the doc is empty and applies the
	 * first sync step 2; returns what the provider is to get, null for nothing.
	 */
	#applyFirstPlan(event: MessageEvent<unknown>): SocketEvent | null {
		if (this.#applied || !this.#pending || !(event.data instanceof ArrayBuffer)) return event;
		const frame = new Uint8Array(event.data);
		if (frame[0] === 0 && frame[1] === 0 && this.doc.store.clients.size === 0) {
			this.#socket.send(EMPTY_SYNC_STEP_2);
			return null;
		}
		try {
			const update = syncStep2Update(frame);
			if (!update) return event;
			Y.applyUpdate(this.doc, update, EARLY_ORIGIN);
		} catch {
			// Not a frame Yjs can read: the provider meets it and handles it as it would have.
			return event;
		}
		this.#applied = true;
		return { type: 'message', data: EMPTY_SYNC_STEP_2.slice().buffer };
	}

	#take(url: string): HandedOverSocket | null {
		if (this.#asked) return null;
		this.#asked = true;
		if (url !== this.url) {
			this.close();
			return null;
		}
		const socket = new HandedOverSocket(this.#socket);
		this.#takenOver = socket;
		// The provider sets its handlers right after constructing; replay once it has. A microtask
		// runs before any further socket event (a task), so the order of events is kept.
		queueMicrotask(() => {
			const pending = this.#pending ?? [];
			this.#pending = null;
			for (const event of pending) socket.dispatch(event);
		});
		return socket;
	}
}

/**
 * The one socket hooks.client.ts took over for this page load, until the editor takes it. Module
 * state, against the house rule, because SvelteKit's start hook cannot hand anything to a page
 * otherwise; it holds at most one socket and only until the first editor asks.
 */
let waiting: EarlyPlanSocket | null = null;

/** Takes over the page script's socket, if it opened one (the app's start hook). */
export function adoptEarlyPlanSocket(page: PageEarlySocket | undefined): void {
	if (!page || page.adopted) return;
	waiting?.close();
	waiting = new EarlyPlanSocket(page);
}

/** The early socket of plan `planId`, once (the editor takes it over); null when there is none. */
export function takeEarlyPlanSocket(planId: string): EarlyPlanSocket | null {
	const socket = waiting;
	waiting = null;
	if (socket && socket.planId !== planId) {
		socket.close();
		return null;
	}
	return socket;
}

/**
 * Keeps a plan's Y.Doc in the browser so the plan opens and edits offline (DESIGN §2).
 *
 * - `load` applies the stored state with {@link LOCAL_ORIGIN}, so loading is not saved again.
 * - Every other update schedules a save (debounced, then when the page is idle: encoding and
 *   storing a big plan takes tens of milliseconds, which must not delay its first paint); `flush`
 *   saves now.
 * - A save always writes the complete state (Y.encodeStateAsUpdate), never a delta, so one record
 *   rebuilds the document. When another tab wrote since our last save, its state is merged in
 *   (Y.mergeUpdates), so two tabs editing offline never overwrite each other. Saves run in order.
 * - `flushUrgently` is for a page going away (pagehide): an IndexedDB write started then is
 *   dropped with the page, so the edits since the last completed save are also put, synchronously,
 *   into a small pending store (localStorage), which the next `load` applies and saves.
 */
import * as Y from 'yjs';
import { uuidv4 } from 'lib0/random';

/**
 * Calls `listener` with the origin of every transaction that changed `doc` (what Yjs would emit
 * as an 'update'), without listening to 'update': Yjs encodes every transaction into an update
 * while anyone listens, which costs tens of milliseconds for a whole plan arriving (see
 * connection.ts). Returns the function that stops.
 */
export function watchChanges(doc: Y.Doc, listener: (origin: unknown) => void): () => void {
	const onTransaction = (transaction: Y.Transaction): void => {
		const changed =
			transaction.deleteSet.clients.size > 0 ||
			[...transaction.afterState].some(([client, clock]) => transaction.beforeState.get(client) !== clock);
		if (changed) listener(transaction.origin);
	};
	doc.on('afterTransaction', onTransaction);
	return () => doc.off('afterTransaction', onTransaction);
}

/** Origin of updates applied from local storage. */
export const LOCAL_ORIGIN = Symbol('planbook.local-storage');

/** Default delay between the last edit and its save, in milliseconds. */
export const SAVE_DEBOUNCE_MS = 200;

/** Byte storage of documents (storage's dexieDocStore has this shape). */
export interface LocalDocStore {
	load(id: string): Promise<Uint8Array | null>;
	store(
		id: string,
		writer: string,
		next: (previous: { state: Uint8Array; writer: string } | null) => Uint8Array
	): Promise<void>;
}

/** Synchronous storage of last-moment edits (storage's storagePendingUpdates has this shape). */
export interface PendingStore {
	set(id: string, writer: string, update: Uint8Array): boolean;
	list(id: string): { key: string; update: Uint8Array }[];
	remove(key: string): void;
	keyOf(id: string, writer: string): string;
}

export interface LocalPersistenceOptions {
	doc: Y.Doc;
	id: string;
	store: LocalDocStore;
	/** Where `flushUrgently` puts the latest edits; without it, urgent flushes are plain flushes. */
	pending?: PendingStore;
	debounceMs?: number;
	/** Where a debounced save waits for the page to be idle (requestIdleCallback); at once by default. */
	whenIdle?: (save: () => void) => void;
	/** Called after each completed save (e.g. to stamp the plan's last edit). */
	onSaved?: () => void;
	/** A save that failed (quota, private mode); the next edit tries again. */
	onError?: (error: unknown) => void;
}

export class LocalDocPersistence {
	readonly #doc: Y.Doc;
	readonly #id: string;
	readonly #store: LocalDocStore;
	readonly #pending: PendingStore | null;
	readonly #debounceMs: number;
	readonly #whenIdle: (save: () => void) => void;
	readonly #onSaved: () => void;
	readonly #onError: (error: unknown) => void;
	/** Identifies this open document as a writer of the stored record. */
	readonly #writer = uuidv4();
	#timer: ReturnType<typeof setTimeout> | null = null;
	#dirty = false;
	#chain: Promise<void> = Promise.resolve();
	#destroyed = false;
	readonly #stopWatching: () => void;
	/** State vector of the last completed save: what a pending entry must add to it. */
	#savedVector: Uint8Array | null = null;
	/** Pending entries this document has applied or written, removed once a save covers them. */
	#pendingKeys = new Set<string>();
	/** Bumped by each urgent write, so a save that started earlier does not remove it. */
	#urgentCount = 0;

	constructor(options: LocalPersistenceOptions) {
		this.#doc = options.doc;
		this.#id = options.id;
		this.#store = options.store;
		this.#pending = options.pending ?? null;
		this.#debounceMs = options.debounceMs ?? SAVE_DEBOUNCE_MS;
		this.#whenIdle = options.whenIdle ?? ((save) => save());
		this.#onSaved = options.onSaved ?? (() => {});
		this.#onError = options.onError ?? (() => {});
		this.#stopWatching = watchChanges(this.#doc, this.#onChange);
		// Content the doc had before `load` did not come from here (a plan downloaded before the
		// session existed, see early-socket.ts): it is saved like any change.
		if (this.#doc.store.clients.size > 0) this.#markDirty();
	}

	/** Applies the stored state and any pending last-moment edits; true when there was something. */
	async load(): Promise<boolean> {
		const state = await this.#store.load(this.#id);
		if (this.#destroyed) return false;
		if (state) Y.applyUpdate(this.#doc, state, LOCAL_ORIGIN);
		const pending = this.#pending?.list(this.#id) ?? [];
		for (const entry of pending) {
			Y.applyUpdate(this.#doc, entry.update, LOCAL_ORIGIN);
			this.#pendingKeys.add(entry.key);
		}
		// Pending edits are not in the database yet: save them (and then drop the entries).
		if (pending.length > 0) this.#markDirty();
		return state !== null || pending.length > 0;
	}

	/** True while an edit has not been stored yet. */
	get dirty(): boolean {
		return this.#dirty;
	}

	/** Stores the document now (if it changed); resolves when stored. */
	flush(): Promise<void> {
		if (this.#timer !== null) {
			clearTimeout(this.#timer);
			this.#timer = null;
		}
		if (!this.#dirty) return this.#chain;
		this.#dirty = false;
		this.#chain = this.#chain.then(() => this.#save()).catch((error: unknown) => {
			this.#dirty = true;
			this.#onError(error);
		});
		return this.#chain;
	}

	/**
	 * The page is being hidden or unloaded: keeps the edits since the last completed save in the
	 * pending store at once (synchronously), then starts a normal save, which completes if the
	 * page lives on (a hidden tab) and removes the pending entry again.
	 */
	flushUrgently(): void {
		if (!this.#dirty && this.#timer === null) return;
		if (this.#pending) {
			const since = this.#savedVector ?? undefined;
			if (this.#pending.set(this.#id, this.#writer, Y.encodeStateAsUpdate(this.#doc, since))) {
				this.#urgentCount += 1;
				this.#pendingKeys.add(this.#pending.keyOf(this.#id, this.#writer));
			}
		}
		void this.flush();
	}

	/** Stops listening after a last save. */
	async destroy(): Promise<void> {
		this.#stopWatching();
		await this.flush();
		this.#destroyed = true;
	}

	#onChange = (origin: unknown): void => {
		if (origin !== LOCAL_ORIGIN) this.#markDirty();
	};

	#markDirty(): void {
		this.#dirty = true;
		if (this.#timer !== null) clearTimeout(this.#timer);
		this.#timer = setTimeout(() => {
			this.#timer = null;
			// A flush meanwhile (or destroy) leaves nothing dirty, and this save does nothing.
			this.#whenIdle(() => void this.flush());
		}, this.#debounceMs);
	}

	async #save(): Promise<void> {
		const urgentBefore = this.#urgentCount;
		let vector: Uint8Array | null = null;
		await this.#store.store(this.#id, this.#writer, (previous) => {
			// Encoded inside the transaction, so the latest document is what gets written.
			const current = Y.encodeStateAsUpdate(this.#doc);
			vector = Y.encodeStateVector(this.#doc);
			if (previous === null || previous.writer === this.#writer) return current;
			return Y.mergeUpdates([previous.state, current]);
		});
		this.#savedVector = vector;
		// Everything pending is in the database now, unless an urgent write came in meanwhile.
		if (this.#pending && this.#urgentCount === urgentBefore) {
			for (const key of this.#pendingKeys) this.#pending.remove(key);
			this.#pendingKeys.clear();
		}
		this.#onSaved();
	}
}

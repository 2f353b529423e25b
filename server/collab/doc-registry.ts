/**
 * The plans loaded in memory. A plan is loaded by its first connection — concurrent first
 * connections share one load promise, so a plan is never loaded twice — and unloaded (compacted,
 * then freed) once it has had no connection for `idleUnloadMs`.
 *
 * Holders count references: `acquire` adds one, `release` drops it. A plan that is unloading stays
 * in `#unloading` until its compaction is stored, and a new `acquire` waits for that before loading
 * again, so the new copy always reads a store that has everything the old copy received.
 *
 * At most `maxLoadedDocs` plans are loaded: to load one more, an idle plan (no connection, waiting
 * for its unload) is unloaded at once; when none is idle, `acquire` throws TooManyDocsError.
 */
import { CLOSE } from '../../src/lib/collab/protocol';
import type { Logger } from '../log';
import type { ServerMetrics } from '../metrics';
import type { PlanStore } from '../persistence/store';
import type { DocBus } from '../scale/doc-bus';
import { SharedDoc } from './shared-doc';

export interface DocRegistryOptions {
	store: PlanStore;
	metrics: ServerMetrics;
	log: Logger;
	idleUnloadMs: number;
	compactEvery: number;
	/** Plans loaded at once (unlimited when unset). */
	maxLoadedDocs?: number;
	/** Passed to each SharedDoc: the largest stored plan. */
	maxDocBytes?: number;
	/** Scale-out: loaded plans also hear (and tell) the other processes. */
	bus?: DocBus;
}

/** The process has `maxLoadedDocs` plans in use; the endpoint closes with 1013 (try again later). */
export class TooManyDocsError extends Error {
	override readonly name = 'TooManyDocsError';
}

interface Entry {
	loading: Promise<SharedDoc>;
	/** Set once loaded. */
	shared?: SharedDoc;
	refs: number;
	idleTimer?: NodeJS.Timeout;
}

export class DocRegistry {
	readonly #entries = new Map<string, Entry>();
	readonly #unloading = new Map<string, Promise<void>>();
	readonly #options: DocRegistryOptions;
	#closed = false;

	constructor(options: DocRegistryOptions) {
		this.#options = options;
	}

	/** Plans loaded (or loading) now. */
	get size(): number {
		return this.#entries.size;
	}

	/** The plan's shared doc, loading it when needed; pair every call with `release`. */
	async acquire(planId: string): Promise<SharedDoc> {
		if (this.#closed) throw new Error('the document registry is closed');
		let entry = this.#entries.get(planId);
		if (!entry) {
			this.#makeRoom();
			const created: Entry = { loading: this.#load(planId), refs: 0 };
			this.#entries.set(planId, created);
			created.loading.then(
				(shared) => {
					created.shared = shared;
				},
				() => {
					// A failed load is forgotten, so the next connection tries again.
					if (this.#entries.get(planId) === created) this.#entries.delete(planId);
				}
			);
			entry = created;
		}
		entry.refs++;
		clearTimeout(entry.idleTimer);
		entry.idleTimer = undefined;
		try {
			return await entry.loading;
		} catch (error) {
			entry.refs--;
			throw error;
		}
	}

	/** Drops one reference; the last one starts the idle timer. */
	release(shared: SharedDoc): void {
		const entry = this.#entries.get(shared.planId);
		if (!entry || entry.shared !== shared) return; // already unloaded or discarded
		entry.refs = Math.max(0, entry.refs - 1);
		if (entry.refs > 0 || this.#closed) return;
		entry.idleTimer = setTimeout(() => this.#unload(shared.planId, entry), this.#options.idleUnloadMs);
		// An idle plan must not keep the process alive.
		entry.idleTimer.unref();
	}

	/** The plans loaded now (scale-out catch-up polls them). */
	loadedDocs(): SharedDoc[] {
		const docs: SharedDoc[] = [];
		for (const entry of this.#entries.values()) if (entry.shared?.isOpen) docs.push(entry.shared);
		return docs;
	}

	/** The plan's doc if it is loaded now (for reads such as export; takes no reference). */
	loaded(planId: string): SharedDoc | undefined {
		const shared = this.#entries.get(planId)?.shared;
		return shared?.isOpen ? shared : undefined;
	}

	/** The plan was deleted: close its sockets (4404) and drop it from memory without storing. */
	async discard(planId: string): Promise<void> {
		const entry = this.#entries.get(planId);
		if (!entry) return;
		this.#entries.delete(planId);
		clearTimeout(entry.idleTimer);
		const shared = await entry.loading.catch(() => undefined);
		if (!shared) return;
		shared.discard(CLOSE.unknownPlan, 'this plan was deleted');
		this.#options.bus?.unsubscribePlan(planId);
		this.#options.metrics.docUnloaded();
	}

	/** Unloads every plan now (compacting each) and waits until all is stored. */
	async close(): Promise<void> {
		this.#closed = true;
		const entries = [...this.#entries.entries()];
		for (const [planId, entry] of entries) {
			clearTimeout(entry.idleTimer);
			this.#unload(planId, entry);
		}
		await Promise.all(entries.map(([, entry]) => entry.loading.catch(() => undefined)));
		await Promise.all(this.#unloading.values());
	}

	/** Unloads an idle plan when the registry is full; throws TooManyDocsError when none is idle. */
	#makeRoom(): void {
		const max = this.#options.maxLoadedDocs ?? Number.POSITIVE_INFINITY;
		if (this.#entries.size < max) return;
		for (const [planId, entry] of this.#entries) {
			if (entry.refs > 0 || !entry.shared) continue;
			clearTimeout(entry.idleTimer);
			this.#unload(planId, entry);
			return;
		}
		throw new TooManyDocsError(`${this.#entries.size} plans are open, the most this server loads at once`);
	}

	async #load(planId: string): Promise<SharedDoc> {
		await this.#unloading.get(planId);
		const { store, metrics, log, compactEvery, bus } = this.#options;
		const stored = await store.loadUpdates(planId);
		const shared = new SharedDoc({ planId, stored, store, metrics, log, compactEvery, bus, maxDocBytes: this.#options.maxDocBytes });
		metrics.docLoaded();
		if (bus) {
			bus.subscribePlan(planId, {
				update: (seq, update) => shared.receiveRemote(seq, update),
				awareness: (update) => shared.receiveRemoteAwareness(update)
			});
			// What other processes stored between our read and the subscription was published unheard.
			shared.catchUp().catch((error: unknown) => log.error('catching up after load failed', { plan: planId }, error));
		}
		if (shared.wantsCompaction) {
			// A crash left a long log behind: merge it now, so the next load is quick.
			shared.compact().catch((error: unknown) => log.error('compaction after load failed', { plan: planId }, error));
		}
		return shared;
	}

	#unload(planId: string, entry: Entry): void {
		if (entry.refs > 0 && !this.#closed) return;
		if (this.#entries.get(planId) !== entry) return;
		this.#entries.delete(planId);
		const { log, metrics } = this.#options;
		const unloading = entry.loading
			.then(
				async (shared) => {
					if (!shared.isOpen) return;
					try {
						await shared.unload();
					} finally {
						this.#options.bus?.unsubscribePlan(planId);
						metrics.docUnloaded();
					}
				},
				() => undefined // the load failed (and was reported): nothing is in memory
			)
			.catch((error: unknown) => log.error('unloading a plan failed', { plan: planId }, error))
			.finally(() => {
				if (this.#unloading.get(planId) === unloading) this.#unloading.delete(planId);
			});
		this.#unloading.set(planId, unloading);
	}
}

/**
 * One plan loaded in memory: its Y.Doc, its awareness and the sockets (peers) editing it.
 *
 * The durability rule lives here. A client's update goes through the plan's serial queue:
 *   1. skip it if it adds nothing (acknowledge only);
 *   2. append it to the store and wait until that is durable;
 *   3. apply it to the doc, then relay it to the other peers;
 *   4. acknowledge the sender with MESSAGE_SAVED carrying the doc's state vector.
 * What is relayed is the update as stored, framed once for every peer — not the doc's `update`
 * event, which would make Yjs re-encode what it just applied on every edit. Peers converge all the
 * same (Yjs applies any update idempotently, in any order); only this method changes the live doc.
 * So the in-memory doc never holds anything the store lacks, everything relayed or acknowledged
 * survives a crash, and updates are stored and relayed in the order they arrived. Receivers of a
 * relayed update get no acknowledgment of their own: whatever the server sends was stored first, so
 * clients count the clocks they receive from the server as saved (src/lib/collab/connection.ts).
 *
 * Scale-out (a SharedLogStore and a DocBus): a stored update is also published to the other
 * processes, which apply and relay it without storing it again (it is stored). Each update carries
 * its per-plan seq; a process that finds a gap in the seqs it has — the bus dropped a message, or
 * was down — reads what it lacks from the store (`catchUp`), so every process converges on the store.
 *
 * Awareness (presence) is never stored: it is relayed to every peer — the sender included, as
 * @y/websocket-server does, because y-websocket clients treat 30 s without any message as a dead
 * connection and a lone editor's own renewed state is what keeps its socket alive — coalesced
 * into one frame per plan per interval (awareness-relay.ts).
 *
 * Size: an update that adds content beyond `maxDocBytes` (snapshot + log) is refused ('too-large')
 * after one compaction to make sure; deletions are always stored, they shrink the next snapshot.
 */
import { randomUUID } from 'node:crypto';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { planRoots } from '../../src/lib/collab/schema/roots';
import { encodeSaved } from '../../src/lib/collab/protocol';
import type { Logger } from '../log';
import type { ServerMetrics } from '../metrics';
import { isSharedLogStore, type PlanStore, type SharedLogStore, type StoredUpdates } from '../persistence/store';
import type { DocBus } from '../scale/doc-bus';
import { SeqTracker } from '../scale/seq-tracker';
import { AwarenessRelay } from './awareness-relay';
import { encodeSyncStep2, encodeSyncUpdate } from './messages';
import { SerialQueue } from './serial-queue';
import { addsNothing, type DecodedUpdate } from './update-check';

/** What a shared doc needs from a connection. */
export interface DocPeer {
	/** Sends one frame; a no-op once the socket is closing. */
	send(frame: Uint8Array): void;
	close(code: number, reason: string): void;
}

export interface SharedDocOptions {
	planId: string;
	stored: StoredUpdates;
	store: PlanStore;
	metrics: ServerMetrics;
	log: Logger;
	/**
	 * Compact after this many appended updates — once they also weigh a quarter of the snapshot,
	 * so a large plan is not re-encoded every few seconds (compaction cost grows with the plan,
	 * the log's load cost with its bytes: this keeps both amortised).
	 */
	compactEvery: number;
	/** Clock of the daily automatic versions (tests pass a fixed one). */
	now?: () => Date;
	/** Largest stored plan, snapshot + log (bytes); unlimited when unset. */
	maxDocBytes?: number;
	/** The other processes serving this plan (scale-out); needs a SharedLogStore. */
	bus?: DocBus;
}

/** Origin of what came from another process over the bus or the store (not a local peer). */
const REMOTE = Symbol('remote');
/** How long a gap in the seqs may last before the missing updates are read from the store. */
const GAP_GRACE_MS = 300;

/** What became of a submitted update. */
export type SubmitResult = 'stored' | 'unchanged' | 'discarded' | 'refused' | 'too-large';

/** A stored update that decoded but that Yjs could not apply (it stays in the log; see load). */
export class UpdateApplyError extends Error {
	override readonly name = 'UpdateApplyError';
}

type Lifecycle = 'open' | 'unloaded' | 'deleted';

export class SharedDoc {
	readonly planId: string;
	readonly doc = new Y.Doc();
	readonly awareness: awarenessProtocol.Awareness;
	/** Each peer with the awareness client ids it announced, removed when it leaves. */
	readonly #peers = new Map<DocPeer, Set<number>>();
	readonly #queue = new SerialQueue();
	readonly #store: PlanStore;
	readonly #metrics: ServerMetrics;
	readonly #log: Logger;
	readonly #now: (() => Date) | undefined;
	/** The day whose automatic version is known to exist (or was just made). */
	#dailyChecked: string | null = null;
	readonly #compactEvery: number;
	#lastSeq: number;
	#appendedCount: number;
	/** Bytes appended since the snapshot, and the snapshot's size. */
	#appendedBytes: number;
	#snapshotBytes: number;
	#lifecycle: Lifecycle = 'open';
	readonly #maxDocBytes: number;
	readonly #awarenessRelay: AwarenessRelay;
	/** Scale-out only: the bus, the shared log and the seqs this doc holds. */
	readonly #bus: DocBus | undefined;
	readonly #sharedLog: SharedLogStore | undefined;
	readonly #seqs: SeqTracker | undefined;
	#gapTimer: NodeJS.Timeout | undefined;
	/** Scale-out: local clients' presence, coalesced like the relay to peers, for the bus. */
	#busAwareness: AwarenessRelay | undefined;
	/** The whole doc as a sync step 2 frame, for clients that have nothing yet; dropped on change. */
	#fullSyncFrame: Buffer | undefined;

	constructor(options: SharedDocOptions) {
		this.planId = options.planId;
		this.#store = options.store;
		this.#metrics = options.metrics;
		this.#log = options.log;
		this.#now = options.now;
		this.#compactEvery = options.compactEvery;
		this.#maxDocBytes = options.maxDocBytes ?? Number.POSITIVE_INFINITY;
		this.#lastSeq = options.stored.lastSeq;
		const { updates, appendedCount } = options.stored;
		this.#appendedCount = appendedCount;
		const hasSnapshot = updates.length > appendedCount;
		this.#snapshotBytes = hasSnapshot ? (updates[0]?.byteLength ?? 0) : 0;
		this.#appendedBytes = updates.slice(hasSnapshot ? 1 : 0).reduce((sum, update) => sum + update.byteLength, 0);
		options.stored.updates.forEach((update, index) => {
			// A stored update that throws is skipped rather than making the whole plan unloadable.
			// Yjs applies deterministically, so skipping here matches what the live doc did.
			try {
				Y.applyUpdate(this.doc, update, 'load');
			} catch (error) {
				this.#log.error('skipped a stored update that does not apply', { plan: this.planId, index }, error);
			}
		});
		this.awareness = new awarenessProtocol.Awareness(this.doc);
		this.awareness.setLocalState(null); // the server itself is not present in the plan
		this.#awarenessRelay = new AwarenessRelay({
			awareness: this.awareness,
			broadcast: (frame) => {
				for (const peer of this.#peers.keys()) peer.send(frame);
			}
		});
		this.awareness.on('update', this.#relayAwareness);
		if (options.bus && isSharedLogStore(options.store)) {
			this.#bus = options.bus;
			this.#sharedLog = options.store;
			this.#seqs = new SeqTracker(options.stored.lastSeq);
			const bus = options.bus;
			this.#busAwareness = new AwarenessRelay({
				awareness: this.awareness,
				encode: (awareness, clients) => awarenessProtocol.encodeAwarenessUpdate(awareness, clients),
				broadcast: (update) => bus.publishAwareness(this.planId, update)
			});
			this.awareness.on('update', this.#publishAwareness);
		}
	}

	get peerCount(): number {
		return this.#peers.size;
	}

	get isOpen(): boolean {
		return this.#lifecycle === 'open';
	}

	/** True when the update log has grown enough to be merged into the snapshot. */
	get wantsCompaction(): boolean {
		return this.#appendedCount >= this.#compactEvery && this.#appendedBytes * 4 >= this.#snapshotBytes;
	}

	addPeer(peer: DocPeer): void {
		this.#peers.set(peer, new Set());
	}

	/** Forgets a peer and removes the awareness states it announced (its cursor, its name). */
	removePeer(peer: DocPeer): void {
		const clients = this.#peers.get(peer);
		this.#peers.delete(peer);
		if (clients && clients.size > 0 && this.#lifecycle === 'open') {
			awarenessProtocol.removeAwarenessStates(this.awareness, [...clients], null);
		}
	}

	/** The doc's state vector: what is stored (the doc never runs ahead of the store). */
	stateVector(): Uint8Array {
		return Y.encodeStateVector(this.doc);
	}

	/**
	 * Sync step 2 for a client with `stateVector`. A client that has nothing (a first visit, a join
	 * storm) gets the whole doc, encoded once per doc state and shared by every such client — one
	 * buffer, not one multi-megabyte encoding per socket.
	 */
	syncStep2For(stateVector: Uint8Array): Uint8Array {
		const empty = stateVector.length === 1 && stateVector[0] === 0;
		if (!empty) return encodeSyncStep2(this.doc, stateVector);
		if (!this.#fullSyncFrame) {
			const frame = encodeSyncStep2(this.doc, stateVector);
			this.#fullSyncFrame = Buffer.from(frame.buffer, frame.byteOffset, frame.byteLength);
		}
		return this.#fullSyncFrame;
	}

	/** The plan title as the doc has it now. */
	title(): string | undefined {
		const title = planRoots(this.doc).meta.get('title');
		return typeof title === 'string' ? title : undefined;
	}

	/**
	 * Stores, applies, relays and acknowledges one update from `from` (see the header); an update
	 * `check` refuses is dropped ('refused': not stored, relayed or acknowledged), as is one that
	 * would make the plan larger than `maxDocBytes` ('too-large'). Rejects
	 * with the store's error (nothing applied or relayed then) or an UpdateApplyError.
	 */
	submitUpdate(update: Uint8Array, decoded: DecodedUpdate, from: DocPeer, check?: (doc: Y.Doc) => string | null): Promise<SubmitResult> {
		return this.#queue.run(async (): Promise<SubmitResult> => {
			if (this.#lifecycle !== 'open') return 'discarded';
			if (addsNothing(this.doc, decoded)) {
				from.send(encodeSaved(this.stateVector()));
				return 'unchanged';
			}
			// In the queue, so the rule sees the doc with every earlier update applied.
			const refusal = check?.(this.doc);
			if (refusal) {
				this.#log.warn('dropped an update that breaks the workshop rules', { plan: this.planId, reason: refusal });
				return 'refused';
			}
			if (await this.#wouldExceedSize(update, decoded)) return 'too-large';
			await this.#dailyVersion();
			const started = performance.now();
			const seq = await this.#store.appendUpdate(this.planId, update);
			this.#lastSeq = Math.max(this.#lastSeq, seq);
			this.#metrics.updateStored((performance.now() - started) / 1000);
			this.#appendedCount++;
			this.#appendedBytes += update.byteLength;
			if (this.#lifecycle !== 'open') return 'discarded'; // deleted while we were writing
			try {
				this.#apply(update, from);
			} catch (error) {
				throw new UpdateApplyError(`update does not apply (${error instanceof Error ? error.message : String(error)})`);
			}
			this.#relay(update, from);
			from.send(encodeSaved(this.stateVector()));
			if (this.#seqs) {
				this.#seqs.add(seq);
				this.#bus?.publishUpdate(this.planId, seq, update);
				if (this.#seqs.hasGap) this.#scheduleGapCatchUp();
			}
			if (this.wantsCompaction) await this.#compactLogged();
			return 'stored';
		});
	}

	/**
	 * Scale-out: an update another process stored, heard on the bus. Applied and relayed to every
	 * local peer at once, not behind the local updates waiting in the queue for their writes: it is
	 * stored already, so the doc still never holds anything the store lacks, and peers converge
	 * whatever order updates reach them in.
	 */
	receiveRemote(seq: number, update: Uint8Array): void {
		const seqs = this.#seqs;
		if (this.#lifecycle !== 'open' || !seqs || seqs.has(seq)) return;
		try {
			this.#apply(update, REMOTE);
		} catch (error) {
			// Stored by a process that checked it, so this is a bug or a corrupt message: read the store.
			this.#log.error('an update from another process does not apply', { plan: this.planId, seq }, error);
			this.#scheduleGapCatchUp();
			return;
		}
		seqs.add(seq);
		this.#lastSeq = Math.max(this.#lastSeq, seq);
		// The log grew by it too (the plan-size limit counts every process's writes).
		this.#appendedBytes += update.byteLength;
		this.#relay(update, null);
		if (seqs.hasGap) this.#scheduleGapCatchUp();
	}

	/** Scale-out: presence of another process's clients, relayed to the local peers. */
	receiveRemoteAwareness(update: Uint8Array): void {
		if (this.#lifecycle !== 'open') return;
		try {
			awarenessProtocol.applyAwarenessUpdate(this.awareness, update, REMOTE);
		} catch (error) {
			this.#log.warn('dropped presence from another process that does not decode', { plan: this.planId, reason: String(error) });
		}
	}

	/** Scale-out: the last seq this doc holds with nothing missing below it. */
	get seqWatermark(): number | undefined {
		return this.#seqs?.watermark;
	}

	/**
	 * Scale-out: reads from the store every update this doc lacks (the bus dropped it, or was down),
	 * applies it and relays the change to the local peers. Resolves with how many updates it read.
	 */
	catchUp(): Promise<number> {
		return this.#queue.run(async () => {
			const seqs = this.#seqs;
			const log = this.#sharedLog;
			if (this.#lifecycle !== 'open' || !seqs || !log) return 0;
			const since = await log.updatesSince(this.planId, seqs.watermark);
			if (this.#lifecycle !== 'open') return 0;
			const missing = since.updates.filter(({ seq }) => !seqs.has(seq));
			if (!since.snapshot && missing.length === 0) {
				seqs.advanceTo(since.lastSeq);
				return 0;
			}
			// Relay exactly what changed, as Yjs reports it, rather than the (possibly large) snapshot.
			const changes: Uint8Array[] = [];
			const collect = (update: Uint8Array, origin: unknown): void => {
				if (origin === REMOTE) changes.push(update);
			};
			this.doc.on('update', collect);
			try {
				for (const update of [...(since.snapshot ? [since.snapshot] : []), ...missing.map((m) => m.update)]) {
					try {
						this.#apply(update, REMOTE);
					} catch (error) {
						this.#log.error('skipped a stored update that does not apply', { plan: this.planId }, error);
					}
				}
			} finally {
				this.doc.off('update', collect);
			}
			seqs.advanceTo(since.lastSeq);
			this.#lastSeq = Math.max(this.#lastSeq, since.lastSeq);
			this.#appendedBytes += missing.reduce((sum, m) => sum + m.update.byteLength, 0);
			for (const change of changes) this.#relay(change, null);
			this.#metrics.caughtUp(missing.length);
			return missing.length;
		});
	}

	/**
	 * A gap gets GAP_GRACE_MS for the bus to fill it (messages from two processes interleave, so
	 * gaps open and close all the time under load); only a gap still open then is read from the
	 * store. A newer gap, opened meanwhile, gets its own grace.
	 */
	#scheduleGapCatchUp(): void {
		if (this.#gapTimer || !this.#seqs) return;
		const missing = this.#seqs.watermark + 1;
		this.#gapTimer = setTimeout(() => {
			this.#gapTimer = undefined;
			const seqs = this.#seqs;
			if (this.#lifecycle !== 'open' || !seqs?.hasGap) return; // the bus delivered what was missing
			if (seqs.watermark >= missing) return this.#scheduleGapCatchUp();
			this.catchUp().catch((error: unknown) => this.#log.error('catching up from the store failed', { plan: this.planId }, error));
		}, GAP_GRACE_MS);
		this.#gapTimer.unref();
	}

	/**
	 * Version history's automatic daily version: before the first edit of a (UTC) day, the plan as
	 * it stood is saved once, so each day of work can be compared and restored. Checked against the
	 * store once a day per loaded plan; a failure is logged and never blocks the edit.
	 */
	async #dailyVersion(): Promise<void> {
		const now = (this.#now ?? (() => new Date()))();
		const day = now.toISOString().slice(0, 10);
		if (this.#dailyChecked === day) return;
		this.#dailyChecked = day;
		try {
			const versions = await this.#store.listVersions(this.planId);
			if (versions.some((v) => v.auto && v.createdAt.startsWith(day))) return;
			const state = Y.encodeStateAsUpdate(this.doc);
			await this.#store.createVersion(this.planId, { id: randomUUID(), name: day, createdAt: now.toISOString(), createdBy: '', auto: true, state });
		} catch (error) {
			this.#log.warn('the daily version could not be saved', { plan: this.planId, reason: error instanceof Error ? error.message : String(error) });
		}
	}

	/** Merges the update log into the snapshot, after the updates already queued. */
	compact(): Promise<void> {
		return this.#queue.run(() => this.#compact());
	}

	/** Compacts (after every queued update) and frees the doc; the registry calls it when idle. */
	unload(): Promise<void> {
		return this.#queue.run(async () => {
			if (this.#lifecycle !== 'open') return;
			await this.#compactLogged();
			this.#destroy('unloaded');
		});
	}

	/** The plan was deleted: close every socket with `code` and drop the doc without storing. */
	discard(code: number, reason: string): void {
		if (this.#lifecycle !== 'open') return;
		const peers = [...this.#peers.keys()];
		this.#destroy('deleted');
		for (const peer of peers) peer.close(code, reason);
	}

	async #compact(): Promise<void> {
		if (this.#lifecycle !== 'open' || this.#appendedCount === 0) return;
		// Runs inside the queue, so the doc holds exactly the stored updates up to #lastSeq.
		const upToSeq = this.#lastSeq;
		const state = Y.encodeStateAsUpdate(this.doc);
		await this.#store.compact(this.planId, state, upToSeq, { title: this.title() });
		this.#appendedCount = 0;
		this.#appendedBytes = 0;
		this.#snapshotBytes = state.byteLength;
	}

	async #compactLogged(): Promise<void> {
		try {
			await this.#compact();
		} catch (error) {
			// The log is intact when compaction fails; it is retried at the next threshold or unload.
			this.#log.error('compaction failed', { plan: this.planId }, error);
		}
	}

	/**
	 * True when storing `update` would make the plan (snapshot + log) larger than `maxDocBytes`,
	 * even after compacting first (the log may weigh more than what it adds to the snapshot). An
	 * update without new structs only deletes: it is let through, so a full plan can be trimmed.
	 */
	async #wouldExceedSize(update: Uint8Array, decoded: DecodedUpdate): Promise<boolean> {
		const fits = (): boolean => this.#snapshotBytes + this.#appendedBytes + update.byteLength <= this.#maxDocBytes;
		if (fits() || decoded.structs.every((struct) => struct instanceof Y.Skip)) return false;
		await this.#compactLogged();
		return !fits();
	}

	/** Every change to the live doc after load goes through here, so the full-sync frame is never stale. */
	#apply(update: Uint8Array, origin: unknown): void {
		this.#fullSyncFrame = undefined;
		Y.applyUpdate(this.doc, update, origin);
	}

	#relay(update: Uint8Array, from: DocPeer | null): void {
		const framed = encodeSyncUpdate(update);
		// A Buffer, so that ws does not wrap the same bytes once per peer.
		const frame = Buffer.from(framed.buffer, framed.byteOffset, framed.byteLength);
		for (const peer of this.#peers.keys()) if (peer !== from) peer.send(frame);
	}

	#destroy(lifecycle: Lifecycle): void {
		this.#lifecycle = lifecycle;
		clearTimeout(this.#gapTimer);
		this.#fullSyncFrame = undefined;
		this.#peers.clear();
		this.awareness.off('update', this.#publishAwareness);
		this.#busAwareness?.destroy();
		this.awareness.off('update', this.#relayAwareness);
		this.#awarenessRelay.destroy();
		this.awareness.destroy();
		this.doc.destroy();
	}

	/** Scale-out: publishes the presence of local clients (not what came from the bus). */
	readonly #publishAwareness = (
		{ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
		origin: unknown
	): void => {
		if (origin === REMOTE) return;
		this.#busAwareness?.add([...added, ...updated, ...removed]);
	};

	readonly #relayAwareness = (
		{ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
		origin: unknown
	): void => {
		const announced = this.#peers.get(origin as DocPeer);
		if (announced) {
			for (const client of added) announced.add(client);
			for (const client of removed) announced.delete(client);
		}
		this.#awarenessRelay.add([...added, ...updated, ...removed]);
	};
}

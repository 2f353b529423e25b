/**
 * Stored Yjs states of plan documents, as bytes: this module knows nothing about Yjs (only
 * src/lib/collab does). It is the storage half of the local persistence adapter, in Hocuspocus's
 * shape: `load → Uint8Array | null` and `store`.
 */
import type { DocRecord, PlanbookDb } from './database';

/** What was stored for a document, given to the merge function of {@link DocStateStore.store}. */
export type StoredDocState = Pick<DocRecord, 'state' | 'writer'>;

/** Byte-level storage of one document per plan id. */
export interface DocStateStore {
	load(id: string): Promise<Uint8Array | null>;
	/**
	 * Replaces the stored state with `next(previous)`, read and written in one transaction so that
	 * two tabs storing at once cannot lose each other's work.
	 */
	store(id: string, writer: string, next: (previous: StoredDocState | null) => Uint8Array): Promise<void>;
}

/** The store over the browser database; `now` stamps `updatedAt` (milliseconds). */
export function dexieDocStore(db: PlanbookDb, now: () => number): DocStateStore {
	return {
		async load(id) {
			const record = await db.docs.get(id);
			return record ? record.state : null;
		},
		async store(id, writer, next) {
			await db.transaction('rw', db.docs, async () => {
				const previous = await db.docs.get(id);
				const state = next(previous ? { state: previous.state, writer: previous.writer } : null);
				await db.docs.put({ id, state, writer, updatedAt: now() });
			});
		}
	};
}

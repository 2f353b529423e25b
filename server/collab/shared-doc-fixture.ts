/**
 * Test fixture for SharedDoc: plan `p` in a store, its text `body` reading "start" (written by
 * `author`, so tests can make further edits as updates), loaded as a SharedDoc with two recording
 * peers. Used by the SharedDoc tests; not part of the server.
 */
import * as Y from 'yjs';
import { silentLogger } from '../log';
import { ServerMetrics } from '../metrics';
import { MemoryStore } from '../persistence/memory-store';
import { SharedDoc, type SharedDocOptions } from './shared-doc';
import { captureUpdate, RecordingPeer } from './test-peer';
import { decodeClientUpdate } from './update-check';

export interface SharedDocFixture<S extends MemoryStore> {
	store: S;
	shared: SharedDoc;
	author: Y.Doc;
	/** The plan's first state ("start"). */
	initialUpdate: Uint8Array;
	a: RecordingPeer;
	b: RecordingPeer;
}

type FixtureOptions = Partial<Pick<SharedDocOptions, 'compactEvery' | 'maxDocBytes' | 'bus'>>;

export async function openSharedDoc(options?: FixtureOptions): Promise<SharedDocFixture<MemoryStore>>;
export async function openSharedDoc<S extends MemoryStore>(options: FixtureOptions, store: S): Promise<SharedDocFixture<S>>;
export async function openSharedDoc(options: FixtureOptions = {}, store: MemoryStore = new MemoryStore()): Promise<SharedDocFixture<MemoryStore>> {
	const author = new Y.Doc();
	const initialUpdate = captureUpdate(author, () => author.getText('body').insert(0, 'start'));
	await store.createPlan({ id: 'p', title: 'P', tokens: { owner: 'o', editor: 'e', viewer: 'v' }, initialUpdate });
	const shared = new SharedDoc({
		planId: 'p',
		stored: await store.loadUpdates('p'),
		store,
		metrics: new ServerMetrics(),
		log: silentLogger(),
		compactEvery: options.compactEvery ?? 100,
		...(options.maxDocBytes === undefined ? {} : { maxDocBytes: options.maxDocBytes }),
		...(options.bus === undefined ? {} : { bus: options.bus })
	});
	const a = new RecordingPeer();
	const b = new RecordingPeer();
	shared.addPeer(a);
	shared.addPeer(b);
	return { store, shared, author, initialUpdate, a, b };
}

/** Submits a client's update as the connection does (decoded first). */
export function submit(shared: SharedDoc, update: Uint8Array, from: RecordingPeer): Promise<string> {
	return shared.submitUpdate(update, decodeClientUpdate(update), from);
}

/**
 * Two or more docs (with awareness) kept in sync in memory, as if through a server: every update
 * of one is applied to the others. For the dev components page and tests, where editors must be
 * seen converging without a network. Updates applied from a peer carry {@link LOOPBACK_ORIGIN} so
 * they are not echoed back.
 */
import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';

/** Transaction origin of updates relayed between loopback peers. */
export const LOOPBACK_ORIGIN = Symbol('loopback');

export interface LoopbackPeer {
	readonly doc: Y.Doc;
	readonly awareness: Awareness;
}

export interface Loopback {
	readonly peers: readonly LoopbackPeer[];
	/** Stops relaying and clears every peer's awareness. */
	destroy(): void;
}

type AwarenessChange = { added: number[]; updated: number[]; removed: number[] };

/**
 * Creates `count` peers whose docs and awareness states are relayed to each other. `seed` may fill
 * the first doc before the peers are linked (e.g. with a plan), and the others start from it.
 */
export function createLoopback(count = 2, seed?: (doc: Y.Doc) => void): Loopback {
	const peers: LoopbackPeer[] = [];
	for (let i = 0; i < count; i++) {
		const doc = new Y.Doc();
		if (i === 0 && seed) seed(doc);
		else if (i > 0) Y.applyUpdate(doc, Y.encodeStateAsUpdate((peers[0] as LoopbackPeer).doc), LOOPBACK_ORIGIN);
		peers.push({ doc, awareness: new Awareness(doc) });
	}
	const stops: (() => void)[] = [];
	for (const peer of peers) {
		const others = peers.filter((p) => p !== peer);
		const onUpdate = (update: Uint8Array, origin: unknown) => {
			if (origin === LOOPBACK_ORIGIN) return;
			for (const o of others) Y.applyUpdate(o.doc, update, LOOPBACK_ORIGIN);
		};
		const onAwareness = ({ added, updated, removed }: AwarenessChange, origin: unknown) => {
			if (origin === LOOPBACK_ORIGIN) return;
			const update = encodeAwarenessUpdate(peer.awareness, [...added, ...updated, ...removed]);
			for (const o of others) applyAwarenessUpdate(o.awareness, update, LOOPBACK_ORIGIN);
		};
		peer.doc.on('update', onUpdate);
		peer.awareness.on('update', onAwareness);
		stops.push(() => {
			peer.doc.off('update', onUpdate);
			peer.awareness.off('update', onAwareness);
		});
	}
	return {
		peers,
		destroy() {
			for (const stop of stops) stop();
			for (const peer of peers) {
				removeAwarenessStates(peer.awareness, [peer.doc.clientID], LOOPBACK_ORIGIN);
				peer.awareness.destroy();
			}
		}
	};
}

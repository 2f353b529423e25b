/**
 * A plain, reactive snapshot of a Yjs type for components: reading `current` inside markup or an
 * effect subscribes to the type's changes (observeDeep, or observe for `shallow`), and the
 * snapshot is rebuilt only after a change. Local and remote edits arrive the same way, so a peer's
 * typing updates the view exactly like one's own.
 *
 * `read` receives the previous snapshot so it can share unchanged parts (see snapshotRows), which
 * keeps keyed lists from re-rendering rows nobody touched.
 */
import { createSubscriber } from 'svelte/reactivity';

/** The part of a Yjs type this needs (every Y.AbstractType has it). */
export interface Observable {
	observe(f: () => void): void;
	unobserve(f: () => void): void;
	observeDeep(f: () => void): void;
	unobserveDeep(f: () => void): void;
}

export class LiveSnapshot<T> {
	readonly #read: (previous: T | undefined) => T;
	readonly #subscribe: () => void;
	#value: T | undefined;
	#fresh = false;
	#watching = false;

	/**
	 * @param type the Yjs type to watch
	 * @param read builds the snapshot from the type (given the previous snapshot)
	 * @param shallow watch only the type's own entries, not changes inside nested types
	 */
	constructor(type: Observable, read: (previous: T | undefined) => T, shallow = false) {
		this.#read = read;
		this.#subscribe = createSubscriber((update) => {
			const changed = () => {
				this.#fresh = false;
				update();
			};
			this.#watching = true;
			this.#fresh = false;
			if (shallow) type.observe(changed);
			else type.observeDeep(changed);
			return () => {
				this.#watching = false;
				if (shallow) type.unobserve(changed);
				else type.unobserveDeep(changed);
			};
		});
	}

	/** The snapshot as of the last change. */
	get current(): T {
		this.#subscribe();
		if (!this.#fresh || this.#value === undefined) {
			this.#value = this.#read(this.#value);
			// Outside an effect nothing tells us about changes, so every read rebuilds.
			this.#fresh = this.#watching;
		}
		return this.#value;
	}
}

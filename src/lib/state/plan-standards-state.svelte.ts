/**
 * Which standards an open plan is checked against, as the UI sees it: the ids switched on and the
 * plan's custom packs (both document scope, stored in the doc through `store`). No id listed means
 * the built-in deep-marketing standard applies, so toggles work from that effective list.
 */
import { DEEP_MARKETING_ID } from '../domain/standards/deep-marketing';
import type { PackDefinition } from '../domain/standards/pack-schema';

export interface StandardsStore {
	ids(): string[];
	packs(): PackDefinition[];
	setIds(ids: readonly string[]): void;
	add(pack: PackDefinition): void;
	remove(id: string): void;
}

export class PlanStandardsState {
	readonly #store: StandardsStore;
	#ids = $state.raw<string[]>([]);
	#packs = $state.raw<PackDefinition[]>([]);

	constructor(store: StandardsStore) {
		this.#store = store;
	}

	get ids(): string[] {
		return this.#ids;
	}

	get packs(): PackDefinition[] {
		return this.#packs;
	}

	/** Re-reads the doc; cheap, called after every doc change. */
	refresh(): void {
		const ids = this.#store.ids();
		if (ids.join('\n') !== this.#ids.join('\n')) this.#ids = ids;
		const packs = this.#store.packs();
		if (JSON.stringify(packs) !== JSON.stringify(this.#packs)) this.#packs = packs;
	}

	toggle(id: string, on: boolean): void {
		const effective = this.#ids.length > 0 ? this.#ids : [DEEP_MARKETING_ID];
		const next = on ? [...effective.filter((x) => x !== id), id] : effective.filter((x) => x !== id);
		this.#store.setIds(next);
		this.refresh();
	}

	add(pack: PackDefinition): void {
		this.#store.add(pack);
		this.refresh();
	}

	remove(id: string): void {
		this.#store.remove(id);
		this.refresh();
	}
}

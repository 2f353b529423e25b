/**
 * Scale-out safety net: every `intervalMs`, one query reads the last stored seq of every loaded
 * plan; a plan whose doc is still behind what the store held one poll earlier missed something on
 * the bus (a dropped message, Redis down or partitioned) and catches up from the store. Comparing
 * with the previous poll, not the current one, leaves updates in flight on the bus time to arrive,
 * so a healthy bus costs one small query per interval and no catch-up at all.
 */
import type { SharedDoc } from '../collab/shared-doc';
import type { Logger } from '../log';
import type { SharedLogStore } from '../persistence/store';

export interface CatchUpPollerOptions {
	store: SharedLogStore;
	loadedDocs: () => SharedDoc[];
	intervalMs: number;
	log: Logger;
}

export class CatchUpPoller {
	readonly #options: CatchUpPollerOptions;
	/** Each loaded plan's last stored seq at the previous poll. */
	#previous = new Map<string, number>();
	#timer: NodeJS.Timeout | undefined;
	#polling = false;

	constructor(options: CatchUpPollerOptions) {
		this.#options = options;
	}

	start(): void {
		this.#timer ??= setInterval(() => void this.poll(), this.#options.intervalMs);
		this.#timer.unref();
	}

	stop(): void {
		clearInterval(this.#timer);
		this.#timer = undefined;
	}

	/** Catches up every loaded plan now (after the bus reconnected: anything may have been lost). */
	async catchUpAll(): Promise<void> {
		await Promise.all(this.#options.loadedDocs().map((doc) => this.#catchUp(doc)));
	}

	/** One poll (the timer's; tests call it directly). */
	async poll(): Promise<void> {
		if (this.#polling) return; // the previous poll is still waiting for the database
		this.#polling = true;
		try {
			const docs = this.#options.loadedDocs();
			if (docs.length === 0) {
				this.#previous.clear();
				return;
			}
			const lastSeqs = await this.#options.store.lastSeqs(docs.map((doc) => doc.planId));
			const behind = docs.filter((doc) => {
				const before = this.#previous.get(doc.planId);
				return before !== undefined && (doc.seqWatermark ?? 0) < before;
			});
			this.#previous = lastSeqs;
			await Promise.all(behind.map((doc) => this.#catchUp(doc)));
		} catch (error) {
			this.#options.log.warn('polling the database for missed updates failed', { reason: error instanceof Error ? error.message : String(error) });
		} finally {
			this.#polling = false;
		}
	}

	async #catchUp(doc: SharedDoc): Promise<void> {
		try {
			await doc.catchUp();
		} catch (error) {
			this.#options.log.warn('catching up from the database failed', { plan: doc.planId, reason: error instanceof Error ? error.message : String(error) });
		}
	}
}

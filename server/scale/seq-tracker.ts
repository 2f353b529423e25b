/**
 * Which of a plan's stored updates (per-plan seqs 1, 2, 3, … from a SharedLogStore) this process
 * has applied: everything up to `watermark`, plus some seqs above it that arrived early. A gap
 * means the bus dropped or delayed an update; the process then reads it from the store.
 */
export class SeqTracker {
	#watermark: number;
	readonly #ahead = new Set<number>();

	constructor(watermark: number) {
		this.#watermark = watermark;
	}

	/** Every seq ≤ this one has been applied. */
	get watermark(): number {
		return this.#watermark;
	}

	/** True when some seq above the watermark was applied before the ones below it. */
	get hasGap(): boolean {
		return this.#ahead.size > 0;
	}

	has(seq: number): boolean {
		return seq <= this.#watermark || this.#ahead.has(seq);
	}

	add(seq: number): void {
		if (seq <= this.#watermark) return;
		this.#ahead.add(seq);
		this.#drain();
	}

	/** Everything up to `seq` has been applied (after a catch-up from the store). */
	advanceTo(seq: number): void {
		if (seq <= this.#watermark) return;
		this.#watermark = seq;
		for (const ahead of this.#ahead) if (ahead <= seq) this.#ahead.delete(ahead);
		this.#drain();
	}

	#drain(): void {
		while (this.#ahead.delete(this.#watermark + 1)) this.#watermark++;
	}
}

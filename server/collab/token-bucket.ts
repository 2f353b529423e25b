/**
 * A token bucket: `ratePerSecond` sustained, bursts up to `capacity`. One per socket, so a client
 * that floods messages is cut off (close 4429) before its backlog grows the plan's update queue.
 */
export class TokenBucket {
	readonly #rate: number;
	readonly #capacity: number;
	readonly #now: () => number;
	#tokens: number;
	#last: number;

	/** `now` returns milliseconds (performance.now by default; tests pass a fake clock). */
	constructor(ratePerSecond: number, capacity: number, now: () => number = () => performance.now()) {
		this.#rate = ratePerSecond;
		this.#capacity = Math.max(1, capacity);
		this.#now = now;
		this.#tokens = this.#capacity;
		this.#last = now();
	}

	/** Takes one token; false when the bucket is empty. A rate of 0 means unlimited. */
	take(): boolean {
		if (this.#rate <= 0) return true;
		const now = this.#now();
		this.#tokens = Math.min(this.#capacity, this.#tokens + ((now - this.#last) / 1000) * this.#rate);
		this.#last = now;
		if (this.#tokens < 1) return false;
		this.#tokens -= 1;
		return true;
	}
}

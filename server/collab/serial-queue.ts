/**
 * Runs async tasks one at a time, in the order they were queued. A plan's updates go through one
 * queue, so they are stored, applied and relayed in arrival order even though storing is async;
 * a failed task rejects its own promise and never stalls the tasks behind it.
 */
export class SerialQueue {
	#tail: Promise<unknown> = Promise.resolve();
	#pending = 0;

	/** Queues `task`; resolves or rejects with its result once every earlier task has settled. */
	run<T>(task: () => T | Promise<T>): Promise<T> {
		this.#pending++;
		const result = this.#tail.then(task).finally(() => {
			this.#pending--;
		});
		// The chain continues whatever this task does; the caller sees its failure through `result`.
		this.#tail = result.catch(() => undefined);
		return result;
	}

	/** Tasks queued or running. */
	get pending(): number {
		return this.#pending;
	}

	/** Resolves once everything queued so far has settled. */
	async drain(): Promise<void> {
		await this.#tail;
	}
}

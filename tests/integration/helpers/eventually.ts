/**
 * Retries an assertion until it passes or time runs out (sync over real sockets settles
 * asynchronously; a fixed sleep is either flaky or slow). The last failure is rethrown.
 */
export async function eventually<T>(assertion: () => T | Promise<T>, { timeoutMs = 5_000, intervalMs = 20 } = {}): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		try {
			return await assertion();
		} catch (error) {
			if (Date.now() > deadline) throw error;
			await sleep(intervalMs);
		}
	}
}

export function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

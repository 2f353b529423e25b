/**
 * Child processes of the network benchmarks (sync and load): a TypeScript entry run by Node with
 * tsx's loader (`node --import tsx`, one process per child, so its pid is the one to signal), with
 * an IPC channel for typed request/reply messages. Every wait is bounded: a child that does not
 * answer in time fails the suite instead of hanging `npm run bench`.
 *
 * Children end themselves when the IPC channel closes (see `exitWithParent`), so a benchmark
 * killed mid-run does not leave servers listening.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The repository root: children run there so `--import tsx` and relative paths resolve. */
export const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** A message over IPC: a `type` tag and JSON-serialisable fields. */
export type ChildMessage = { type: string } & Record<string, unknown>;

/** How long a stopping child gets between SIGTERM and SIGKILL. */
const STOP_GRACE_MS = 5_000;

export class BenchChild {
	readonly #child: ChildProcess;
	readonly #inbox: ChildMessage[] = [];
	readonly #waiters = new Set<() => void>();
	readonly #exited: Promise<number | null>;
	#output = '';
	#exitCode: number | null | undefined;

	constructor(child: ChildProcess) {
		this.#child = child;
		const keep = (chunk: Buffer): void => {
			// The tail is enough to explain a failure; an endless log must not grow without bound.
			this.#output = (this.#output + chunk.toString()).slice(-8_000);
			this.#wake();
		};
		child.stdout?.on('data', keep);
		child.stderr?.on('data', keep);
		child.on('message', (message: ChildMessage) => {
			this.#inbox.push(message);
			this.#wake();
		});
		this.#exited = new Promise((resolve) => {
			child.once('exit', (code) => {
				this.#exitCode = code;
				this.#wake();
				resolve(code);
			});
		});
	}

	/** Stdout and stderr so far (the last 8,000 characters), for error messages. */
	get output(): string {
		return this.#output;
	}

	send(message: ChildMessage): void {
		if (this.#child.connected) this.#child.send(message);
	}

	/** Waits for the next message of `type` (earlier ones of other types stay queued). */
	next<T extends { type: string }>(type: string, timeoutMs: number): Promise<T> {
		return this.#until(`a "${type}" message`, timeoutMs, () => {
			const index = this.#inbox.findIndex((m) => m.type === type);
			if (index >= 0) return this.#inbox.splice(index, 1)[0] as unknown as T;
			const failed = this.#inbox.find((m) => m.type === 'error');
			if (failed) throw new Error(`child failed: ${String(failed.message)}`);
			return undefined;
		});
	}

	/** Waits until the child's output matches `pattern` (e.g. a server's "listening on" line). */
	waitForOutput(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
		return this.#until(`output matching ${pattern}`, timeoutMs, () => this.#output.match(pattern) ?? undefined);
	}

	/** Sends `message` and waits for the reply of `replyType`. */
	request<T extends { type: string }>(message: ChildMessage, replyType: string, timeoutMs: number): Promise<T> {
		this.send(message);
		return this.next<T>(replyType, timeoutMs);
	}

	/** SIGTERM, then SIGKILL after a grace period; resolves once the process is gone. */
	async stop(): Promise<void> {
		if (this.#exitCode !== undefined) return;
		this.#child.kill('SIGTERM');
		const timer = setTimeout(() => this.#child.kill('SIGKILL'), STOP_GRACE_MS);
		await this.#exited;
		clearTimeout(timer);
	}

	/** Re-checks `found` whenever a message, output or the exit arrives, until it returns a value. */
	async #until<T>(what: string, timeoutMs: number, found: () => T | undefined): Promise<T> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const value = found();
			if (value !== undefined) return value;
			if (this.#exitCode !== undefined) throw new Error(`child exited (${this.#exitCode}) while waiting for ${what}: ${this.#output}`);
			const left = deadline - Date.now();
			if (left <= 0) throw new Error(`no ${what} from the child within ${timeoutMs} ms: ${this.#output}`);
			await new Promise<void>((resolve) => {
				const done = (): void => {
					clearTimeout(timer);
					resolve();
				};
				const timer = setTimeout(done, left);
				this.#waiters.add(done);
			});
		}
	}

	#wake(): void {
		const waiters = [...this.#waiters];
		this.#waiters.clear();
		for (const wake of waiters) wake();
	}
}

/** Starts `entry` (a path relative to the repository root) with tsx, an IPC channel and `env` added. */
export function forkTs(entry: string, { args = [], env = {} }: { args?: string[]; env?: Record<string, string> } = {}): BenchChild {
	const child = fork(`${ROOT}${entry}`, args, {
		cwd: ROOT,
		execArgv: ['--import', 'tsx'],
		env: { ...process.env, ...env },
		stdio: ['ignore', 'pipe', 'pipe', 'ipc']
	});
	return new BenchChild(child);
}

/** In a child: exit when the parent goes away (its IPC channel closes), however it ended. */
export function exitWithParent(onExit: () => Promise<void> | void = () => {}): void {
	let exiting = false;
	const exit = (): void => {
		if (exiting) return;
		exiting = true;
		const timer = setTimeout(() => process.exit(1), STOP_GRACE_MS);
		Promise.resolve()
			.then(onExit)
			.finally(() => {
				clearTimeout(timer);
				process.exit(0);
			});
	};
	process.on('disconnect', exit);
	process.on('SIGTERM', exit);
	process.on('SIGINT', exit);
}

/** In a child: sends `message` to the parent. */
export function tellParent(message: ChildMessage): void {
	process.send?.(message);
}

/** Rejects with a message naming `what` when `promise` takes longer than `ms`. */
export async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
	});
	try {
		return await Promise.race([promise, timeout]);
	} finally {
		clearTimeout(timer);
	}
}

/** Absolute time in milliseconds with sub-millisecond resolution, comparable across processes. */
export function epochNow(): number {
	return performance.timeOrigin + performance.now();
}

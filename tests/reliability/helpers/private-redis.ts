/**
 * A Redis server of the test's own (Debian's redis-server binary on a free port, nothing saved to
 * disk), so a test can kill and restart it without touching the Redis other tests and programs use.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { eventually } from '../../integration/helpers/eventually';
import { redisAvailable } from '../../integration/helpers/services';

export function redisServerBinary(): string | null {
	const found = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
	return found.status === 0 ? found.stdout.trim() : null;
}

async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
		});
	});
}

export class PrivateRedis {
	#child: ChildProcess | undefined;
	readonly #binary: string;
	#port = 0;

	constructor(binary: string) {
		this.#binary = binary;
	}

	get url(): string {
		return `redis://127.0.0.1:${this.#port}`;
	}

	async start(): Promise<void> {
		if (this.#port === 0) this.#port = await freePort();
		this.#child = spawn(this.#binary, ['--port', String(this.#port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
			stdio: 'ignore'
		});
		await eventually(async () => {
			if (!(await redisAvailable(this.url))) throw new Error(`redis-server on port ${this.#port} does not answer`);
		}, { timeoutMs: 10_000, intervalMs: 50 });
	}

	/** SIGKILL: everything it held (subscriptions, messages in flight) is gone. */
	async kill(): Promise<void> {
		const child = this.#child;
		if (!child || child.exitCode !== null) return;
		const exited = new Promise((resolve) => child.once('exit', resolve));
		child.kill('SIGKILL');
		await exited;
		this.#child = undefined;
	}
}

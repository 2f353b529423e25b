/**
 * Checkpoints the SQLite WAL from a worker thread, so that the server's event loop seldom has to.
 *
 * Why: SQLite's automatic checkpoint runs inside the COMMIT that takes the WAL past
 * `wal_autocheckpoint` pages (1,000), on the connection that committed — for planbook, the
 * synchronous better-sqlite3 append that every relay waits for. It copies the WAL into the
 * database file and fsyncs both: a millisecond to tens of milliseconds of stalled event loop every
 * couple of seconds under load. This worker's own connection runs `PRAGMA wal_checkpoint(PASSIVE)`
 * every `intervalMs` instead: PASSIVE never blocks a writer, a pass with nothing to copy touches no
 * disk, and once a pass has copied everything the server's next append restarts the WAL from its
 * beginning, so it rarely reaches the automatic threshold. SQLite's automatic checkpoint stays on
 * as the backstop — under a write rate that never leaves a pass time to catch up, or if the worker
 * dies, the WAL is bounded exactly as before, and such a late checkpoint finds most pages copied.
 *
 * Durability is untouched: a commit is durable once it is in the WAL (synchronous = NORMAL, the
 * accepted setting), checkpointed or not, and WAL recovery replays it after a crash, kill -9
 * included. The worker is unref'd, so it never keeps a process alive; a pass cut short by an exit
 * is simply redone later.
 *
 * The worker is plain JavaScript evaluated from a string (no TypeScript loader in the thread) and
 * loads the same better-sqlite3 as the store, by absolute path.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

export interface WalCheckpointerOptions {
	/** Path of the database file (already in WAL mode). */
	file: string;
	synchronous: 'NORMAL' | 'FULL';
	/** How often the worker checkpoints. */
	intervalMs: number;
	/** The worker failed; checkpoints are SQLite's automatic ones from then on. */
	onError: (error: unknown) => void;
}

interface WorkerData {
	driverPath: string;
	file: string;
	synchronous: 'NORMAL' | 'FULL';
	intervalMs: number;
	maxPasses: number;
}

/** Checkpoint passes per tick at most (see the worker's `checkpoint`). */
const MAX_PASSES = 4;

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driverPath);
const db = new Database(workerData.file);
db.pragma('synchronous = ' + workerData.synchronous);
// Appends go on while a pass copies and fsyncs, and the WAL restarts only once every frame in it
// is copied; so passes repeat, up to maxPasses per tick, until one finds no frame the previous
// one had not seen (\`log\` is the WAL's length in frames; smaller means it has restarted).
const checkpoint = () => {
	let seen = -1;
	for (let pass = 0; pass < workerData.maxPasses; pass++) {
		const [{ busy, log, checkpointed }] = db.pragma('wal_checkpoint(PASSIVE)');
		if (busy !== 0 || checkpointed < log || log <= seen) return;
		seen = log;
	}
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', (message) => {
	if (message !== 'stop') return;
	clearInterval(timer);
	db.close();
	parentPort.close();
});
`;

export class WalCheckpointer {
	readonly #worker: Worker;
	readonly #exited: Promise<void>;
	#stopping = false;

	constructor(options: WalCheckpointerOptions) {
		const workerData: WorkerData = {
			driverPath: createRequire(import.meta.url).resolve('better-sqlite3'),
			file: options.file,
			synchronous: options.synchronous,
			intervalMs: options.intervalMs,
			maxPasses: MAX_PASSES
		};
		this.#worker = new Worker(WORKER_SOURCE, { eval: true, workerData, execArgv: [] });
		this.#worker.unref();
		this.#worker.on('error', (error) => {
			if (!this.#stopping) options.onError(error);
		});
		this.#exited = new Promise((resolve) => this.#worker.once('exit', () => resolve()));
	}

	/** Stops the timer and closes the worker's connection; resolves once the thread has exited. */
	async stop(): Promise<void> {
		if (!this.#stopping) {
			this.#stopping = true;
			// Referenced again while it stops, or a process with nothing else to do would exit
			// before the worker has closed its connection.
			this.#worker.ref();
			this.#worker.postMessage('stop');
		}
		await this.#exited;
	}
}

/**
 * A Monte Carlo run in a Web Worker, as the simulation view shows it: progress, cancel, summary,
 * and the raw samples for the audit CSV. The worker is terminated to cancel (immediate, whatever it
 * is computing) and a new one is made for the next run. The worker factory is passed in, so tests
 * and the page choose how workers are made.
 */
import type { Plan } from '../domain/plan/types';
import { samplesCsv } from '../domain/simulate/samples-csv';
import type { MonteCarloReply, MonteCarloSummary } from '../workers/montecarlo-protocol';

export type MonteCarloPhase = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

/** What the view records per trial besides the drawn inputs. */
export const MONTE_CARLO_OUTPUTS = ['profit', 'revenue', 'units', 'contribution', 'net_price'];

export interface WorkerLike {
	postMessage(message: unknown): void;
	terminate(): void;
	onmessage: ((event: MessageEvent<MonteCarloReply>) => void) | null;
	onerror: ((event: ErrorEvent) => void) | null;
}

export class MonteCarloState {
	readonly #createWorker: () => WorkerLike;
	#worker: WorkerLike | null = null;
	#samples: Record<string, Float64Array> | null = null;
	#phase = $state<MonteCarloPhase>('idle');
	#done = $state(0);
	#total = $state(0);
	#summary = $state.raw<MonteCarloSummary | null>(null);
	#error = $state<string | null>(null);

	constructor(createWorker: () => WorkerLike) {
		this.#createWorker = createWorker;
	}

	get phase(): MonteCarloPhase {
		return this.#phase;
	}
	get done(): number {
		return this.#done;
	}
	get total(): number {
		return this.#total;
	}
	get summary(): MonteCarloSummary | null {
		return this.#summary;
	}
	get error(): string | null {
		return this.#error;
	}

	start({ plan, trials, seed }: { plan: Plan; trials: number; seed: number | string }): void {
		this.#stop();
		const worker = this.#createWorker();
		this.#worker = worker;
		this.#phase = 'running';
		this.#done = 0;
		this.#total = trials;
		this.#error = null;
		worker.onmessage = (event) => {
			if (this.#worker !== worker) return;
			const message = event.data;
			if (message.type === 'progress') this.#done = message.done;
			else if (message.type === 'done') {
				this.#summary = message.summary;
				this.#samples = message.samples;
				this.#phase = 'done';
				this.#stop();
			} else {
				this.#error = message.message;
				this.#phase = 'error';
				this.#stop();
			}
		};
		worker.onerror = (event) => {
			if (this.#worker !== worker) return;
			this.#error = event.message || 'the simulation stopped unexpectedly';
			this.#phase = 'error';
			this.#stop();
		};
		worker.postMessage({ type: 'run', plan, trials, seed, outputs: MONTE_CARLO_OUTPUTS });
	}

	cancel(): void {
		if (this.#phase !== 'running') return;
		this.#stop();
		this.#phase = 'cancelled';
	}

	/** The last finished run's samples as CSV (inputs, then outputs), or null. */
	csv(): string | null {
		if (!this.#samples || !this.#summary) return null;
		return samplesCsv(this.#samples, [...this.#summary.inputs, ...MONTE_CARLO_OUTPUTS]);
	}

	destroy(): void {
		this.#stop();
	}

	#stop(): void {
		this.#worker?.terminate();
		this.#worker = null;
	}
}

/**
 * Monte Carlo over the variables' distributions. A trial draws every uncertain variable in plan
 * order from one seeded stream and runs the compiled plan with them in place of their expressions,
 * so the same seed gives the same numbers in the CLI, the browser's worker and on every machine.
 * It runs in chunks (`step`) so a worker can report progress and stop between chunks.
 */
import { FINANCE_OUTPUT_NAMES } from '../finance/types.js';
import type { PlanProgram } from '../model/program.js';
import type { Distribution } from './distribution-types.js';
import { createSampler, type Sampler } from './distributions.js';
import { createRandom, type Random } from './random.js';
import { summarize, type SampleSummary } from './stats.js';

export interface UncertainVariable {
	name: string;
	distribution: Distribution;
}

export interface MonteCarloOptions {
	program: PlanProgram;
	uncertain: readonly UncertainVariable[];
	trials: number;
	seed: number | string;
	/** Names to record (finance outputs or variables); default every DESIGN §5 output. */
	outputs?: readonly string[];
	bins?: number;
}

export interface MonteCarloResult {
	trials: number;
	seed: number | string;
	outputs: Record<string, SampleSummary>;
	/** Share of trials with profit < 0 (NaN profit counts as no loss, and is reported as invalid). */
	p_loss: number;
	/** Raw samples per recorded name and per uncertain input, trial order, for audit downloads. */
	samples: Record<string, Float64Array>;
}

export const MAX_TRIALS = 10_000_000;

export class MonteCarloRun {
	readonly #options: MonteCarloOptions;
	readonly #samplers: Sampler[];
	readonly #rng: Random;
	readonly #run;
	readonly #names: readonly string[];
	readonly #slots: number[];
	readonly #samples: Record<string, Float64Array> = {};
	readonly #draw: Float64Array;
	#done = 0;

	constructor(options: MonteCarloOptions) {
		if (!Number.isInteger(options.trials) || options.trials < 1 || options.trials > MAX_TRIALS) {
			throw new RangeError(`trials must be an integer from 1 to ${MAX_TRIALS}`);
		}
		this.#options = options;
		this.#samplers = options.uncertain.map((u) => createSampler(u.distribution));
		this.#rng = createRandom(options.seed);
		this.#run = options.program.runner(options.uncertain.map((u) => u.name), { reuse: true });
		this.#names = options.outputs ?? FINANCE_OUTPUT_NAMES;
		this.#slots = this.#names.map((n) => {
			const slot = options.program.slotOf(n);
			if (slot === undefined) throw new RangeError(`unknown output "${n}"`);
			return slot;
		});
		for (const n of [...this.#names, ...options.uncertain.map((u) => u.name)]) {
			this.#samples[n] = new Float64Array(options.trials);
		}
		this.#draw = new Float64Array(options.uncertain.length);
	}

	get done(): number {
		return this.#done;
	}

	get finished(): boolean {
		return this.#done >= this.#options.trials;
	}

	/** Runs up to `count` more trials; returns how many have run in all. */
	step(count: number): number {
		const end = Math.min(this.#options.trials, this.#done + count);
		const uncertain = this.#options.uncertain;
		for (let t = this.#done; t < end; t++) {
			for (let i = 0; i < this.#samplers.length; i++) {
				const x = (this.#samplers[i] as Sampler)(this.#rng);
				this.#draw[i] = x;
				(this.#samples[(uncertain[i] as UncertainVariable).name] as Float64Array)[t] = x;
			}
			const { values } = this.#run(this.#draw);
			for (let k = 0; k < this.#slots.length; k++) {
				(this.#samples[this.#names[k] as string] as Float64Array)[t] = values[this.#slots[k] as number] as number;
			}
		}
		this.#done = end;
		return end;
	}

	/** Summaries of the trials run so far. */
	result(): MonteCarloResult {
		const n = this.#done;
		const outputs: Record<string, SampleSummary> = {};
		const samples: Record<string, Float64Array> = {};
		for (const [name, all] of Object.entries(this.#samples)) {
			samples[name] = all.subarray(0, n);
			if (this.#names.includes(name)) outputs[name] = summarize(all.subarray(0, n), { bins: this.#options.bins });
		}
		let losses = 0;
		const profit = this.#samples['profit'];
		if (profit) for (let t = 0; t < n; t++) if ((profit[t] as number) < 0) losses++;
		return { trials: n, seed: this.#options.seed, outputs, p_loss: n > 0 ? losses / n : 0, samples };
	}
}

/** Runs all trials at once (CLI, tests). */
export function monteCarlo(options: MonteCarloOptions): MonteCarloResult {
	const run = new MonteCarloRun(options);
	run.step(options.trials);
	return run.result();
}

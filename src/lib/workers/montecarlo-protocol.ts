/** Messages between the page and the Monte Carlo worker (plain data: structured-clone safe). */
import type { SampleSummary } from '../domain/simulate/stats';
import type { Plan } from '../domain/plan/types';

export interface MonteCarloRequest {
	type: 'run';
	plan: Plan;
	trials: number;
	seed: number | string;
	/** Outputs to record; the drawn inputs are always recorded. */
	outputs: string[];
}

export interface MonteCarloSummary {
	trials: number;
	seed: number | string;
	outputs: Record<string, SampleSummary>;
	p_loss: number;
	/** The uncertain inputs, in draw order (plan order). */
	inputs: string[];
}

export type MonteCarloReply =
	| { type: 'progress'; done: number; total: number }
	| { type: 'done'; summary: MonteCarloSummary; samples: Record<string, Float64Array> }
	| { type: 'error'; message: string };

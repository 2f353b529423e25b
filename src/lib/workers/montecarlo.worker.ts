/**
 * Monte Carlo off the main thread. It runs the same domain code as `planbook montecarlo`
 * (compilePlan + MonteCarloRun, uncertain variables in plan order, one seeded stream), in chunks so
 * progress reaches the page; the page cancels by terminating the worker. Samples are transferred,
 * not copied, for the CSV download.
 */
import { compilePlan } from '../domain/model/plan-inputs';
import { MonteCarloRun } from '../domain/simulate/montecarlo';
import type { MonteCarloReply, MonteCarloRequest } from './montecarlo-protocol';

const CHUNK = 2_000;
/** The worker global, typed by hand: the DOM and WebWorker libs cannot both be loaded. */
const scope = self as unknown as {
	postMessage(message: MonteCarloReply, transfer: Transferable[]): void;
	onmessage: ((event: MessageEvent<MonteCarloRequest>) => void) | null;
};
const reply = (message: MonteCarloReply, transfer: Transferable[] = []) => scope.postMessage(message, transfer);

scope.onmessage = (event: MessageEvent<MonteCarloRequest>) => {
	const request = event.data;
	if (request?.type !== 'run') return;
	try {
		const uncertain = request.plan.variables.flatMap((v) => (v.distribution ? [{ name: v.name, distribution: v.distribution }] : []));
		const run = new MonteCarloRun({ program: compilePlan(request.plan), uncertain, trials: request.trials, seed: request.seed, outputs: request.outputs });
		const total = request.trials;
		const step = () => {
			const done = run.step(CHUNK);
			reply({ type: 'progress', done, total });
			if (!run.finished) {
				setTimeout(step, 0);
				return;
			}
			const result = run.result();
			// Copies: the run's arrays are views into larger buffers that cannot be transferred piecemeal.
			const samples = Object.fromEntries(Object.entries(result.samples).map(([k, v]) => [k, Float64Array.from(v)]));
			reply(
				{ type: 'done', summary: { trials: result.trials, seed: result.seed, outputs: result.outputs, p_loss: result.p_loss, inputs: uncertain.map((u) => u.name) }, samples },
				Object.values(samples).map((a) => a.buffer)
			);
		};
		step();
	} catch (e) {
		reply({ type: 'error', message: e instanceof Error ? e.message : String(e) });
	}
};

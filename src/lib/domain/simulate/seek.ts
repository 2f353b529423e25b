/**
 * Goal seek ("which price reaches the target profit?") and the profit-maximising value of one input
 * (DESIGN §5.13). Both vary one user variable through the compiled program and solve in 1-D.
 */
import type { PlanProgram, RunResult } from '../model/program.js';
import { findRoot, maximize } from './solve.js';

export type SeekResult =
	| { ok: true; variable: string; value: number; output: string; outputValue: number }
	| { ok: false; message: string };

interface OneInput {
	program: PlanProgram;
	base: RunResult;
	variable: string;
	/** Output to reach or maximise; default `profit`. */
	output?: string;
	min?: number;
	max?: number;
}

function prepare(o: OneInput): { f: (x: number) => number; baseValue: number; output: string } | string {
	const output = o.output ?? 'profit';
	const outSlot = o.program.slotOf(output);
	if (outSlot === undefined) return `unknown output "${output}"`;
	if (!o.program.hasVariable(o.variable)) return `the plan has no variable "${o.variable}"`;
	const baseValue = o.base.values[o.program.slotOf(o.variable) as number] as number;
	const run = o.program.runner([o.variable]);
	return { f: (x) => run([x]).values[outSlot] as number, baseValue, output };
}

function bounds(o: OneInput, baseValue: number, lowShare: number, highShare: number): [number, number] | string {
	const a = o.min ?? baseValue * lowShare;
	const b = o.max ?? baseValue * highShare;
	if (!Number.isFinite(a) || !Number.isFinite(b)) return `give bounds for ${o.variable}: it has no base value`;
	const [min, max] = a <= b ? [a, b] : [b, a];
	if (min === max) return `the search interval for ${o.variable} is empty; give --min and --max`;
	return [min, max];
}

/** Finds the value of `variable` at which `output` equals `target`; default bounds [0, 10 × base]. */
export function goalSeek(o: OneInput & { target: number }): SeekResult {
	const p = prepare(o);
	if (typeof p === 'string') return { ok: false, message: p };
	const b = bounds(o, p.baseValue, 0, 10);
	if (typeof b === 'string') return { ok: false, message: b };
	const root = findRoot({ f: (x) => p.f(x) - o.target, min: b[0], max: b[1] });
	if (!root.ok) return { ok: false, message: `${p.output} = ${o.target}: ${root.message}` };
	return { ok: true, variable: o.variable, value: root.x, output: p.output, outputValue: p.f(root.x) };
}

/** The value of `variable` that maximises `output`; default bounds [0.5 × base, 2 × base]. */
export function optimize(o: OneInput): SeekResult {
	const p = prepare(o);
	if (typeof p === 'string') return { ok: false, message: p };
	const b = bounds(o, p.baseValue, 0.5, 2);
	if (typeof b === 'string') return { ok: false, message: b };
	const best = maximize({ f: p.f, min: b[0], max: b[1] });
	if (!best.ok) return { ok: false, message: best.message };
	return { ok: true, variable: o.variable, value: best.x, output: p.output, outputValue: best.value };
}

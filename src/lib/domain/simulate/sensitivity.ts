/**
 * One-at-a-time sensitivity for the tornado chart: each chosen input moves ± `share` (default
 * 10 %) from its base value while everything else stays at base; rows are sorted by swing, the
 * width of the output range, largest first (ties by name so the order is stable).
 */
import type { PlanProgram, RunResult } from '../model/program.js';

export interface SensitivityRow {
	name: string;
	base: number;
	/** Input value at −share and at +share. */
	low: number;
	high: number;
	/** Output with the input at `low` and at `high`; NaN where the model has no value. */
	outputAtLow: number;
	outputAtHigh: number;
	swing: number;
}

export interface SensitivityOptions {
	program: PlanProgram;
	base: RunResult;
	/** Inputs to move; default: the plan's typed-in assumptions (variables that read nothing). */
	inputs?: readonly string[];
	/** Relative change, e.g. 0.1 for ± 10 %. */
	share?: number;
	output?: string;
}

export function sensitivity(options: SensitivityOptions): SensitivityRow[] {
	const { program, base } = options;
	const share = options.share ?? 0.1;
	const output = options.output ?? 'profit';
	const outSlot = program.slotOf(output);
	if (outSlot === undefined) throw new RangeError(`unknown output "${output}"`);
	const rows: SensitivityRow[] = [];
	for (const name of options.inputs ?? program.inputNames) {
		const slot = program.slotOf(name);
		if (slot === undefined || !program.hasVariable(name)) continue;
		const value = base.values[slot] as number;
		if (!Number.isFinite(value)) continue;
		const run = program.runner([name]);
		const low = value * (1 - share);
		const high = value * (1 + share);
		const outputAtLow = run([low]).values[outSlot] as number;
		const outputAtHigh = run([high]).values[outSlot] as number;
		const swing = Math.abs(outputAtHigh - outputAtLow);
		rows.push({ name, base: value, low, high, outputAtLow, outputAtHigh, swing: Number.isNaN(swing) ? 0 : swing });
	}
	return rows.sort((a, b) => b.swing - a.swing || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

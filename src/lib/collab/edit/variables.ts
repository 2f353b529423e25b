/**
 * Adding, listing and removing plan variables in the doc's `variables` list (schema/roots.ts).
 * Field edits use rows.ts (`setCell`), since a variable is a row like any other.
 */
import type { YRows } from '../schema/roots.js';
import { insertRow, snapshotRows, type RowSnapshot } from './rows.js';

/** A variable as plain data, with the fields the editor shows. */
export interface VariableSnapshot extends RowSnapshot {
	readonly name: string;
	readonly expr: string;
}

/** The variables of `list` as plain data, sharing unchanged entries with `previous`. */
export function snapshotVariables(list: YRows, previous: readonly VariableSnapshot[] = []): VariableSnapshot[] {
	const before = new Map(previous.map((v) => [v.key, v]));
	return snapshotRows(list, previous).map((row) => {
		const old = before.get(row.key);
		if (old && old.fields === row.fields && old.index === row.index) return old;
		const { name, expr } = row.fields;
		return { ...row, name: typeof name === 'string' ? name : '', expr: typeof expr === 'string' ? expr : '' };
	});
}

/**
 * The first name `prefix1`, `prefix2`, … not in `taken` (and not reserved), for a new variable.
 */
export function nextVariableName(taken: Iterable<string>, prefix = 'x', reserved: Iterable<string> = []): string {
	const used = new Set([...taken, ...reserved]);
	let n = 1;
	while (used.has(`${prefix}${n}`)) n++;
	return `${prefix}${n}`;
}

/** Appends a variable (or inserts it at `index`) and returns its `$id`. */
export function addVariable(list: YRows, variable: { name: string; expr: string }, index?: number): string {
	return insertRow(list, { name: variable.name, expr: variable.expr }, index);
}

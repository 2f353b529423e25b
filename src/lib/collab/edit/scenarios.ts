/**
 * Edits of the doc's scenarios, Monte Carlo settings and decision log (schema/roots.ts), as the
 * simulation views make them. Scenarios are addressed by `$id`, so a rename by one person and an
 * override edit by another land on the same scenario. Each call is one transaction.
 */
import * as Y from 'yjs';
import type { Decision, SimulationSettings } from '../../domain/plan/types.js';
import { planRoots, rowId, rowMap, type YRow } from '../schema/roots.js';

export interface ScenarioSnapshot {
	id: string;
	name: string;
	overrides: Record<string, string>;
}

function overridesOf(row: YRow): Y.Map<string> | null {
	const overrides = row.get('overrides');
	return overrides instanceof Y.Map ? (overrides as Y.Map<string>) : null;
}

function findScenario(doc: Y.Doc, id: string): YRow | undefined {
	return (planRoots(doc).scenarios.toArray() as YRow[]).find((row) => rowId(row) === id);
}

/** The scenarios as plain data, in plan order. */
export function readScenarios(doc: Y.Doc): ScenarioSnapshot[] {
	return (planRoots(doc).scenarios.toArray() as YRow[]).map((row) => ({
		id: rowId(row),
		name: String(row.get('name') ?? ''),
		overrides: Object.fromEntries(overridesOf(row)?.entries() ?? [])
	}));
}

/** A name not used by any scenario yet: `base`, then `base 2`, `base 3` … */
export function uniqueScenarioName(doc: Y.Doc, base: string): string {
	const used = new Set(readScenarios(doc).map((s) => s.name));
	if (!used.has(base)) return base;
	let n = 2;
	while (used.has(`${base} ${n}`)) n++;
	return `${base} ${n}`;
}

/** Appends a scenario; returns its id. */
export function addScenario(doc: Y.Doc, name: string, overrides: Readonly<Record<string, string>> = {}): string {
	const row = rowMap({ name });
	doc.transact(() => {
		const map = new Y.Map<string>();
		for (const [k, v] of Object.entries(overrides)) map.set(k, v);
		row.set('overrides', map);
		planRoots(doc).scenarios.push([row]);
	});
	return rowId(row);
}

export function renameScenario(doc: Y.Doc, id: string, name: string): void {
	const row = findScenario(doc, id);
	if (row && row.get('name') !== name) row.set('name', name);
}

/** A copy right after the original, with a new id and name; returns the copy's id. */
export function duplicateScenario(doc: Y.Doc, id: string, name: string): string | null {
	const scenarios = planRoots(doc).scenarios;
	const index = (scenarios.toArray() as YRow[]).findIndex((row) => rowId(row) === id);
	const original = scenarios.get(index) as YRow | undefined;
	if (!original) return null;
	const copy = rowMap({ name });
	doc.transact(() => {
		const map = new Y.Map<string>();
		for (const [k, v] of overridesOf(original)?.entries() ?? []) map.set(k, v);
		copy.set('overrides', map);
		scenarios.insert(index + 1, [copy]);
	});
	return rowId(copy);
}

export function deleteScenario(doc: Y.Doc, id: string): void {
	const scenarios = planRoots(doc).scenarios;
	const index = (scenarios.toArray() as YRow[]).findIndex((row) => rowId(row) === id);
	if (index >= 0) scenarios.delete(index, 1);
}

/** Sets (or, with an empty expression, removes) the scenario's override of `variable`. */
export function setOverride(doc: Y.Doc, id: string, variable: string, expr: string): void {
	const row = findScenario(doc, id);
	if (!row) return;
	doc.transact(() => {
		let map = overridesOf(row);
		if (!map) {
			map = new Y.Map<string>();
			row.set('overrides', map);
		}
		if (expr.trim() === '') map.delete(variable);
		else if (map.get(variable) !== expr) map.set(variable, expr);
	});
}

/** Renames an override's variable, keeping its expression. */
export function moveOverride(doc: Y.Doc, id: string, from: string, to: string): void {
	const row = findScenario(doc, id);
	const map = row ? overridesOf(row) : null;
	if (!map || from === to || !map.has(from)) return;
	doc.transact(() => {
		map.set(to, map.get(from) as string);
		map.delete(from);
	});
}

export function readSimulationSettings(doc: Y.Doc): Partial<SimulationSettings> {
	const settings = planRoots(doc).simulation;
	const trials = settings.get('trials');
	const seed = settings.get('seed');
	return {
		...(typeof trials === 'number' ? { trials } : {}),
		...(typeof seed === 'number' || typeof seed === 'string' ? { seed } : {})
	};
}

export function setSimulationSettings(doc: Y.Doc, settings: Partial<SimulationSettings>): void {
	const map = planRoots(doc).simulation;
	doc.transact(() => {
		for (const [k, v] of Object.entries(settings)) if (v !== undefined && map.get(k) !== v) map.set(k, v);
	});
}

export function readDecisions(doc: Y.Doc): Decision[] {
	return (planRoots(doc).decisions.toArray() as YRow[]).map((row) => {
		const json = row.toJSON() as Record<string, unknown>;
		delete json.$id;
		return json as unknown as Decision;
	});
}

/**
 * Adopts a scenario as the plan: each overridden variable's expression becomes the value the
 * override took, and the decision is logged, in one transaction so nobody sees half of it.
 */
export function adoptScenario(doc: Y.Doc, decision: Decision): void {
	const { variables, decisions } = planRoots(doc);
	doc.transact(() => {
		for (const row of variables.toArray() as YRow[]) {
			const name = row.get('name');
			if (typeof name === 'string' && name in decision.overrides) row.set('expr', formatAdopted(decision.overrides[name] as number));
		}
		decisions.push([rowMap({ ...decision })]);
	});
}

/** A value as a formula: 12 significant digits drop float noise (5.3999999999 → 5.4). */
export function formatAdopted(value: number): string {
	return String(Number(value.toPrecision(12)));
}

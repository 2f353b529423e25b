/**
 * Creating and finding the parts of a plan's data sets in the doc (shapes in schema/datasets.ts),
 * for the editors: a set that is absent is created on request, and the nested lists of `swot` and
 * `dealers` are created on first use, so a doc written by an older client still edits.
 *
 * Creation never replaces what is there: if a peer created the set a moment earlier and it has
 * already arrived, the existing set is kept. (Two creations that cross in flight resolve to one of
 * them, as any concurrent write of one map key does.)
 */
import * as Y from 'yjs';
import type { DataSetName } from '../../domain/plan/types.js';
import { SWOT_QUADRANTS, valueRows, type SwotQuadrant } from '../schema/datasets.js';
import { rowMap, rowId, type YRow, type YRows } from '../schema/roots.js';

/** How a data set is edited: a table of rows, the SWOT quadrants, 12 monthly shares, or dealers. */
export type DataSetShape = 'rows' | 'swot' | 'seasonality' | 'dealers';

export function dataSetShape(name: DataSetName): DataSetShape {
	return name === 'swot' || name === 'seasonality' || name === 'dealers' ? name : 'rows';
}

/** The even split a new seasonality starts from (the finance model's default when it is absent). */
export const EVEN_SEASONALITY: readonly number[] = Array.from({ length: 12 }, () => 1 / 12);

function emptyShape(name: DataSetName): Y.AbstractType<unknown> {
	switch (dataSetShape(name)) {
		case 'swot': {
			const swot = new Y.Map<unknown>();
			for (const q of SWOT_QUADRANTS) swot.set(q, new Y.Array<YRow>());
			return swot as Y.AbstractType<unknown>;
		}
		case 'dealers': {
			const dealers = new Y.Map<unknown>();
			dealers.set('criteria', new Y.Array<YRow>());
			dealers.set('rows', new Y.Array<YRow>());
			return dealers as Y.AbstractType<unknown>;
		}
		case 'seasonality':
			// Twelve months, not an empty list: an empty seasonality is a finding (F4), an even one is
			// what the plan computed with before the set existed.
			return valueRows(EVEN_SEASONALITY) as Y.AbstractType<unknown>;
		default:
			return new Y.Array<YRow>() as Y.AbstractType<unknown>;
	}
}

/** Adds the empty data set `name` to the plan's `data` map, unless it is already there. */
export function createDataSet(data: Y.Map<unknown>, name: DataSetName): void {
	const change = () => {
		if (!data.has(name)) data.set(name, emptyShape(name));
	};
	if (data.doc) data.doc.transact(change);
	else change();
}

/** The list stored under `key` of a map, created (empty) when missing or of the wrong type. */
export function ensureList(map: Y.Map<unknown>, key: string): YRows {
	const existing = map.get(key);
	if (existing instanceof Y.Array) return existing as YRows;
	const list = new Y.Array<YRow>();
	map.set(key, list);
	return list;
}

/** The list under `key` of a map when it exists, without creating it. */
export function listOf(map: unknown, key: string): YRows | null {
	if (!(map instanceof Y.Map)) return null;
	const list = map.get(key);
	return list instanceof Y.Array ? (list as YRows) : null;
}

/** A data set's stored value when it has the shape its editor expects, else null. */
export function dataSetValue(data: Y.Map<unknown>, name: DataSetName): YRows | Y.Map<unknown> | null {
	const value = data.get(name);
	const shape = dataSetShape(name);
	if ((shape === 'swot' || shape === 'dealers') && value instanceof Y.Map) return value as Y.Map<unknown>;
	if ((shape === 'rows' || shape === 'seasonality') && value instanceof Y.Array) return value as YRows;
	return null;
}

/**
 * Sets seasonality to twelve equal shares, keeping the first twelve rows (and their ids) so a peer
 * editing a month edits the same row, and dropping any extra rows.
 */
export function spreadEvenly(rows: YRows): void {
	const change = () => {
		if (rows.length > 12) rows.delete(12, rows.length - 12);
		rows.forEach((row) => row.set('value', 1 / 12));
		const missing = 12 - rows.length;
		if (missing > 0) rows.push(Array.from({ length: missing }, () => rowMap({ value: 1 / 12 })));
	};
	if (rows.doc) rows.doc.transact(change);
	else change();
}

/**
 * Appends a dealer with an empty `scores` map. Creating the map with the row matters: two people
 * scoring a new dealer at once would otherwise each create a map, and one map (with its score)
 * would replace the other.
 */
export function addDealer(rows: YRows, name = ''): string {
	const row = rowMap({ name });
	row.set('scores', new Y.Map<number>());
	rows.push([row]);
	return rowId(row);
}

export { SWOT_QUADRANTS, type SwotQuadrant };

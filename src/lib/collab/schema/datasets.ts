/**
 * How each data set of the plan file maps onto the doc (see roots.ts): which are lists of object
 * rows, which are lists of plain values, and the two with their own shape (swot, dealers).
 */
import * as Y from 'yjs';
import type { PlanData } from '../../domain/plan/types.js';
import { ROW_ID, rowFields, rowId, rowMap, type YRow, type YRows } from './roots.js';

export const ROW_LIST_SETS = [
	'objectives',
	'segments',
	'priceChain',
	'competitors',
	'budget',
	'campaigns',
	'schedule',
	'accounts',
	'funnel',
	'kpis'
] as const satisfies readonly (keyof PlanData)[];
export type RowListSet = (typeof ROW_LIST_SETS)[number];

export const SWOT_QUADRANTS = ['strengths', 'weaknesses', 'opportunities', 'threats'] as const;
export type SwotQuadrant = (typeof SWOT_QUADRANTS)[number];

/** A list of plain values (a SWOT quadrant, seasonality) as rows `{ $id, value }`. */
export function valueRows(values: readonly unknown[]): YRows {
	const arr = new Y.Array<YRow>();
	arr.push(values.map((value) => rowMap({ value })));
	return arr;
}

export function objectRows(rows: readonly object[]): YRows {
	const arr = new Y.Array<YRow>();
	arr.push(rows.map((r) => rowMap(r as Record<string, unknown>)));
	return arr;
}

export function readValueRows(arr: unknown): unknown[] {
	return arr instanceof Y.Array ? (arr.toArray() as YRow[]).map((r) => r.get('value')) : [];
}

export function readObjectRows(arr: unknown): Record<string, unknown>[] {
	return arr instanceof Y.Array ? (arr.toArray() as YRow[]).map(rowFields) : [];
}

/** Writes one data set into the data map (replacing what was there). */
export function writeDataSet(data: Y.Map<unknown>, name: keyof PlanData, value: PlanData[keyof PlanData]): void {
	if (value === undefined) return;
	if (name === 'seasonality') {
		data.set(name, valueRows(value as number[]));
	} else if (name === 'swot') {
		const swot = new Y.Map<unknown>();
		data.set(name, swot);
		const v = value as NonNullable<PlanData['swot']>;
		for (const q of SWOT_QUADRANTS) swot.set(q, valueRows(v[q]));
	} else if (name === 'dealers') {
		const v = value as NonNullable<PlanData['dealers']>;
		const dealers = new Y.Map<unknown>();
		data.set(name, dealers);
		const criteria = v.criteria.map((c) => rowMap(c));
		const criteriaArr = new Y.Array<YRow>();
		dealers.set('criteria', criteriaArr);
		criteriaArr.push(criteria);
		const rowsArr = new Y.Array<YRow>();
		dealers.set('rows', rowsArr);
		for (const r of v.rows) {
			const row = rowMap({ name: r.name });
			rowsArr.push([row]);
			const scores = new Y.Map<number>();
			row.set('scores', scores);
			r.scores.forEach((s, k) => {
				const crit = criteria[k];
				if (crit) scores.set(rowId(crit), s);
			});
		}
	} else {
		data.set(name, objectRows(value as object[]));
	}
}

/** Reads one data set back into its plan-file shape (unvalidated). */
export function readDataSet(data: Y.Map<unknown>, name: keyof PlanData): unknown {
	const raw = data.get(name);
	if (raw === undefined) return undefined;
	if (name === 'seasonality') return readValueRows(raw);
	if (name === 'swot') {
		const swot = raw instanceof Y.Map ? raw : new Y.Map();
		return Object.fromEntries(SWOT_QUADRANTS.map((q) => [q, readValueRows(swot.get(q))]));
	}
	if (name === 'dealers') {
		const dealers = raw instanceof Y.Map ? raw : new Y.Map();
		const criteria = dealers.get('criteria');
		const critRows = criteria instanceof Y.Array ? (criteria.toArray() as YRow[]) : [];
		const rows = dealers.get('rows');
		return {
			criteria: critRows.map(rowFields),
			rows: (rows instanceof Y.Array ? (rows.toArray() as YRow[]) : []).map((row) => {
				const scores = row.get('scores');
				const map = scores instanceof Y.Map ? (scores as Y.Map<unknown>) : new Y.Map<unknown>();
				return { ...rowFields(row), scores: critRows.map((c) => (typeof map.get(rowId(c)) === 'number' ? map.get(rowId(c)) : 0)) };
			})
		};
	}
	return readObjectRows(raw);
}

export { ROW_ID };

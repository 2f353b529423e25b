/**
 * Edits of row lists (a Y.Array of Y.Map rows with a `$id`, see schema/roots.ts) as the table
 * editors make them, and plain snapshots of such lists for rendering.
 *
 * - A cell edit writes one key of one row's map, so two people editing different cells of a table
 *   never conflict (DESIGN §7), and writes nothing when the value is unchanged.
 * - A move deletes the row and inserts a deep clone with the same `$id` at the new place, in one
 *   transaction, so peers see one move, not a delete and an add. Two people moving the same row at
 *   the same moment both insert a clone; the snapshot then keys the second copy `id#2` so rendering
 *   stays stable, and the duplicate is visible to delete.
 * - Snapshots share unchanged rows with the previous snapshot, so a keyed list re-renders only the
 *   rows that changed.
 */
import * as Y from 'yjs';
import { ROW_ID, rowId, rowMap, type YRow, type YRows } from '../schema/roots.js';

/** A row as plain data: `fields` holds every key but `$id`; nested maps become plain objects. */
export interface RowSnapshot {
	/** Unique within the snapshot: the row's `$id`, or `$id#n` for a duplicate of an earlier row. */
	readonly key: string;
	/** The row's `$id`. */
	readonly id: string;
	/** Position in the list when the snapshot was taken. */
	readonly index: number;
	readonly fields: Readonly<Record<string, unknown>>;
}

function plain(value: unknown): unknown {
	return value instanceof Y.AbstractType ? value.toJSON() : value;
}

/** Structural equality of plain JSON-like values (cells hold numbers, strings, arrays, objects). */
export function sameValue(a: unknown, b: unknown): boolean {
	if (Object.is(a, b)) return true;
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
	if (Array.isArray(a) !== Array.isArray(b)) return false;
	const ka = Object.keys(a);
	const kb = Object.keys(b);
	if (ka.length !== kb.length) return false;
	return ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function readFields(row: YRow): Record<string, unknown> {
	const fields: Record<string, unknown> = {};
	for (const [k, v] of row.entries()) if (k !== ROW_ID) fields[k] = plain(v);
	return fields;
}

/**
 * Plain rows of `rows`, reusing a `previous` snapshot's row objects whose content is unchanged.
 * Entries that are not maps (never written by planbook) are skipped.
 */
export function snapshotRows(rows: YRows, previous: readonly RowSnapshot[] = []): RowSnapshot[] {
	const before = new Map(previous.map((r) => [r.key, r]));
	const seen = new Map<string, number>();
	const out: RowSnapshot[] = [];
	rows.toArray().forEach((row, index) => {
		if (!(row instanceof Y.Map)) return;
		const id = rowId(row) || `row-${index}`;
		const n = (seen.get(id) ?? 0) + 1;
		seen.set(id, n);
		const key = n === 1 ? id : `${id}#${n}`;
		const fields = readFields(row);
		const old = before.get(key);
		out.push(old && old.index === index && sameValue(old.fields, fields) ? old : { key, id, index, fields });
	});
	return out;
}

function transact(type: { readonly doc: Y.Doc | null }, change: () => void): void {
	if (type.doc) type.doc.transact(change);
	else change();
}

/**
 * Index of the row a snapshot entry refers to, checked against the live list: the list may have
 * changed since the snapshot (a peer inserted above), so the `$id` decides, not the old index.
 * @returns the index, or -1 when the row is gone
 */
export function findRow(rows: YRows, ref: Pick<RowSnapshot, 'id' | 'index' | 'key'>): number {
	const atIndex = rows.length > ref.index ? rows.get(ref.index) : undefined;
	const occurrence = Number(ref.key.split('#')[1] ?? '1');
	if (occurrence === 1 && atIndex instanceof Y.Map && rowId(atIndex) === ref.id) return ref.index;
	let n = 0;
	const all = rows.toArray();
	for (let i = 0; i < all.length; i++) {
		const row = all[i];
		if (row instanceof Y.Map && rowId(row) === ref.id && ++n === occurrence) return i;
	}
	return -1;
}

/** Sets (or, for undefined, deletes) one key of one row; no write when the value is unchanged. */
export function setCell(row: YRow, key: string, value: unknown): void {
	if (key === ROW_ID) throw new RangeError('a row id is not a cell');
	if (value === undefined) {
		if (row.has(key)) row.delete(key);
		return;
	}
	if (sameValue(plain(row.get(key)), value)) return;
	row.set(key, value);
}

/**
 * Sets one entry of a map nested in a row (a dealer's `scores`, keyed by criterion `$id`),
 * creating the map when the row has none yet.
 */
export function setNestedCell(row: YRow, key: string, entry: string, value: unknown): void {
	transact(row, () => {
		let nested = row.get(key);
		if (!(nested instanceof Y.Map)) {
			nested = new Y.Map<unknown>();
			row.set(key, nested);
		}
		const map = nested as Y.Map<unknown>;
		if (value === undefined) map.delete(entry);
		else if (!sameValue(map.get(entry), value)) map.set(entry, value);
	});
}

/** Inserts a new row with a fresh `$id` at `index` (default: the end); returns the new id. */
export function insertRow(rows: YRows, fields: Readonly<Record<string, unknown>>, index = rows.length): string {
	const row = rowMap(fields);
	rows.insert(Math.max(0, Math.min(index, rows.length)), [row]);
	return rowId(row);
}

/** Removes the row a snapshot entry refers to; false when it was already gone. */
export function removeRow(rows: YRows, ref: Pick<RowSnapshot, 'id' | 'index' | 'key'>): boolean {
	const index = findRow(rows, ref);
	if (index < 0) return false;
	rows.delete(index, 1);
	return true;
}

/**
 * Moves a row to `to` (its index after the move, clamped to the list) as one transaction: delete,
 * then insert a deep clone keeping the `$id`.
 * @returns the new index, or -1 when the row is gone
 */
export function moveRow(rows: YRows, ref: Pick<RowSnapshot, 'id' | 'index' | 'key'>, to: number): number {
	const from = findRow(rows, ref);
	if (from < 0) return -1;
	const target = Math.max(0, Math.min(to, rows.length - 1));
	if (target === from) return from;
	transact(rows, () => {
		const copy = (rows.get(from) as YRow).clone();
		rows.delete(from, 1);
		rows.insert(target, [copy]);
	});
	return target;
}

/**
 * The Y.Doc schema of a plan (DESIGN §7), version 1. Roots:
 * - `meta`      Y.Map: title, locale, currency, year, standards (plain values) and `$schema`.
 * - `sections`  Y.Array of Y.Map { $id, kind, title, body: Y.XmlFragment, blocks: Y.Array<Y.Map> }.
 * - `variables` Y.Array of Y.Map { $id, name, expr, label?, unit?, source?, distribution? }.
 * - `data`      Y.Map of data sets. Every list is a Y.Array of Y.Map rows with a `$id`, so two people
 *               editing different cells never conflict; lists of plain values (SWOT quadrants,
 *               seasonality) are rows with a `value`. `swot` is a Y.Map of four such lists; `dealers`
 *               a Y.Map { criteria, rows } where a row's `scores` is a Y.Map keyed by criterion $id,
 *               so reordering or deleting a criterion keeps every score with its criterion.
 * - `scenarios` Y.Array of Y.Map { $id, name, overrides: Y.Map<string> }.
 * - `comments`  Y.Array (threads; the sharing issue fills it).
 * - `packs`     Y.Array of Y.Map { $id, definition } — custom rule packs kept with the plan (the
 *               definition is the pack's plain JSON; a pack is replaced whole, never merged).
 * - `simulation` Y.Map { trials, seed }: Monte Carlo settings.
 * - `decisions` Y.Array of Y.Map { $id, at, by, scenario, rationale, overrides, figures } (plain
 *               values; an entry is written once and never edited).
 * Every key above is document scope (synced and saved); nothing of session or presence scope is
 * stored in the doc.
 */
import * as Y from 'yjs';
import { uuidv4 } from 'lib0/random';

export const DOC_SCHEMA_VERSION = 1;
/**
 * Key in `meta` a workshop's trainer sets on team plans while the workshop is locked (the server
 * enforces the lock; this lets the editor say so). Not part of the plan file.
 */
export const WORKSHOP_LOCKED_KEY = 'workshopLocked';
/** Section kinds open in the workshop's current phase (absent: all open); set by the trainer. */
export const WORKSHOP_OPEN_SECTIONS_KEY = 'workshopOpenSections';
/** Hints the trainer revealed, by section kind; set by the trainer. */
export const WORKSHOP_HINTS_KEY = 'workshopHints';
export const ROW_ID = '$id';

export type YRow = Y.Map<unknown>;
export type YRows = Y.Array<YRow>;

export interface PlanDocRoots {
	meta: Y.Map<unknown>;
	sections: YRows;
	variables: YRows;
	data: Y.Map<unknown>;
	scenarios: YRows;
	comments: Y.Array<unknown>;
	packs: YRows;
	simulation: Y.Map<unknown>;
	decisions: YRows;
}

export function planRoots(doc: Y.Doc): PlanDocRoots {
	return {
		meta: doc.getMap('meta'),
		sections: doc.getArray('sections'),
		variables: doc.getArray('variables'),
		data: doc.getMap('data'),
		scenarios: doc.getArray('scenarios'),
		comments: doc.getArray('comments'),
		packs: doc.getArray('packs'),
		simulation: doc.getMap('simulation'),
		decisions: doc.getArray('decisions')
	};
}

export function newRowId(): string {
	return uuidv4();
}

/** A new row map holding `fields` (undefined fields are left out) and a fresh $id. */
export function rowMap(fields: Readonly<Record<string, unknown>>, id: string = newRowId()): YRow {
	const row = new Y.Map<unknown>();
	row.set(ROW_ID, id);
	for (const [k, v] of Object.entries(fields)) if (v !== undefined) row.set(k, v);
	return row;
}

/** A row's plain fields, without its $id and without nested shared types. */
export function rowFields(row: YRow): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const [k, v] of row.entries()) {
		if (k === ROW_ID || v instanceof Y.AbstractType) continue;
		out[k] = v;
	}
	return out;
}

export function rowId(row: YRow): string {
	const id = row.get(ROW_ID);
	return typeof id === 'string' ? id : '';
}

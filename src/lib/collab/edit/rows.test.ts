import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { objectRows, readDataSet } from '../schema/datasets';
import { rowId, type YRow, type YRows } from '../schema/roots';
import { createLoopback } from './loopback';
import { findRow, insertRow, moveRow, removeRow, sameValue, setCell, setNestedCell, snapshotRows } from './rows';

function budgetDoc(): { doc: Y.Doc; rows: YRows } {
	const doc = new Y.Doc();
	const data = doc.getMap<unknown>('data');
	data.set(
		'budget',
		objectRows([
			{ name: 'TV', category: 'promotion', kind: 'fixed', amount: 600000, month: 3 },
			{ name: 'freight', category: 'channel', kind: 'per_unit', amount: 1.5 },
			{ name: 'commission', category: 'channel', kind: 'percent_of_revenue', amount: 0.03 }
		])
	);
	return { doc, rows: data.get('budget') as YRows };
}

const names = (rows: YRows) => rows.toArray().map((r) => r.get('name'));

describe('snapshotRows', () => {
	it('gives plain fields keyed by $id, without the id among the fields', () => {
		const { rows } = budgetDoc();
		const snap = snapshotRows(rows);
		expect(snap.map((r) => r.fields.name)).toEqual(['TV', 'freight', 'commission']);
		expect(snap[0]?.key).toBe(rowId(rows.get(0)));
		expect(snap[0]?.fields).not.toHaveProperty('$id');
		expect(snap.map((r) => r.index)).toEqual([0, 1, 2]);
	});

	it('reuses unchanged rows from the previous snapshot', () => {
		const { rows } = budgetDoc();
		const first = snapshotRows(rows);
		setCell(rows.get(1), 'amount', 2);
		const second = snapshotRows(rows, first);
		expect(second[0]).toBe(first[0]);
		expect(second[1]).not.toBe(first[1]);
		expect(second[1]?.fields.amount).toBe(2);
		expect(second[2]).toBe(first[2]);
	});

	it('turns nested maps into plain objects', () => {
		const rows = new Y.Doc().getArray<YRow>('rows');
		insertRow(rows, { name: 'A' });
		setNestedCell(rows.get(0), 'scores', 'crit-1', 4);
		expect(snapshotRows(rows)[0]?.fields.scores).toEqual({ 'crit-1': 4 });
	});

	it('keys a duplicated row (two concurrent moves) uniquely', () => {
		const { rows } = budgetDoc();
		const copy = rows.get(0).clone();
		rows.push([copy]);
		const keys = snapshotRows(rows).map((r) => r.key);
		expect(new Set(keys).size).toBe(4);
		expect(keys[3]).toBe(`${keys[0]}#2`);
	});
});

describe('cell edits', () => {
	it('writes one key and nothing when the value is unchanged', () => {
		const { doc, rows } = budgetDoc();
		let updates = 0;
		doc.on('update', () => updates++);
		setCell(rows.get(0), 'amount', 600000);
		expect(updates).toBe(0);
		setCell(rows.get(0), 'amount', 500000);
		expect(updates).toBe(1);
		expect(rows.get(0).get('amount')).toBe(500000);
		setCell(rows.get(0), 'month', undefined);
		expect(rows.get(0).has('month')).toBe(false);
		expect(() => setCell(rows.get(0), '$id', 'x')).toThrow(RangeError);
	});

	it('compares list values structurally', () => {
		expect(sameValue(['a', 'b'], ['a', 'b'])).toBe(true);
		expect(sameValue(['a'], ['a', 'b'])).toBe(false);
		expect(sameValue({ a: 1 }, { a: 1 })).toBe(true);
		expect(sameValue([], {})).toBe(false);
	});

	it('lets two peers edit different cells of one row without losing either edit', () => {
		const loop = createLoopback(2, (doc) => doc.getMap('data').set('budget', objectRows([{ name: 'TV', amount: 1 }])));
		const [a, b] = loop.peers.map((p) => p.doc.getMap<unknown>('data').get('budget') as YRows);
		if (!a || !b) throw new Error('no rows');
		// Concurrent: apply both edits before either is relayed.
		const [docA, docB] = loop.peers.map((p) => p.doc);
		loop.destroy();
		setCell(a.get(0), 'name', 'Television');
		setCell(b.get(0), 'amount', 2);
		Y.applyUpdate(docA as Y.Doc, Y.encodeStateAsUpdate(docB as Y.Doc));
		Y.applyUpdate(docB as Y.Doc, Y.encodeStateAsUpdate(docA as Y.Doc));
		for (const rows of [a, b]) expect(snapshotRows(rows)[0]?.fields).toEqual({ name: 'Television', amount: 2 });
	});
});

describe('row operations', () => {
	it('inserts rows with fresh ids where asked', () => {
		const { rows } = budgetDoc();
		const id = insertRow(rows, { name: 'radio', category: 'promotion', kind: 'fixed', amount: 0 }, 1);
		expect(names(rows)).toEqual(['TV', 'radio', 'freight', 'commission']);
		expect(rowId(rows.get(1))).toBe(id);
		insertRow(rows, { name: 'end' }, 99);
		expect(names(rows).at(-1)).toBe('end');
	});

	it('removes the row by id even when the list changed since the snapshot', () => {
		const { rows } = budgetDoc();
		const snap = snapshotRows(rows);
		insertRow(rows, { name: 'new' }, 0);
		expect(removeRow(rows, snap[1] as (typeof snap)[number])).toBe(true);
		expect(names(rows)).toEqual(['new', 'TV', 'commission']);
		expect(removeRow(rows, snap[1] as (typeof snap)[number])).toBe(false);
	});

	it('moves a row as one transaction that keeps its id, fields and nested maps', () => {
		const { doc, rows } = budgetDoc();
		setNestedCell(rows.get(0), 'scores', 'c1', 5);
		const snap = snapshotRows(rows);
		const tv = snap[0] as (typeof snap)[number];
		let transactions = 0;
		doc.on('afterTransaction', () => transactions++);
		expect(moveRow(rows, tv, 2)).toBe(2);
		expect(transactions).toBe(1);
		expect(names(rows)).toEqual(['freight', 'commission', 'TV']);
		expect(rowId(rows.get(2))).toBe(tv.id);
		expect(snapshotRows(rows)[2]?.fields).toEqual(tv.fields);
		expect(findRow(rows, tv)).toBe(2);
		expect(moveRow(rows, { ...tv, index: 2 }, -5)).toBe(0);
		expect(names(rows)).toEqual(['TV', 'freight', 'commission']);
	});

	it('keeps the plan-file shape after a move', () => {
		const { doc, rows } = budgetDoc();
		moveRow(rows, snapshotRows(rows)[2] as ReturnType<typeof snapshotRows>[number], 0);
		expect(readDataSet(doc.getMap('data'), 'budget')).toEqual([
			{ name: 'commission', category: 'channel', kind: 'percent_of_revenue', amount: 0.03 },
			{ name: 'TV', category: 'promotion', kind: 'fixed', amount: 600000, month: 3 },
			{ name: 'freight', category: 'channel', kind: 'per_unit', amount: 1.5 }
		]);
	});

	it('converges when a peer edits while another moves', () => {
		const loop = createLoopback(2, (doc) => {
			doc.getMap('data').set('budget', objectRows([{ name: 'a' }, { name: 'b' }, { name: 'c' }]));
		});
		const [a, b] = loop.peers.map((p) => p.doc.getMap<unknown>('data').get('budget') as YRows);
		if (!a || !b) throw new Error('no rows');
		moveRow(a, snapshotRows(a)[0] as ReturnType<typeof snapshotRows>[number], 2);
		setCell(b.get(0), 'name', 'B');
		expect(names(a)).toEqual(names(b));
		expect(names(b)).toEqual(['B', 'c', 'a']);
		loop.destroy();
	});
});

import { describe, expect, it } from 'vitest';
import { cellKind, cellValue, displayText, editText, parseCell, splitList, type ColumnSpec } from './column-spec';

const ctx = (row: Record<string, unknown> = {}, rows: Record<string, unknown>[] = [row]) => ({ row, rows });
const parse = (column: ColumnSpec, text: string, row: Record<string, unknown> = {}) => parseCell(column, text, ctx(row), 'en');
const en = { locale: 'en', currency: 'CNY' } as const;
const zh = { locale: 'zh-CN', currency: 'CNY' } as const;

describe('parseCell', () => {
	const money: ColumnSpec = { key: 'amount', label: 'Amount', kind: 'money', required: true };
	const rate: ColumnSpec = { key: 'rate', label: 'Rate', kind: 'percent', min: 0, max: 1 };
	const month: ColumnSpec = { key: 'month', label: 'Month', kind: 'integer', min: 1, max: 12 };

	it('accepts the number notations people type', () => {
		expect(parse(money, '1,234.5')).toEqual({ ok: true, value: 1234.5 });
		expect(parse(money, '¥8')).toEqual({ ok: true, value: 8 });
		expect(parse(money, '1.2万')).toEqual({ ok: true, value: 12000 });
		expect(parse(rate, '12%')).toEqual({ ok: true, value: 0.12 });
		expect(parse(rate, '0.12')).toEqual({ ok: true, value: 0.12 });
	});

	it('flags invalid, out-of-range and fractional input instead of writing it', () => {
		expect(parse(money, 'abc')).toEqual({ ok: false, problem: { code: 'number' } });
		expect(parse(rate, '120%')).toEqual({ ok: false, problem: { code: 'max', limit: 1 } });
		expect(parse(rate, '-1%')).toEqual({ ok: false, problem: { code: 'min', limit: 0 } });
		expect(parse(month, '2.5')).toEqual({ ok: false, problem: { code: 'integer' } });
		expect(parse(month, '13')).toEqual({ ok: false, problem: { code: 'max', limit: 12 } });
	});

	it('deletes an emptied optional cell and flags an emptied required one', () => {
		expect(parse(month, '  ')).toEqual({ ok: true, value: undefined });
		expect(parse(money, '')).toEqual({ ok: false, problem: { code: 'required' } });
		expect(parse({ key: 'name', label: 'Name', kind: 'text', required: true }, ' ')).toEqual({ ok: false, problem: { code: 'required' } });
		expect(parse({ key: 'owner', label: 'Owner', kind: 'text' }, '')).toEqual({ ok: true, value: undefined });
	});

	it('keeps free text as typed', () => {
		expect(parse({ key: 'name', label: 'Name', kind: 'text' }, 'TV ')).toEqual({ ok: true, value: 'TV ' });
	});

	it('checks dates, options, booleans and lists', () => {
		const date: ColumnSpec = { key: 'start', label: 'Start', kind: 'date' };
		expect(parse(date, '2027-02-28')).toEqual({ ok: true, value: '2027-02-28' });
		expect(parse(date, '2027-02-30')).toEqual({ ok: false, problem: { code: 'date' } });
		const basis: ColumnSpec = { key: 'basis', label: 'Basis', kind: 'select', options: [{ value: 'markup', label: 'Markup' }] };
		expect(parse(basis, 'markup')).toEqual({ ok: true, value: 'markup' });
		expect(parse(basis, 'other')).toEqual({ ok: false, problem: { code: 'option' } });
		expect(parse({ key: 'target', label: 'T', kind: 'boolean' }, 'true')).toEqual({ ok: true, value: true });
		expect(parse({ key: 'dependsOn', label: 'D', kind: 'list' }, 't1, t2；t3')).toEqual({ ok: true, value: ['t1', 't2', 't3'] });
		expect(parse({ key: 'dependsOn', label: 'D', kind: 'list' }, '')).toEqual({ ok: true, value: [] });
	});

	it('runs row rules after the cell checks and follows a row-dependent kind', () => {
		const amount: ColumnSpec = { key: 'amount', label: 'A', kind: 'money', kindFor: (row) => (row.kind === 'percent_of_revenue' ? 'percent' : 'money') };
		expect(cellKind(amount, { kind: 'percent_of_revenue' })).toBe('percent');
		expect(parse(amount, '3%', { kind: 'percent_of_revenue' })).toEqual({ ok: true, value: 0.03 });
		const id: ColumnSpec = { key: 'id', label: 'ID', kind: 'text', validate: (v, { row, rows }) => (rows.some((r) => r !== row && r.id === v) ? { code: 'duplicate' } : null) };
		const a = { id: 't1' };
		const b = { id: 't2' };
		expect(parseCell(id, 't1', ctx(b, [a, b]), 'en')).toEqual({ ok: false, problem: { code: 'duplicate' } });
		expect(parseCell(id, 't3', ctx(b, [a, b]), 'en')).toEqual({ ok: true, value: 't3' });
	});
});

describe('cell text', () => {
	it('edits numbers without grouping and percentages as percent', () => {
		expect(editText('money', 1234.5)).toBe('1234.5');
		expect(editText('percent', 0.07)).toBe('7%');
		expect(editText('percent', 0.125)).toBe('12.5%');
		expect(editText('list', ['t1', 't2'])).toBe('t1, t2');
		expect(editText('number', undefined)).toBe('');
	});

	it('displays numbers with locale formatting', () => {
		expect(displayText('money', 600000, zh)).toBe('¥600,000');
		expect(displayText('money', 8, en)).toBe('CN¥8.00');
		expect(displayText('percent', 0.12, en)).toBe('12%');
		expect(displayText('number', 1234.5, en)).toBe('1,234.5');
		expect(displayText('integer', 3, en)).toBe('3');
		expect(displayText('select', 'fixed', en, [{ value: 'fixed', label: 'Fixed' }])).toBe('Fixed');
		expect(displayText('text', undefined, en)).toBe('');
	});

	it('reads nested entries and splits lists', () => {
		const score: ColumnSpec = { key: 'scores', entry: 'c1', label: 'S', kind: 'number' };
		expect(cellValue(score, { scores: { c1: 4 } })).toBe(4);
		expect(cellValue(score, { name: 'x' })).toBeUndefined();
		expect(splitList(' a ,b、c  d ')).toEqual(['a', 'b', 'c', 'd']);
	});
});

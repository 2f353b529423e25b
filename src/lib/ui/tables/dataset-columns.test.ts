import { describe, expect, it } from 'vitest';
import { ROW_LIST_SETS } from '$lib/collab/schema/datasets';
import { planDataSchema } from '$lib/domain/plan/schema-data';
import { messagesOf, translate, type Locale } from '$lib/i18n';
import { parseCell } from './column-spec';
import { dataSetTable, nextScheduleId, sumOf, sumsToOne } from './dataset-columns';

const i18n = (locale: Locale) => ({ t: (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate(locale, key, params), locale });

/** Validates one row of a set through the plan file schema. */
function validRow(name: (typeof ROW_LIST_SETS)[number], row: Record<string, unknown>): boolean {
	return planDataSchema.safeParse({ [name]: [row] }).success;
}

describe('dataSetTable', () => {
	it.each(ROW_LIST_SETS)('%s: new rows are valid plan rows and every column is a schema key', (name) => {
		const table = dataSetTable(name, i18n('en'));
		const row = table.newRow([]);
		expect(validRow(name, row)).toBe(true);
		for (const column of table.columns) {
			expect(column.label).not.toMatch(/^editor\./);
			// Writing a typical value into each column keeps the row valid.
			const sample = { text: 'x', number: '5', money: '5', percent: '5%', integer: '5', date: '2027-01-04', select: column.options?.[0]?.value ?? '', boolean: 'true', list: 't1' }[column.kind];
			const parsed = parseCell(column, sample, { row, rows: [row] }, 'en');
			expect(parsed.ok, `${name}.${column.key}`).toBe(true);
			if (parsed.ok) expect(validRow(name, { ...row, [column.key]: parsed.value }), `${name}.${column.key}`).toBe(true);
		}
	});

	it('labels columns in Chinese for a Chinese UI', () => {
		const budget = dataSetTable('budget', i18n('zh-CN'));
		expect(budget.columns.map((c) => c.label)).toEqual(['名称', '类别', '费用类型', '金额', '月份']);
		const schedule = dataSetTable('schedule', i18n('zh-CN'));
		expect(schedule.columns.find((c) => c.key === 'section')?.options?.[0]?.label).toBe('现状分析');
	});

	it('refuses what the schema refuses: margins of 100 %, conversions above 1, months outside 1..12', () => {
		const chain = dataSetTable('priceChain', i18n('en'));
		const rate = chain.columns.find((c) => c.key === 'rate');
		if (!rate) throw new Error('no rate column');
		const margin = { tier: 'retail', rate: 0.2, basis: 'margin' };
		expect(parseCell(rate, '100%', { row: margin, rows: [margin] }, 'en')).toEqual({ ok: false, problem: { code: 'margin' } });
		expect(parseCell(rate, '150%', { row: { ...margin, basis: 'markup' }, rows: [] }, 'en')).toEqual({ ok: true, value: 1.5 });
		const funnel = dataSetTable('funnel', i18n('en'));
		const conversion = funnel.columns.find((c) => c.key === 'conversion');
		if (!conversion) throw new Error('no conversion column');
		expect(parseCell(conversion, '120%', { row: {}, rows: [] }, 'en').ok).toBe(false);
		const month = dataSetTable('budget', i18n('en')).columns.find((c) => c.key === 'month');
		if (!month) throw new Error('no month column');
		expect(parseCell(month, '13', { row: {}, rows: [] }, 'en').ok).toBe(false);
	});

	it('gives new schedule rows unique ids and refuses duplicates', () => {
		expect(nextScheduleId([{ id: 't1' }, { id: 't2' }])).toBe('t3');
		expect(nextScheduleId([{ id: 't3' }])).toBe('t2');
		const schedule = dataSetTable('schedule', i18n('en'));
		const id = schedule.columns.find((c) => c.key === 'id');
		if (!id) throw new Error('no id column');
		const a = { id: 't1' };
		const b = { id: 't2' };
		expect(parseCell(id, 't1', { row: b, rows: [a, b] }, 'en')).toEqual({ ok: false, problem: { code: 'duplicate' } });
	});

	it('sums shares with the seasonality tolerance', () => {
		const months = Array.from({ length: 12 }, () => ({ value: 1 / 12 }));
		expect(sumsToOne(sumOf(months, 'value'))).toBe(true);
		expect(sumsToOne(sumOf([{ value: 0.5 }, { value: 0.498 }], 'value'))).toBe(false);
		expect(sumOf([{ value: 'x' }, { value: 2 }], 'value')).toBe(2);
	});

	it('uses only message keys that exist', () => {
		const keys = Object.keys(messagesOf('en'));
		expect(keys.filter((k) => k.startsWith('editor.col.')).length).toBeGreaterThan(20);
	});
});

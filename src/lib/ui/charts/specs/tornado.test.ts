import { describe, expect, it } from 'vitest';
import { tornadoChart } from './tornado';
import { contextOf, dataOf, exampleAnalysis, examplePlan, markerLineOf } from './spec-fixtures';

describe('tornadoChart', () => {
	const ctx = contextOf(examplePlan('breakeven-basic'));
	const analysis = exampleAnalysis('breakeven-basic');
	const baseProfit = analysis.outputs?.profit ?? null;
	const spec = tornadoChart({ rows: analysis.tornado, baseProfit }, ctx);

	it('keeps the analysis order and floats each bar from base profit to the moved profit', () => {
		if (!spec) throw new Error('no spec');
		expect(spec.config.data.labels).toEqual(analysis.tornado.map((r) => r.name));
		expect(dataOf(spec, 'Input −10%')).toEqual(analysis.tornado.map((r) => [baseProfit, r.outputAtLow]));
		expect(dataOf(spec, 'Input +10%')).toEqual(analysis.tornado.map((r) => [baseProfit, r.outputAtHigh]));
		expect(spec.config.options?.indexAxis).toBe('y');
	});

	it('draws the base profit line', () => {
		if (!spec) throw new Error('no spec');
		expect(markerLineOf(spec, 'baseProfit')).toMatchObject({ scaleID: 'x', value: 200000, label: 'Base profit $200,000' });
		expect(spec.table.rows).toHaveLength(analysis.tornado.length);
		expect(spec.table.rows[0]).toEqual(['price (120)', '-$40,000', '$440,000', '$480,000']);
	});

	it('shows the variables\' own labels where the plan gives them', () => {
		const labelled = tornadoChart({ rows: analysis.tornado, baseProfit, labels: { price: '零售价', unit_cost: ' ' } }, ctx);
		expect(labelled?.config.data.labels?.slice(0, 2)).toEqual(['零售价', analysis.tornado[1]?.name]);
		expect(labelled?.table.rows[0]?.[0]).toBe('零售价 (120)');
	});

	it('leaves a gap where the model has no value, and is null without rows or base', () => {
		const first = analysis.tornado[0];
		if (!first) throw new Error('no rows');
		const gap = tornadoChart({ rows: [{ ...first, outputAtLow: Number.NaN }], baseProfit }, ctx);
		if (!gap) throw new Error('no spec');
		expect(dataOf(gap, 'Input −10%')).toEqual([null]);
		expect(tornadoChart({ rows: [], baseProfit }, ctx)).toBeNull();
		expect(tornadoChart({ rows: analysis.tornado, baseProfit: null }, ctx)).toBeNull();
	});
});

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DATA_SET_NAMES } from '../../domain/plan/sections';
import { readPlanFromDoc, writePlanToDoc } from '../schema/plan-doc';
import { readDataSet } from '../schema/datasets';
import { planRoots } from '../schema/roots';
import { makePlan } from '../../test-data/factories';
import { addDealer, createDataSet, dataSetShape, dataSetValue, ensureList, listOf, spreadEvenly } from './data-sets';
import { insertRow, setNestedCell } from './rows';
import { addVariable, nextVariableName, snapshotVariables } from './variables';

describe('createDataSet', () => {
	it('creates every set in the shape the plan file reads back, and the plan stays valid', () => {
		const doc = new Y.Doc();
		writePlanToDoc(doc, makePlan({ variables: { price: '120' } }));
		const data = planRoots(doc).data;
		for (const name of DATA_SET_NAMES) {
			createDataSet(data, name);
			expect(dataSetValue(data, name), name).not.toBeNull();
		}
		expect(readDataSet(data, 'swot')).toEqual({ strengths: [], weaknesses: [], opportunities: [], threats: [] });
		expect(readDataSet(data, 'dealers')).toEqual({ criteria: [], rows: [] });
		expect(readDataSet(data, 'budget')).toEqual([]);
		const months = readDataSet(data, 'seasonality') as number[];
		expect(months).toHaveLength(12);
		expect(Math.abs(months.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-9);
		const result = readPlanFromDoc(doc);
		expect(result.ok ? [] : result.errors).toEqual([]);
	});

	it('keeps a set that already exists', () => {
		const data = new Y.Doc().getMap<unknown>('data');
		createDataSet(data, 'budget');
		const list = dataSetValue(data, 'budget') as Y.Array<Y.Map<unknown>>;
		insertRow(list, { name: 'x' });
		createDataSet(data, 'budget');
		expect(readDataSet(data, 'budget')).toEqual([{ name: 'x' }]);
	});

	it('creates one transaction', () => {
		const doc = new Y.Doc();
		let count = 0;
		doc.on('afterTransaction', () => count++);
		createDataSet(doc.getMap('data'), 'dealers');
		expect(count).toBe(1);
	});

	it('names the shape of each set and refuses a value of the wrong shape', () => {
		expect(dataSetShape('budget')).toBe('rows');
		expect(dataSetShape('swot')).toBe('swot');
		const data = new Y.Doc().getMap<unknown>('data');
		data.set('swot', new Y.Array());
		expect(dataSetValue(data, 'swot')).toBeNull();
	});

	it('creates nested lists on first use and finds them', () => {
		const dealers = new Y.Doc().getMap<unknown>('dealers');
		expect(listOf(dealers, 'criteria')).toBeNull();
		const criteria = ensureList(dealers, 'criteria');
		expect(ensureList(dealers, 'criteria')).toBe(criteria);
		expect(listOf(dealers, 'criteria')).toBe(criteria);
		expect(listOf('not a map', 'criteria')).toBeNull();
	});

	it('stores dealer scores by criterion id so the plan file reads them in criterion order', () => {
		const data = new Y.Doc().getMap<unknown>('data');
		createDataSet(data, 'dealers');
		const dealers = data.get('dealers') as Y.Map<unknown>;
		const criteria = ensureList(dealers, 'criteria');
		const strength = insertRow(criteria, { name: '实力', weight: 0.5 });
		const credit = insertRow(criteria, { name: '信用', weight: 0.5 });
		const rows = ensureList(dealers, 'rows');
		insertRow(rows, { name: '经销商A' });
		setNestedCell(rows.get(0), 'scores', credit, 4);
		setNestedCell(rows.get(0), 'scores', strength, 5);
		expect(readDataSet(data, 'dealers')).toEqual({
			criteria: [{ name: '实力', weight: 0.5 }, { name: '信用', weight: 0.5 }],
			rows: [{ name: '经销商A', scores: [5, 4] }]
		});
	});
});

describe('seasonality and dealers helpers', () => {
	it('spreads seasonality evenly over exactly twelve months, keeping row ids', () => {
		const data = new Y.Doc().getMap<unknown>('data');
		data.set('seasonality', new Y.Array());
		const rows = data.get('seasonality') as Y.Array<Y.Map<unknown>>;
		insertRow(rows, { value: 0.5 });
		const firstId = rows.get(0).get('$id');
		spreadEvenly(rows);
		expect(rows.length).toBe(12);
		expect(rows.get(0).get('$id')).toBe(firstId);
		for (let i = 0; i < 14; i++) insertRow(rows, { value: 0 });
		spreadEvenly(rows);
		expect(readDataSet(data, 'seasonality')).toEqual(Array.from({ length: 12 }, () => 1 / 12));
	});

	it('adds a dealer with its scores map already in place', () => {
		const rows = new Y.Doc().getArray<Y.Map<unknown>>('rows');
		const id = addDealer(rows, 'A');
		expect(rows.get(0).get('$id')).toBe(id);
		expect(rows.get(0).get('scores')).toBeInstanceOf(Y.Map);
	});
});

describe('variables', () => {
	it('suggests the first free name, skipping reserved ones', () => {
		expect(nextVariableName([])).toBe('x1');
		expect(nextVariableName(['x1', 'x2', 'x4'])).toBe('x3');
		expect(nextVariableName(['x1'], 'x', ['x2'])).toBe('x3');
	});

	it('adds variables and snapshots name and expression', () => {
		const list = new Y.Doc().getArray<Y.Map<unknown>>('variables');
		addVariable(list, { name: 'price', expr: '128' });
		addVariable(list, { name: 'volume', expr: '1000' }, 0);
		const first = snapshotVariables(list);
		expect(first.map((v) => [v.name, v.expr])).toEqual([['volume', '1000'], ['price', '128']]);
		list.get(1).set('expr', '130');
		const second = snapshotVariables(list, first);
		expect(second[0]).toBe(first[0]);
		expect(second[1]?.expr).toBe('130');
	});
});

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readFinanceData, readVariableEntries } from '../collab/model-inputs';
import { docFromPlan } from '../collab/schema/plan-doc';
import { planRoots, rowMap, type YRow, type YRows } from '../collab/schema/roots';
import { formatFigure } from '../domain/format';
import { parsePlanText } from '../domain/plan/parse';
import { exampleText, expectedOutput } from '../test-data/examples';
import { breakevenPlan } from '../test-data/factories';
import { LiveModel } from './live-model.svelte';
import type { KeyFigure } from './key-figures';

function liveOf(doc: ReturnType<typeof docFromPlan>): LiveModel {
	const r = planRoots(doc);
	return new LiveModel({
		entries: readVariableEntries(r.variables),
		finance: readFinanceData(r.data),
		display: () => ({ locale: 'zh-CN', currency: 'CNY', year: 2027 }),
		outputLabel: (name) => `label:${name}`
	});
}

function figure(live: LiveModel, name: string): KeyFigure | undefined {
	return live.keyFigures.find((f) => f.name === name);
}

describe('LiveModel', () => {
	it('computes the key figures of the ARS example as its expected file says', () => {
		const parsed = parsePlanText(exampleText('deep-marketing-ars'));
		if (!parsed.ok) throw new Error('example does not parse');
		const live = liveOf(docFromPlan(parsed.plan));
		const expected = expectedOutput('deep-marketing-ars') as { outputs: Record<string, number>; payback_month: number };
		for (const name of ['net_price', 'units', 'revenue', 'contribution', 'profit', 'breakeven_units', 'margin_of_safety']) {
			const f = figure(live, name);
			expect(f?.state).toBe('value');
			if (f?.state === 'value') expect(f.value).toBeCloseTo(expected.outputs[name] as number, 6);
		}
		expect(figure(live, 'payback_month')).toEqual({ name: 'payback_month', state: 'value', value: expected.payback_month });
	});

	it('is not computed until the first update, which subscribers hear of even when nothing changed', () => {
		const doc = docFromPlan(breakevenPlan());
		const live = new LiveModel({
			entries: [],
			finance: { priceChain: [], budget: [], campaigns: [] },
			display: () => ({ locale: 'en', currency: 'CNY', year: 2027 }),
			outputLabel: (name) => name
		});
		let calls = 0;
		live.subscribe(() => calls++);
		expect(live.computed).toBe(false);
		const r = planRoots(doc);
		expect(live.update(readVariableEntries(r.variables), readFinanceData(r.data))).toContain('profit');
		expect(live.computed).toBe(true);
		expect(live.get('profit')).toEqual({ ok: true, value: 200_000 });
		expect(calls).toBe(1);

		const empty = new LiveModel({ entries: [], finance: { priceChain: [], budget: [], campaigns: [] }, display: () => ({ locale: 'en', currency: 'CNY', year: 2027 }), outputLabel: (name) => name });
		let heard = 0;
		empty.subscribe(() => heard++);
		expect(empty.update([], { priceChain: [], budget: [], campaigns: [] })).toEqual([]);
		expect(empty.computed).toBe(true);
		expect(heard).toBe(1);
	});

	it('a variable edit recomputes only what depends on it and notifies subscribers', () => {
		const doc = docFromPlan(breakevenPlan({ note: '42' }));
		const live = liveOf(doc);
		let calls = 0;
		const stop = live.subscribe(() => calls++);
		expect(live.get('profit')).toEqual({ ok: true, value: 200_000 });

		const vars = planRoots(doc).variables as YRows;
		(vars.toArray() as YRow[]).find((v) => v.get('name') === 'price')?.set('expr', '130');
		const changed = live.setVariables(readVariableEntries(vars));
		expect(changed).toContain('profit');
		expect(changed).not.toContain('note');
		expect(live.get('profit')).toEqual({ ok: true, value: 400_000 });
		expect(calls).toBe(1);
		stop();
	});

	it('a half-filled budget row leaves the figures as they were; a complete one changes profit', () => {
		const doc = docFromPlan(breakevenPlan());
		const live = liveOf(doc);
		const data = planRoots(doc).data;
		data.set('budget', new Y.Array<YRow>());
		const rows = data.get('budget') as YRows;
		rows.push([rowMap({ name: 'TV', category: 'promotion', kind: 'fixed' })]);
		expect(live.setFinanceData(readFinanceData(data))).toEqual([]);
		expect(live.get('profit')).toEqual({ ok: true, value: 200_000 });

		(rows.get(0) as YRow).set('amount', 50_000);
		expect(live.setFinanceData(readFinanceData(data))).toContain('profit');
		expect(live.get('profit')).toEqual({ ok: true, value: 150_000 });
	});

	it('explains missing inputs instead of showing numbers, and never keeps a stale value', () => {
		const doc = docFromPlan(breakevenPlan());
		const live = liveOf(doc);
		const vars = planRoots(doc).variables;
		const index = (vars.toArray() as YRow[]).findIndex((v) => v.get('name') === 'volume');
		vars.delete(index, 1);
		live.setVariables(readVariableEntries(vars));
		expect(figure(live, 'profit')).toEqual({ name: 'profit', state: 'missing', names: ['volume'] });
		expect(figure(live, 'payback_month')?.state).toBe('missing');

		vars.push([rowMap({ name: 'volume', expr: 'oops +' })]);
		live.setVariables(readVariableEntries(vars));
		expect(figure(live, 'profit')).toEqual({ name: 'profit', state: 'broken', names: ['volume'] });
	});

	it('breakeven without contribution is named as such', () => {
		const live = liveOf(docFromPlan(breakevenPlan({ unit_cost: '130' })));
		expect(figure(live, 'breakeven_units')).toEqual({ name: 'breakeven_units', state: 'no-contribution' });
		expect(figure(live, 'payback_month')).toEqual({ name: 'payback_month', state: 'none' });
	});

	it('offers variables and finance outputs as references and formats them for the plan', () => {
		const live = liveOf(docFromPlan(breakevenPlan()));
		const candidates = live.candidates();
		expect(candidates[0]).toEqual({ name: 'price', label: 'price', kind: 'variable' });
		expect(candidates).toContainEqual({ name: 'profit', label: 'label:profit', kind: 'output' });
		expect(live.format('profit', 200_000)).toBe(formatFigure('profit', 200_000, { locale: 'zh-CN', currency: 'CNY' }));
	});
});

import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { docFromPlan, readPlanFromDoc } from '../collab/schema/plan-doc';
import { parsePlanText } from '../domain/plan/parse';
import { exampleText } from '../test-data/examples';
import { AnalysisState } from './analysis-state.svelte';

function setup(name = 'price-scenarios', editable = true) {
	const parsed = parsePlanText(exampleText(name));
	if (!parsed.ok) throw new Error('invalid example');
	const doc = docFromPlan(parsed.plan);
	const state = new AnalysisState({ doc, schedule: (run) => run(), now: () => Date.parse('2027-02-01T09:00:00Z'), user: () => 'Ana', editable: () => editable });
	const detach = state.attach();
	return { doc, state, detach };
}

describe('AnalysisState', () => {
	it('follows the doc: a scenario added on one replica shows in the other one’s grid', () => {
		const a = setup();
		const b = new Y.Doc();
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a.doc));
		const other = new AnalysisState({ doc: b, schedule: (run) => run(), now: Date.now, user: () => 'Bo', editable: () => true });
		other.attach();
		const id = a.state.addScenario('Premium', { price: 'price * 1.2' });
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a.doc));
		expect(other.scenarios.map((s) => s.name)).toContain('Premium');
		const column = other.analysis?.grid.columns.find((c) => c.name === 'Premium');
		expect(column?.ok).toBe(true);
		expect(column?.price).toBeCloseTo(49 * 1.2, 6);
		// Rename, duplicate, delete, all by $id.
		a.state.renameScenario(id as string, 'Premium+');
		a.state.duplicateScenario(id as string, 'Premium+');
		expect(a.state.scenarios.map((s) => s.name)).toEqual(['-10%', '+10%', 'Premium+', 'Premium+ 2']);
		a.state.deleteScenario(id as string);
		expect(a.state.scenarios.map((s) => s.name)).toEqual(['-10%', '+10%', 'Premium+ 2']);
	});

	it('reports a broken override on its scenario and keeps the rest of the grid', () => {
		const { state } = setup();
		const id = state.addScenario('Broken', { price: 'nope * 2' }) as string;
		const column = state.analysis?.grid.columns.find((c) => c.name === 'Broken');
		expect(column?.ok).toBe(false);
		expect(column?.problems[0]?.message).toMatch(/nope/);
		state.setOverride(id, 'price', '');
		expect(state.scenarios.find((s) => s.id === id)?.overrides).toEqual({});
	});

	it('finds the price for a target profit and the best price, and adds one as a scenario', () => {
		const { state } = setup();
		const best = state.optimize('price');
		expect(best.ok).toBe(true);
		if (!best.ok) return;
		expect(best.value).toBeCloseTo(state.analysis?.priceProfit?.optimum?.x ?? NaN, 3);
		const seek = state.seek('price', 150_000);
		expect(seek.ok && seek.outputValue).toBeCloseTo(150_000, 2);
		state.addScenarioFromValue('Best price', 'price', best.value);
		const column = state.analysis?.grid.columns.find((c) => c.name === 'Best price');
		expect(column?.values.profit).toBeCloseTo(best.outputValue, 2);
	});

	it('adopts a scenario as the plan and logs the decision with its figures', () => {
		const { doc, state } = setup();
		const id = state.scenarios.find((s) => s.name === '-10%')?.id as string;
		const expected = state.analysis?.grid.columns.find((c) => c.name === '-10%')?.values.profit;
		const decision = state.adopt(id, 'Match the competitor');
		expect(decision).toMatchObject({ by: 'Ana', scenario: '-10%', rationale: 'Match the competitor', at: '2027-02-01T09:00:00.000Z' });
		expect(state.analysis?.outputs?.profit).toBeCloseTo(expected as number, 2);
		expect(state.decisions).toHaveLength(1);
		const plan = readPlanFromDoc(doc);
		expect(plan.ok && plan.plan.variables.find((v) => v.name === 'price')?.expr).toBe('44.1');
		expect(plan.ok && plan.plan.decisions?.[0]?.figures.profit).toBeCloseTo(expected as number, 2);
	});

	it('saves Monte Carlo settings in the doc; a viewer changes nothing', () => {
		const { state } = setup();
		state.setSettings({ trials: 5000, seed: 'abc' });
		expect(state.settings).toEqual({ trials: 5000, seed: 'abc' });
		const viewer = setup('price-scenarios', false);
		viewer.state.setSettings({ trials: 200 });
		expect(viewer.state.addScenario('x')).toBeNull();
		expect(viewer.state.settings.trials).toBe(10_000);
	});
});

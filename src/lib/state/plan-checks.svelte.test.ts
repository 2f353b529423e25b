import { describe, expect, it, vi } from 'vitest';
import { addPack, readStandardIds, removePack, setStandardIds, watchPlanForChecks } from '../collab/plan-standards';
import { docFromPlan } from '../collab/schema/plan-doc';
import { planRoots } from '../collab/schema/roots';
import { parsePlanText } from '../domain/plan/parse';
import { exampleText } from '../test-data/examples';
import { PlanChecks, sectionOfFinding } from './plan-checks.svelte';

function arsDoc() {
	const parsed = parsePlanText(exampleText('deep-marketing-ars'));
	if (!parsed.ok) throw new Error('invalid');
	return docFromPlan(parsed.plan);
}

describe('PlanChecks', () => {
	it('checks the doc, and re-checks once after a burst of edits', () => {
		vi.useFakeTimers();
		const doc = arsDoc();
		const read = vi.fn(watchPlanForChecks(doc, () => checks.schedule()).read);
		const checks = new PlanChecks(read);
		checks.run();
		expect(checks.report?.findings.map((f) => f.rule)).toEqual(['F5.dealer-weights']);
		expect(checks.countFor('channel')).toBe(1);
		// Delete both objectives: S3.objectives fails, counted in the objectives section.
		const objectives = planRoots(doc).data.get('objectives') as import('yjs').Array<unknown>;
		objectives.delete(0, 1);
		objectives.delete(0, 1);
		expect(read).toHaveBeenCalledTimes(1);
		vi.advanceTimersByTime(200);
		expect(read).toHaveBeenCalledTimes(2);
		expect(checks.report?.findings.map((f) => f.rule)).toContain('S3.objectives');
		expect(checks.countFor('objectives')).toBe(1);
		expect(checks.groups.map((g) => g.item)).toEqual(['S3', 'F']);
		checks.destroy();
		vi.useRealTimers();
	});

	it('pauses with the validator issues while the plan is invalid', () => {
		const doc = arsDoc();
		(planRoots(doc).variables.get(0) as import('yjs').Map<unknown>).set('name', '1bad');
		const checks = new PlanChecks(watchPlanForChecks(doc, () => {}).read);
		checks.run();
		expect(checks.invalid[0]?.path).toBe('variables[0].name');
	});

	it('stores custom packs in the doc and turns them on and off', () => {
		const doc = arsDoc();
		const pack = { id: 'acme', title: { en: 'A', 'zh-CN': 'A' }, rules: [{ id: 'acme.p', severity: 'error' as const, assert: 'price > 100', message: { en: 'cheap', 'zh-CN': '便宜' } }] };
		addPack(doc, pack);
		expect(readStandardIds(doc)).toEqual(['deep-marketing', 'acme']);
		const checks = new PlanChecks(watchPlanForChecks(doc, () => {}).read);
		checks.run();
		expect(checks.report?.findings.map((f) => f.rule)).toContain('acme.p');
		setStandardIds(doc, ['acme']);
		checks.run();
		expect(checks.report?.findings.map((f) => f.rule)).toEqual(['acme.p']);
		removePack(doc, 'acme');
		expect(readStandardIds(doc)).toEqual([]);
		checks.run();
		expect(checks.report?.findings.map((f) => f.rule)).toEqual(['F5.dealer-weights']);
	});

	it('maps findings to sections', () => {
		const base = { rule: 'x', severity: 'warning' as const, message: { en: '', 'zh-CN': '' }, hint: { en: '', 'zh-CN': '' } };
		expect(sectionOfFinding({ ...base, target: { section: 'price' } })).toBe('price');
		expect(sectionOfFinding({ ...base, target: { data: 'budget', row: 1 } })).toBe('budget');
		expect(sectionOfFinding({ ...base, target: { variable: 'price' } })).toBeNull();
	});
});

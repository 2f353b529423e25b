import { describe, expect, it } from 'vitest';
import { parsePlanText } from '../plan/parse';
import type { Plan } from '../plan/types';
import { exampleText } from '../../test-data/examples';
import { comparePlans } from './compare-plans';

function ars(): Plan {
	const parsed = parsePlanText(exampleText('deep-marketing-ars'));
	if (!parsed.ok) throw new Error('invalid');
	return parsed.plan;
}

describe('comparePlans', () => {
	it('reports no change between a plan and itself', () => {
		const c = comparePlans(ars(), ars());
		expect(c.sections).toEqual([]);
		expect(c.variablesChanged).toEqual([]);
		expect(c.figures.every((f) => f.delta === 0 || f.delta === null)).toBe(true);
	});

	it('names the sections whose text or data changed, the variables, and the new figures', () => {
		const before = ars();
		const after = structuredClone(before);
		after.sections[0] = { ...after.sections[0]!, text: 'Rewritten situation' };
		after.data.budget = [...(after.data.budget ?? []), { name: 'Trade show', category: 'promotion', kind: 'fixed', amount: 50000 }];
		after.variables = after.variables.map((v) => (v.name === 'price' ? { ...v, expr: '6.5' } : v));
		after.sections.pop();
		const c = comparePlans(before, after);
		expect(c.sections).toEqual([
			{ kind: 'situation', title: before.sections[0]?.title, status: 'changed' },
			{ kind: 'budget', title: before.sections.find((s) => s.kind === 'budget')?.title, status: 'changed' },
			{ kind: 'control', title: before.sections.at(-1)?.title, status: 'removed' }
		]);
		expect(c.variablesChanged).toEqual(['price']);
		const fixed = c.figures.find((f) => f.name === 'fixed_total');
		expect(fixed?.delta).toBeCloseTo(50000, 6);
		expect(c.figures.find((f) => f.name === 'net_price')?.delta).toBeGreaterThan(0);
	});
});

import { describe, expect, it } from 'vitest';
import type { ReferenceCandidate } from '$lib/state/plan-view';
import { filterCandidates, foldQuery, triggerAllowed } from './reference-filter';

const candidates: ReferenceCandidate[] = [
	{ name: 'price', label: '零售价', kind: 'variable' },
	{ name: 'unit_cost', label: '单位成本', kind: 'variable' },
	{ name: 'volume', label: '目标销量', kind: 'variable' },
	{ name: 'profit', label: '利润', kind: 'output' },
	{ name: 'net_price', label: '净价', kind: 'output' },
	{ name: 'breakeven_units', label: 'Breakeven (units)', kind: 'output' },
	{ name: 'units', label: 'Units', kind: 'output' }
];
const names = (query: string, limit?: number) => filterCandidates(candidates, query, limit).map((c) => c.name);

describe('filterCandidates', () => {
	it('lists variables first when nothing is typed, up to the limit', () => {
		expect(names('', 3)).toEqual(['price', 'unit_cost', 'volume']);
	});

	it('matches names by prefix, word start and substring, best first', () => {
		expect(names('pri')).toEqual(['price', 'net_price']);
		expect(names('cost')).toEqual(['unit_cost']);
		expect(names('units')).toEqual(['units', 'breakeven_units']);
		expect(names('PROF')).toEqual(['profit']);
	});

	it('matches Chinese labels, and full-width input', () => {
		expect(names('销量')).toEqual(['volume']);
		expect(names('价')).toEqual(['price', 'net_price']);
		expect(names('利润')).toEqual(['profit']);
		expect(names('ｐｒｉｃｅ')).toEqual(['price', 'net_price']);
		expect(foldQuery(' ＡＢ１ ')).toBe('ab1');
	});

	it('matches English labels', () => {
		expect(names('breakeven')).toEqual(['breakeven_units']);
	});

	it('returns nothing when nothing matches', () => {
		expect(names('zzz')).toEqual([]);
	});
});

describe('triggerAllowed', () => {
	it('opens @ after spaces, at the start and after Chinese text, not inside e-mail addresses', () => {
		expect(triggerAllowed('@', '')).toBe(true);
		expect(triggerAllowed('@', ' ')).toBe(true);
		expect(triggerAllowed('@', '量')).toBe(true);
		expect(triggerAllowed('@', '（')).toBe(true);
		expect(triggerAllowed('@', 'a')).toBe(false);
		expect(triggerAllowed('@', '.')).toBe(false);
		expect(triggerAllowed('＠', '量')).toBe(true);
		expect(triggerAllowed('＠', 'a')).toBe(false);
	});

	it('opens = only where a formula-like = is unlikely', () => {
		expect(triggerAllowed('=', '')).toBe(true);
		expect(triggerAllowed('=', ' ')).toBe(true);
		expect(triggerAllowed('=', '：')).toBe(true);
		expect(triggerAllowed('=', 'a')).toBe(false);
		expect(triggerAllowed('=', '>')).toBe(false);
		expect(triggerAllowed('=', '=')).toBe(false);
		expect(triggerAllowed('=', '量')).toBe(false);
		expect(triggerAllowed('＝', '：')).toBe(true);
	});
});

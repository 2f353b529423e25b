import { describe, expect, it } from 'vitest';
import { distributionSchema } from '$lib/domain/plan/schema';
import { translate } from '$lib/i18n';
import { formulaErrorText } from '../shared/formula-error-text';
import {
	DISTRIBUTION_TYPES,
	checkVariableName,
	defaultDistribution,
	distributionOrderProblem,
	nameProblemText,
	readDistribution,
	withParam
} from './variable-rules';

const en = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate('en', key, params);
const zh = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate('zh-CN', key, params);

describe('checkVariableName', () => {
	const taken = new Set(['price', 'volume']);
	it.each([
		['unit_cost', null],
		['_x1', null],
		['', 'empty'],
		['1x', 'pattern'],
		['目标', 'pattern'],
		['a-b', 'pattern'],
		['a b', 'pattern'],
		['x'.repeat(65), 'tooLong'],
		['profit', 'reserved'],
		['margin_of_safety', 'reserved'],
		['__proto__', 'reserved'],
		['price', 'taken']
	])('%j → %s', (name, problem) => {
		expect(checkVariableName(name, taken)).toBe(problem);
	});

	it('explains every problem in both languages', () => {
		for (const p of ['empty', 'pattern', 'tooLong', 'taken', 'reserved'] as const) {
			expect(nameProblemText(p, 'profit', en)).not.toMatch(/\{/);
			expect(nameProblemText(p, 'profit', zh)).not.toMatch(/\{/);
		}
		expect(nameProblemText('reserved', 'profit', en)).toContain('profit');
	});
});

describe('formulaErrorText', () => {
	it('translates every error kind with its fields', () => {
		expect(formulaErrorText({ kind: 'cycle', members: ['a', 'b'], message: '' }, en)).toBe('Circular reference: a, b.');
		expect(formulaErrorText({ kind: 'unknown', names: ['volum'], message: '' }, zh)).toBe('未知名称：volum。');
		expect(formulaErrorText({ kind: 'too-long', length: 2100, limit: 2000, message: '' }, en)).toContain('2100');
		const many = formulaErrorText({ kind: 'dependency', names: ['a', 'b', 'c', 'd', 'e', 'f'], message: '' }, en);
		expect(many).toContain('…');
		for (const error of [
			{ kind: 'parse', message: '' },
			{ kind: 'refused', construct: 'import', message: '' },
			{ kind: 'too-deep', depth: 70, limit: 64, message: '' },
			{ kind: 'not-finite', message: '' },
			{ kind: 'unavailable', message: '' }
		] as const) {
			expect(formulaErrorText(error, en)).not.toMatch(/\{|\}/);
			expect(formulaErrorText(error, zh)).not.toMatch(/\{|\}/);
		}
	});
});

describe('distributions', () => {
	it('starts every type around the current value, valid for the plan schema', () => {
		for (const type of DISTRIBUTION_TYPES) {
			for (const value of [128, 0, -5, undefined]) {
				const d = defaultDistribution(type, value);
				expect(distributionSchema.safeParse(d).success, `${type} ${value}`).toBe(true);
				expect(distributionOrderProblem(d)).toBeNull();
			}
		}
		expect(defaultDistribution('triangular', 120)).toEqual({ type: 'triangular', min: 108, mode: 120, max: 132 });
	});

	it('flags the parameter that breaks the order', () => {
		const d = defaultDistribution('pert', 100);
		expect(distributionOrderProblem(withParam(d, 'mode', 200))).toBe('mode');
		expect(distributionOrderProblem(withParam(d, 'min', 200))).toBe('max');
		expect(distributionOrderProblem(withParam(defaultDistribution('uniform', 1), 'max', -1))).toBe('max');
	});

	it('reads only well-formed stored distributions', () => {
		expect(readDistribution({ type: 'normal', mean: 1, sd: 0.1 })).toEqual({ type: 'normal', mean: 1, sd: 0.1 });
		expect(readDistribution({ type: 'normal', mean: 1 })).toBeNull();
		expect(readDistribution({ type: 'beta' })).toBeNull();
		expect(readDistribution('normal')).toBeNull();
		expect(readDistribution(undefined)).toBeNull();
	});
});

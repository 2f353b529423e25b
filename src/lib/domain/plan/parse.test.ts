import { describe, expect, it } from 'vitest';
import { MAX_PLAN_ISSUES, formatPlanIssue, parsePlan, parsePlanText } from './parse';
import { arsFile, errorsOf, exampleFile, issueLines, readExamplePlans } from './test-helpers';

describe('parsePlan on the shared examples', () => {
	const examples = readExamplePlans();

	it('finds the examples', () => {
		expect(examples.length).toBeGreaterThanOrEqual(3);
	});

	it.each(examples)('%s parses', (_name, text) => {
		const result = parsePlanText(text);
		expect(result.ok ? [] : result.errors).toEqual([]);
	});

	it('keeps the values of the file', () => {
		const result = parsePlan(arsFile());
		if (!result.ok) throw new Error('invalid');
		expect(result.plan.data.priceChain?.[0]).toEqual({
			tier: 'distributor',
			rate: 0.1,
			basis: 'markup',
			minRate: 0.06,
			rebate: 0.02
		});
		expect(result.plan.data.dealers?.rows[0]?.scores).toEqual([5, 4, 2, 4, 3]);
		expect(result.plan.scenarios.map((s) => s.name)).toEqual(['降价到5.5元', '份额+1个百分点']);
	});

	it('is idempotent: a parsed plan parses to itself', () => {
		for (const [, text] of examples) {
			const first = parsePlanText(text);
			if (!first.ok) throw new Error('invalid');
			expect(parsePlan(JSON.parse(JSON.stringify(first.plan)))).toEqual(first);
		}
	});
});

describe('defaults and optional fields', () => {
	it('fills in standards, blocks, dependsOn, data and scenarios', () => {
		const file = exampleFile('breakeven-basic.plan.json');
		delete file.meta.standards;
		delete file.sections[0].blocks;
		delete file.data;
		delete file.scenarios;
		const result = parsePlan(file);
		if (!result.ok) throw new Error(JSON.stringify(result.errors));
		expect(result.plan.meta.standards).toEqual([]);
		expect(result.plan.sections[0]?.blocks).toEqual([]);
		expect(result.plan.data).toEqual({});
		expect(result.plan.scenarios).toEqual([]);
	});

	it('accepts rows the standards must report: no owner, no deadline, no frequency', () => {
		const file = arsFile();
		file.data.schedule[0] = { id: 't1' };
		file.data.objectives[0] = { metric: '销量' };
		file.data.kpis[0] = { name: '铺货率' };
		const result = parsePlan(file);
		if (!result.ok) throw new Error(JSON.stringify(result.errors));
		expect(result.plan.data.schedule?.[0]).toEqual({ id: 't1', dependsOn: [] });
	});

	it('reads an empty date as not set', () => {
		const file = arsFile();
		file.data.schedule[0].start = '';
		file.data.objectives[0].deadline = '';
		const result = parsePlan(file);
		if (!result.ok) throw new Error(JSON.stringify(result.errors));
		expect(result.plan.data.schedule?.[0]?.start).toBeUndefined();
		expect(result.plan.data.objectives?.[0]?.deadline).toBeUndefined();
		expect(result.plan.data.schedule?.[0]?.end).toBe('2027-01-29');
	});

	it('accepts every distribution type and block type', () => {
		const file = arsFile();
		const distributions = [
			{ type: 'normal', mean: 6, sd: 0 },
			{ type: 'lognormal', mu: 1.7, sigma: 0.1 },
			{ type: 'triangular', min: 5, mode: 5, max: 7 },
			{ type: 'uniform', min: 5, max: 5 },
			{ type: 'pert', min: 5, mode: 6, max: 7 }
		];
		distributions.forEach((distribution, index) => {
			file.variables[index].distribution = distribution;
		});
		file.sections[0].blocks = [
			{ type: 'note', text: 'n' },
			{ type: 'variable', name: 'price' },
			{ type: 'table', dataset: 'kpis' },
			{ type: 'chart', chart: 'monthly-profit' },
			{ type: 'checks' }
		];
		expect(parsePlan(file).ok).toBe(true);
	});
});

describe('unknown keys', () => {
	it('are reported on their own path at every depth', () => {
		const file = arsFile();
		file.meta.colour = 'red';
		file.extra = true;
		file.sections[1].blocks = [{ type: 'note', text: '', style: 'bold' }];
		file.variables[2].distribution = { type: 'normal', mean: 1, sd: 1, skew: 0 };
		file.data.priceChain[1].Rate = 0.3;
		file.data.dealers.rows[0].comment = '';
		file.data.budgets = [];
		file.scenarios[0].note = '';
		expect(issueLines(file)).toEqual([
			'meta.colour: unknown key "colour"',
			'sections[1].blocks[0].style: unknown key "style"',
			'variables[2].distribution.skew: unknown key "skew"',
			'data.priceChain[1].Rate: unknown key "Rate"',
			'data.dealers.rows[0].comment: unknown key "comment"',
			'data.budgets: unknown key "budgets"',
			'scenarios[0].note: unknown key "note"',
			'extra: unknown key "extra"'
		]);
	});

	it('quotes keys that are not identifiers', () => {
		const file = arsFile();
		file.meta['my key'] = 1;
		expect(issueLines(file)).toEqual(['meta["my key"]: unknown key "my key"']);
	});
});

describe('cross-field rules', () => {
	it('refuses duplicate variable names, even alongside other errors', () => {
		const file = arsFile();
		file.variables[3].name = 'price';
		file.variables[5].name = 'unit_cost';
		delete file.variables[4].expr;
		expect(issueLines(file)).toEqual([
			'variables[3].name: duplicate variable name "price" (also variables[0])',
			'variables[4].expr: required',
			'variables[5].name: duplicate variable name "unit_cost" (also variables[1])'
		]);
	});

	it('refuses duplicate and empty scenario names', () => {
		const file = arsFile();
		file.scenarios.push({ name: '降价到5.5元', overrides: {} }, { name: '', overrides: {} });
		expect(issueLines(file)).toEqual([
			'scenarios[2].name: duplicate scenario name "降价到5.5元" (also scenarios[0])',
			'scenarios[3].name: expected text that is not empty, got ""'
		]);
	});

	it('requires one dealer score per criterion', () => {
		const file = arsFile();
		file.data.dealers.rows[1].scores = [4, 4, 3];
		expect(issueLines(file)).toEqual([
			'data.dealers.rows[1].scores: expected 5 scores, one per criterion, got [4,4,3]'
		]);
	});
});

describe('ordering and limits', () => {
	it('lists issues in file order, not schema order', () => {
		const file = arsFile();
		// `scenarios` moved before `meta` in the file: its issue must come first.
		const { scenarios, ...rest } = file;
		const reordered: Record<string, any> = { format: rest.format, scenarios, ...rest };
		reordered.scenarios[0].name = 7;
		reordered.meta.year = 'soon';
		expect(issueLines(reordered)).toEqual([
			'scenarios[0].name: expected text in quotes, got 7',
			'meta.year: expected a number, got "soon"'
		]);
	});

	it(`lists at most ${MAX_PLAN_ISSUES} issues and counts the rest`, () => {
		const file = arsFile();
		file.data.accounts = Array.from({ length: 150 }, () => ({ name: 1, value: -1 }));
		const errors = errorsOf(parsePlan(file));
		expect(errors).toHaveLength(MAX_PLAN_ISSUES + 1);
		expect(errors[0]).toEqual({ path: 'data.accounts[0].name', message: 'expected text in quotes, got 1' });
		expect(errors.at(-1)).toEqual({ path: '$', message: '200 more problems not listed' });
	});

	it('stays fast on an object with 200,000 unknown keys', () => {
		const file = arsFile();
		for (let index = 0; index < 200_000; index++) file.meta[`k${index}`] = index;
		const started = performance.now();
		const errors = errorsOf(parsePlan(file));
		expect(performance.now() - started).toBeLessThan(3000);
		expect(errors.at(-1)).toEqual({ path: '$', message: '199900 more problems not listed' });
	});
});

describe('formatPlanIssue', () => {
	it('joins path and message', () => {
		expect(formatPlanIssue({ path: 'meta.title', message: 'required' })).toBe('meta.title: required');
	});
});

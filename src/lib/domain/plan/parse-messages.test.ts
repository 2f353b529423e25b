import { describe, expect, it } from 'vitest';
import { arsFile, issueLines } from './test-helpers';

describe('error messages', () => {
	it('names a wrong type and shows the value', () => {
		const file = arsFile();
		file.data.priceChain[0].rate = 'twelve';
		expect(issueLines(file)).toEqual(['data.priceChain[0].rate: expected a number, got "twelve"']);
	});

	it('names the format it expected', () => {
		const file = arsFile();
		file.format = 'planbook.plan/v2';
		expect(issueLines(file)).toEqual(['format: expected "planbook.plan/v1", got "planbook.plan/v2"']);
	});

	it('lists the section kinds', () => {
		const file = arsFile();
		file.sections[2].kind = 'pricing';
		expect(issueLines(file)).toEqual([
			'sections[2].kind: expected one of situation, swot, objectives, target, product, price, ' +
				'channel, promotion, budget, schedule, control, custom, got "pricing"'
		]);
	});

	it('says a missing field is required', () => {
		const file = arsFile();
		delete file.variables[1].expr;
		delete file.meta.locale;
		expect(issueLines(file)).toEqual([
			'meta.locale: required, expected one of zh-CN, en',
			'variables[1].expr: required'
		]);
	});

	it('refuses impossible dates', () => {
		const file = arsFile();
		file.data.schedule[0].start = '2027-02-30';
		file.data.schedule[1].end = '2027-2-3';
		file.data.objectives[0].deadline = '2027-13-01';
		file.data.schedule[2].start = '2028-02-29';
		expect(issueLines(file)).toEqual([
			'data.objectives[0].deadline: expected a date YYYY-MM-DD, got "2027-13-01"',
			'data.schedule[0].start: expected a date YYYY-MM-DD, got "2027-02-30"',
			'data.schedule[1].end: expected a date YYYY-MM-DD, got "2027-2-3"'
		]);
	});

	it('describes ranges in words', () => {
		const file = arsFile();
		file.data.funnel[0].conversion = 1.5;
		file.data.budget[0].month = 13;
		file.data.priceChain[0].rebate = -0.1;
		file.data.accounts[0].value = -1;
		file.meta.year = 2027.5;
		expect(issueLines(file)).toEqual([
			'meta.year: expected a whole number from 1900 to 2200, got 2027.5',
			'data.priceChain[0].rebate: expected a number from 0 to 1, got -0.1',
			'data.budget[0].month: expected a whole number from 1 to 12, got 13',
			'data.accounts[0].value: expected a number 0 or more, got -1',
			'data.funnel[0].conversion: expected a number from 0 to 1, got 1.5'
		]);
	});

	it('refuses a margin of 100 % or more but not such a markup', () => {
		const file = arsFile();
		file.data.priceChain[0].rate = 1.5;
		file.data.priceChain[1].rate = 1;
		expect(issueLines(file)).toEqual([
			'data.priceChain[1].rate: expected a number below 1 for a margin (a margin is a share of ' +
				'the selling price), got 1'
		]);
	});

	it('checks distribution bounds on the field that breaks the order', () => {
		const file = arsFile();
		file.variables[0].distribution = { type: 'triangular', min: 5, mode: 9, max: 7 };
		file.variables[1].distribution = { type: 'uniform', min: 3, max: 2 };
		file.variables[2].distribution = { type: 'normal', mean: 1, sd: -1 };
		file.variables[3].distribution = { type: 'beta', a: 1 };
		expect(issueLines(file)).toEqual([
			'variables[0].distribution.mode: expected a number from min (5) to max (7), got 9',
			'variables[1].distribution.max: expected a number at least min (3), got 2',
			'variables[2].distribution.sd: expected a number 0 or more, got -1',
			'variables[3].distribution.type: expected one of normal, lognormal, triangular, uniform, ' +
				'pert, got "beta"'
		]);
	});

	it('refuses non-finite numbers given in memory', () => {
		const file = arsFile();
		file.data.budget[0].amount = Number.NaN;
		file.data.campaigns[0].cost = Number.POSITIVE_INFINITY;
		expect(issueLines(file)).toEqual([
			'data.budget[0].amount: expected a number, got NaN',
			'data.campaigns[0].cost: expected a number, got Infinity'
		]);
	});

	it('checks names and formula length', () => {
		const file = arsFile();
		file.variables[0].name = '1price';
		file.variables[1].expr = 'x'.repeat(2001);
		file.variables[2].name = '__proto__';
		file.meta.currency = 'cny';
		expect(issueLines(file)).toEqual([
			'meta.currency: expected a 3-letter currency code in capitals, like "CNY" or "USD", got "cny"',
			'variables[0].name: expected a name of letters, digits and _ that does not start with a ' +
				'digit, at most 64 characters (like unit_cost), got "1price"',
			'variables[1].expr: expected a formula of at most 2000 characters, got 2001 characters',
			'variables[2].name: expected a name other than __proto__, got "__proto__"'
		]);
	});

	it('checks scenario override keys', () => {
		const file = arsFile();
		file.scenarios[0].overrides = { 'unit cost': '2' };
		expect(issueLines(file)).toEqual([
			'scenarios[0].overrides["unit cost"]: invalid key "unit cost": expected a name of letters, ' +
				'digits and _ that does not start with a digit, at most 64 characters (like unit_cost)'
		]);
	});

	it('truncates long received values', () => {
		const file = arsFile();
		file.meta.year = 'y'.repeat(10_000);
		const [line] = issueLines(file);
		expect(line).toBe(`meta.year: expected a number, got "${'y'.repeat(38)}…`);
	});

	it('describes unsupported blocks', () => {
		const file = arsFile();
		file.sections[0].blocks = [{ type: 'pie' }, {}, 5, { type: 'table', dataset: 'prices' }];
		expect(issueLines(file)).toEqual([
			'sections[0].blocks[0].type: expected one of note, variable, table, chart, checks, got "pie"',
			'sections[0].blocks[1].type: required, expected one of note, variable, table, chart, checks',
			'sections[0].blocks[2]: expected an object { … }, got 5',
			'sections[0].blocks[3].dataset: expected one of objectives, swot, segments, priceChain, ' +
				'competitors, budget, campaigns, seasonality, schedule, dealers, accounts, funnel, kpis, ' +
				'got "prices"'
		]);
	});
});

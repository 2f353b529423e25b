import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { BudgetLine, Campaign, PriceTier } from '../finance/types';
import type { Distribution } from '../simulate/distribution-types';
import { budgetLineSchema, campaignSchema, planDataSchema, priceTierSchema } from './schema-data';
import { isIsoDate } from './schema-primitives';
import { distributionSchema } from './schema';
import {
	DATA_SET_HOME,
	DATA_SET_NAMES,
	SECTION_KINDS,
	SECTION_TITLES,
	STANDARD_SECTION_KINDS
} from './sections';
import type { DataSetName, Plan, PlanData } from './types';

describe('contracts shared with finance and simulate', () => {
	it('infer exactly the contract types', () => {
		expectTypeOf<z.output<typeof priceTierSchema>>().toEqualTypeOf<PriceTier>();
		expectTypeOf<z.output<typeof budgetLineSchema>>().toEqualTypeOf<BudgetLine>();
		expectTypeOf<z.output<typeof campaignSchema>>().toEqualTypeOf<Campaign>();
		expectTypeOf<z.output<typeof distributionSchema>>().toEqualTypeOf<Distribution>();
	});

	it('make plan rows usable where finance expects them', () => {
		expectTypeOf<NonNullable<PlanData['priceChain']>>().toExtend<readonly PriceTier[]>();
		expectTypeOf<NonNullable<PlanData['budget']>>().toExtend<readonly BudgetLine[]>();
		expectTypeOf<NonNullable<PlanData['campaigns']>>().toExtend<readonly Campaign[]>();
		expectTypeOf<NonNullable<Plan['variables'][number]['distribution']>>().toEqualTypeOf<Distribution>();
	});
});

describe('section kinds and data sets', () => {
	it('lists the 11 standard kinds in plan order, then custom', () => {
		expect(STANDARD_SECTION_KINDS).toHaveLength(11);
		expect(SECTION_KINDS).toEqual([...STANDARD_SECTION_KINDS, 'custom']);
	});

	it('names every data set of the schema', () => {
		expectTypeOf<(typeof DATA_SET_NAMES)[number]>().toEqualTypeOf<DataSetName>();
		expect([...DATA_SET_NAMES].sort()).toEqual(Object.keys(planDataSchema.shape).sort());
		expect(Object.keys(DATA_SET_HOME).sort()).toEqual([...DATA_SET_NAMES].sort());
	});

	it('gives every data set a standard home section', () => {
		for (const home of Object.values(DATA_SET_HOME)) {
			expect(STANDARD_SECTION_KINDS).toContain(home);
		}
		expect(DATA_SET_HOME.priceChain).toBe('price');
		expect(DATA_SET_HOME.kpis).toBe('control');
	});

	it('titles every kind in both locales', () => {
		expect(SECTION_TITLES['zh-CN'].schedule).toBe('实施步骤');
		expect(SECTION_TITLES['zh-CN'].control).toBe('实施控制与修正');
		expect(SECTION_TITLES.en.target).toBe('Target market & positioning');
		for (const titles of Object.values(SECTION_TITLES)) {
			expect(Object.keys(titles)).toEqual([...SECTION_KINDS]);
		}
	});
});

describe('isIsoDate', () => {
	it.each([
		['2027-01-31', true],
		['2028-02-29', true],
		['2000-02-29', true],
		['1900-02-29', false],
		['0000-02-29', true],
		['2100-02-29', false],
		['2027-02-29', false],
		['2027-04-31', false],
		['2027-00-10', false],
		['2027-12-00', false],
		['2027-1-01', false],
		['2027-01-01T00:00', false],
		[' 2027-01-01', false]
	])('%s → %s', (text, valid) => {
		expect(isIsoDate(text)).toBe(valid);
	});
});

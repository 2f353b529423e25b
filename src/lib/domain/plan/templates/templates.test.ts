import { describe, expect, it } from 'vitest';
import { parsePlan } from '../parse';
import { SECTION_TITLES, STANDARD_SECTION_KINDS } from '../sections';
import type { Plan } from '../types';
import {
	DEFAULT_TEMPLATE_YEAR,
	PlanTemplateError,
	TEMPLATE_IDS,
	createPlanFromTemplate,
	isTemplateId,
	type TemplateId
} from './index';

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
const FILLED: TemplateId[] = ['deep-marketing-ars', 'marketing-plan'];

/** Every date a plan holds (objective deadlines and schedule dates). */
function datesOf(plan: Plan): string[] {
	const { objectives = [], schedule = [] } = plan.data;
	return [
		...objectives.map((row) => row.deadline),
		...schedule.flatMap((row) => [row.start, row.end])
	].filter((date): date is string => date !== undefined);
}

describe('createPlanFromTemplate', () => {
	it.each(TEMPLATE_IDS)('%s parses and survives a JSON round trip', (id) => {
		for (const year of [1900, DEFAULT_TEMPLATE_YEAR, 2028, 2200]) {
			const plan = createPlanFromTemplate(id, { year });
			const result = parsePlan(JSON.parse(JSON.stringify(plan)));
			expect(result.ok ? [] : result.errors).toEqual([]);
			expect(result).toEqual({ ok: true, plan });
		}
	});

	it.each(TEMPLATE_IDS)('%s returns an independent copy each call', (id) => {
		const first = createPlanFromTemplate(id);
		const second = createPlanFromTemplate(id);
		expect(second).toEqual(first);
		first.meta.title = 'changed';
		first.sections[0]!.blocks.push({ type: 'checks' });
		first.data.budget?.push({ name: 'x', category: 'x', kind: 'fixed', amount: 1 });
		first.data.seasonality?.splice(0, 1);
		first.data.dealers?.rows[0]?.scores.push(9);
		expect(createPlanFromTemplate(id)).toEqual(second);
		expect(second.meta.title).not.toBe('changed');
	});

	it.each(TEMPLATE_IDS)('%s moves every date into the chosen year', (id) => {
		const plan = createPlanFromTemplate(id, { year: 2031 });
		expect(plan.meta.year).toBe(2031);
		for (const date of datesOf(plan)) expect(date.slice(0, 4)).toBe('2031');
	});

	it('sets the title when asked', () => {
		expect(createPlanFromTemplate('marketing-plan', { title: 'Q' }).meta.title).toBe('Q');
	});

	it('refuses impossible options and unknown ids', () => {
		expect(() => createPlanFromTemplate('blank', { year: 2027.5 })).toThrow(PlanTemplateError);
		expect(() => createPlanFromTemplate('blank', { year: 3000 })).toThrow(PlanTemplateError);
		expect(() => createPlanFromTemplate('nope' as TemplateId)).toThrow(PlanTemplateError);
	});

	it('recognises template ids', () => {
		expect(TEMPLATE_IDS.every(isTemplateId)).toBe(true);
		expect(isTemplateId('Blank')).toBe(false);
		expect(isTemplateId(undefined)).toBe(false);
	});
});

describe('blank template', () => {
	it.each(['en', 'zh-CN'] as const)('has the 11 standard sections, empty, titled in %s', (locale) => {
		const plan = createPlanFromTemplate('blank', { locale });
		expect(plan.meta.locale).toBe(locale);
		expect(plan.sections.map((section) => section.kind)).toEqual([...STANDARD_SECTION_KINDS]);
		expect(plan.sections.map((section) => section.title)).toEqual(
			STANDARD_SECTION_KINDS.map((kind) => SECTION_TITLES[locale][kind])
		);
		expect(plan.sections.every((section) => section.text === '' && section.blocks.length === 0)).toBe(true);
		expect(plan.variables).toEqual([]);
		expect(plan.data).toEqual({});
		expect(plan.scenarios).toEqual([]);
	});

	it('defaults to English', () => {
		expect(createPlanFromTemplate('blank').meta.locale).toBe('en');
	});
});

describe.each(FILLED)('%s sample plan', (id) => {
	const plan = createPlanFromTemplate(id);
	const data = plan.data;
	const names = new Set(plan.variables.map((variable) => variable.name));

	it('has all 11 standard sections with guidance text', () => {
		expect(plan.sections.map((section) => section.kind)).toEqual([...STANDARD_SECTION_KINDS]);
		for (const section of plan.sections) expect(section.text.length).toBeGreaterThan(20);
	});

	it('has the finance inputs, each with a source', () => {
		const demand = names.has('volume') || ['base_volume', 'base_price', 'elasticity'].every((n) => names.has(n));
		expect(demand).toBe(true);
		for (const name of ['price', 'unit_cost', 'fixed_costs', 'volume', 'base_volume', 'base_price', 'elasticity']) {
			const variable = plan.variables.find((v) => v.name === name);
			if (variable) expect(variable.source, name).toBeTruthy();
		}
		expect(names.has('price') && names.has('unit_cost') && names.has('fixed_costs')).toBe(true);
	});

	it('refers only to variables it defines', () => {
		for (const section of plan.sections) {
			for (const block of section.blocks) if (block.type === 'variable') expect(names).toContain(block.name);
		}
		for (const scenario of plan.scenarios) {
			for (const name of Object.keys(scenario.overrides)) expect(names).toContain(name);
		}
		expect(plan.scenarios).toHaveLength(2);
	});

	it('has budget lines of all three kinds, promotion lines matching the campaigns', () => {
		const budget = data.budget ?? [];
		expect(new Set(budget.map((line) => line.kind))).toEqual(new Set(['fixed', 'per_unit', 'percent_of_revenue']));
		const promotion = sum(budget.filter((line) => line.category === 'promotion').map((line) => line.amount));
		expect(promotion).toBe(sum((data.campaigns ?? []).map((campaign) => campaign.cost)));
		expect(data.campaigns?.length).toBeGreaterThan(0);
	});

	it('has 12 seasonality shares summing to exactly 1 in floating point', () => {
		expect(data.seasonality).toHaveLength(12);
		expect(sum(data.seasonality ?? [])).toBe(1);
	});

	it('has a price chain whose tiers the channel section names, rates above their minimum', () => {
		const channel = plan.sections.find((section) => section.kind === 'channel');
		expect(data.priceChain?.length).toBe(2);
		for (const tier of data.priceChain ?? []) {
			expect(channel?.text).toContain(tier.tier);
			expect(tier.rate).toBeGreaterThanOrEqual(tier.minRate ?? 0);
		}
		expect(data.competitors?.length).toBeGreaterThan(0);
	});

	it('has an orderly schedule inside the plan year with a row for each part of the mix', () => {
		const schedule = data.schedule ?? [];
		const byId = new Map(schedule.map((row) => [row.id, row]));
		for (const row of schedule) {
			expect(row.owner && row.task && row.start && row.end).toBeTruthy();
			expect(row.start! <= row.end!).toBe(true);
			for (const dependency of row.dependsOn) {
				expect(byId.get(dependency)?.end! < row.start!).toBe(true);
			}
		}
		for (const kind of ['product', 'price', 'channel', 'promotion']) {
			expect(schedule.some((row) => row.section === kind)).toBe(true);
		}
		for (const date of datesOf(plan)) expect(date.startsWith(`${plan.meta.year}-`)).toBe(true);
	});

	it('has dealers weighted to 1, accounts, a funnel, KPIs with owners, SWOT and objectives', () => {
		expect(sum(data.dealers?.criteria.map((criterion) => criterion.weight) ?? [])).toBeCloseTo(1, 9);
		expect(data.dealers?.rows.length).toBeGreaterThan(1);
		expect(data.accounts?.length).toBeGreaterThan(3);
		expect(data.funnel?.length).toBeGreaterThan(1);
		expect(data.kpis?.every((kpi) => kpi.owner && kpi.frequency)).toBe(true);
		const swot = data.swot;
		expect([swot?.strengths, swot?.weaknesses, swot?.opportunities, swot?.threats].every((q) => q && q.length > 0)).toBe(true);
		expect(data.objectives?.every((o) => o.metric && o.unit && o.deadline && o.target !== undefined)).toBe(true);
		expect(data.segments?.some((segment) => segment.target)).toBe(true);
	});
});

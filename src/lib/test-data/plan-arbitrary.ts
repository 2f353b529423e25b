/**
 * fast-check generators of valid plans: every section kind, every data set, unique names, any
 * Unicode in free text. `planArb` yields parsed plans (defaults filled in), as the app holds them.
 */
import fc from 'fast-check';
import { parsePlan } from '../domain/plan/parse';
import { LOCALES, SECTION_KINDS } from '../domain/plan/sections';
import type { Plan } from '../domain/plan/types';

/** Free text: any Unicode, including markup, quotes and CJK. */
const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.constantFrom('<img src=x onerror=alert(1)>', '营销计划 & "引号"', '**bold** *i* [a](javascript:x)', ''));
/** Text of the markdown dialect, as the editor writes it. */
const word = fc.stringMatching(/^[A-Za-z0-9\u4e00-\u4e2f]{1,8}$/);
const line = fc.array(word, { minLength: 1, maxLength: 6 }).map((w) => w.join(' '));
const markdownBlock = fc.oneof(
	line,
	line.map((l) => `## ${l}`),
	fc.array(line, { minLength: 1, maxLength: 3 }).map((items) => items.map((i) => `- ${i}`).join('\n')),
	fc.array(line, { minLength: 1, maxLength: 3 }).map((items) => items.map((i, n) => `${n + 1}. ${i}`).join('\n')),
	line.map((l) => `**${l}** and *${l}*`),
	line.map((l) => `> ${l}`)
);
export const markdownArb = fc.array(markdownBlock, { maxLength: 4 }).map((blocks) => blocks.join('\n\n'));

const num = fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n));
const nonNeg = fc.double({ min: 0, max: 1e9, noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n));
const share = fc.double({ min: 0, max: 1, noNaN: true }).map((n) => (Object.is(n, -0) ? 0 : n));
const month = fc.integer({ min: 1, max: 12 });
const date = fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const uniqueBy = <T>(arb: fc.Arbitrary<T>, key: (t: T) => string, max = 5) => fc.uniqueArray(arb, { selector: key, maxLength: max });
const strip = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

const dataArb = fc.record(
	{
		objectives: fc.array(fc.record({ metric: opt(text), target: opt(num), unit: opt(text), deadline: opt(date), baseline: opt(num) }).map(strip), { maxLength: 3 }),
		swot: fc.record({ strengths: fc.array(text, { maxLength: 3 }), weaknesses: fc.array(text, { maxLength: 3 }), opportunities: fc.array(text, { maxLength: 3 }), threats: fc.array(text, { maxLength: 3 }) }),
		segments: fc.array(fc.record({ name: text, size: opt(nonNeg), target: opt(fc.boolean()) }).map(strip), { maxLength: 3 }),
		priceChain: fc.array(
			fc.oneof(
				fc.record({ tier: text, rate: fc.double({ min: 0, max: 0.9, noNaN: true }), basis: fc.constant('margin' as const), rebate: opt(share) }),
				fc.record({ tier: text, rate: fc.double({ min: 0, max: 3, noNaN: true }), basis: fc.constant('markup' as const), minRate: opt(share) })
			).map(strip),
			{ maxLength: 3 }
		),
		competitors: fc.array(fc.record({ name: text, price: num }), { maxLength: 3 }),
		budget: fc.array(fc.record({ name: text, category: text, kind: fc.constantFrom('fixed' as const, 'per_unit' as const, 'percent_of_revenue' as const), amount: num, month: opt(month) }).map(strip), { maxLength: 4 }),
		campaigns: fc.array(fc.record({ name: text, cost: num, month: opt(month), liftUnits: num }).map(strip), { maxLength: 3 }),
		seasonality: fc.array(share, { minLength: 12, maxLength: 12 }),
		schedule: uniqueBy(fc.record({ id: fc.stringMatching(/^t[0-9]{1,3}$/), task: opt(text), owner: opt(text), start: opt(date), end: opt(date), section: opt(fc.constantFrom(...SECTION_KINDS)), dependsOn: fc.array(fc.stringMatching(/^t[0-9]$/), { maxLength: 2 }) }).map(strip), (r) => r.id),
		dealers: fc.integer({ min: 0, max: 3 }).chain((n) =>
			fc.record({
				criteria: fc.array(fc.record({ name: text, weight: share }), { minLength: n, maxLength: n }),
				rows: fc.array(fc.record({ name: text, scores: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: n, maxLength: n }) }), { maxLength: 3 })
			})
		),
		accounts: fc.array(fc.record({ name: text, value: nonNeg }), { maxLength: 4 }),
		funnel: fc.array(fc.record({ stage: text, value: num, conversion: share, months: fc.integer({ min: 0, max: 12 }) }), { maxLength: 3 }),
		kpis: fc.array(fc.record({ name: text, metric: opt(text), target: opt(num), frequency: opt(fc.constantFrom('daily' as const, 'monthly' as const, 'yearly' as const)), owner: opt(text) }).map(strip), { maxLength: 3 })
	},
	{ requiredKeys: [] }
);

const FINANCE_INPUTS = ['price', 'unit_cost', 'volume', 'fixed_costs'];

const variablesArb = fc
	.tuple(
		fc.tuple(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 0, max: 1e7 })),
		uniqueBy(fc.stringMatching(/^x[a-z0-9_]{0,6}$/), (s) => s, 4),
		fc.array(opt(text), { minLength: 8, maxLength: 8 })
	)
	.map(([[price, cost, volume, fixed], extra, labels]) => [
		...FINANCE_INPUTS.map((name, i) => strip({ name, expr: String([price, cost, volume, fixed][i]), label: labels[i] })),
		...extra.map((name, i) => strip({ name, expr: i === 0 ? 'price * 2' : `${name === extra[0] ? 1 : extra[0]} + ${i}`, label: labels[4 + i] }))
	]);

const sectionArb = fc.record({ kind: fc.constantFrom(...SECTION_KINDS), title: text, text: fc.oneof(markdownArb, text) });

/** A plan file value (before parsing). */
export const planInputArb = fc
	.record({
		meta: fc.record({ title: text, locale: fc.constantFrom(...LOCALES), currency: fc.constantFrom('CNY', 'USD', 'EUR', 'JPY', 'CHF'), year: fc.integer({ min: 2000, max: 2100 }), standards: fc.constant([]) }),
		sections: fc.array(sectionArb, { maxLength: 6 }),
		variables: variablesArb,
		data: dataArb,
		simulation: opt(fc.record({ trials: fc.integer({ min: 100, max: 1e6 }), seed: fc.oneof(fc.integer(), fc.string()) })),
		decisions: opt(
			fc.array(
				fc.record({
					at: fc.constant('2027-03-01T10:00:00.000Z'),
					by: text,
					scenario: text,
					rationale: text,
					overrides: fc.dictionary(fc.constantFrom('price', 'volume'), num),
					figures: fc.dictionary(fc.constantFrom('profit', 'units'), fc.option(num, { nil: null }))
				}),
				// An empty log is no log: the doc keeps none, so the generator makes none.
				{ minLength: 1, maxLength: 2 }
			)
		),
		scenarios: uniqueBy(fc.record({ name: fc.string({ minLength: 1, maxLength: 10 }), overrides: fc.dictionary(fc.constantFrom('price', 'volume'), fc.constantFrom('price * 0.9', 'volume + 100', '42')) }), (s) => s.name, 3)
	})
	.map((p) => strip({ format: 'planbook.plan/v1', ...p }));

/** Parsed valid plans. */
export const planArb: fc.Arbitrary<Plan> = planInputArb.map((input) => {
	const parsed = parsePlan(input);
	if (!parsed.ok) throw new Error(`plan-arbitrary made an invalid plan: ${JSON.stringify(parsed.errors.slice(0, 3))}`);
	return parsed.plan;
});

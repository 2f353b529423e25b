/**
 * Schemas of the plan's `data` sets (DESIGN §3). The parser refuses only what cannot be
 * represented (wrong types, unknown keys, impossible dates, out-of-range numbers). Fields whose
 * absence is a finding of the standards (a schedule row without an owner, an objective without a
 * deadline, a KPI without a frequency) are optional here, so a half-written plan still loads and
 * the checks can point at the gap.
 */
import { z } from 'zod';
import type { BudgetLine, Campaign, PriceTier } from '../finance/types';
import { SECTION_KINDS } from './sections';
import {
	expecting,
	finiteNumber,
	fraction,
	monthNumber,
	nonEmptyText,
	nonNegativeNumber,
	optionalDate
} from './schema-primitives';

/** A measurable objective (S3.objectives): metric, numeric target, unit and deadline. */
export const objectiveSchema = z.strictObject({
	metric: z.string().optional(),
	target: finiteNumber.optional(),
	unit: z.string().optional(),
	deadline: optionalDate,
	baseline: finiteNumber.optional()
});

const swotList = z.array(z.string()).default([]);

/** SWOT quadrants; a missing quadrant reads as empty (S1.swot reports it). */
export const swotSchema = z.strictObject({
	strengths: swotList,
	weaknesses: swotList,
	opportunities: swotList,
	threats: swotList
});

/** A market segment; `target` marks the segments the plan focuses on. */
export const segmentSchema = z.strictObject({
	name: z.string(),
	size: nonNegativeNumber.optional(),
	target: z.boolean().optional()
});

const MARGIN_LIMIT = 'a number below 1 for a margin (a margin is a share of the selling price)';

/**
 * A tier of the price chain (DESIGN §5.1). A margin of 1 or more would make the tier's purchase
 * price zero or negative, so it is refused; markups have no upper bound.
 */
export const priceTierSchema = z
	.strictObject({
		tier: z.string(),
		rate: nonNegativeNumber,
		basis: z.enum(['markup', 'margin']),
		minRate: nonNegativeNumber.optional(),
		rebate: fraction.optional()
	})
	.superRefine((row, ctx) => {
		if (row.basis !== 'margin') return;
		for (const key of ['rate', 'minRate'] as const) {
			const rate = row[key];
			if (typeof rate === 'number' && rate >= 1) {
				ctx.addIssue({ code: 'custom', path: [key], input: rate, ...expecting(MARGIN_LIMIT) });
			}
		}
	}) satisfies z.ZodType<PriceTier>;

/** A competitor's consumer price, for P3.competitive. */
export const competitorSchema = z.strictObject({
	name: z.string(),
	price: finiteNumber
});

/** A budget line; `amount` is money, except a fraction for percent_of_revenue lines. */
export const budgetLineSchema = z.strictObject({
	name: z.string(),
	category: z.string(),
	kind: z.enum(['fixed', 'per_unit', 'percent_of_revenue']),
	amount: finiteNumber,
	month: monthNumber.optional()
}) satisfies z.ZodType<BudgetLine>;

/** A campaign with its cost and the extra units it is expected to sell. */
export const campaignSchema = z.strictObject({
	name: z.string(),
	cost: finiteNumber,
	month: monthNumber.optional(),
	liftUnits: finiteNumber
}) satisfies z.ZodType<Campaign>;

/** A schedule row. Only `id` is required: other rows refer to it through `dependsOn`. */
export const scheduleRowSchema = z.strictObject({
	id: nonEmptyText,
	task: z.string().optional(),
	owner: z.string().optional(),
	start: optionalDate,
	end: optionalDate,
	section: z.enum(SECTION_KINDS).optional(),
	dependsOn: z.array(z.string()).default([])
});

/** A dealer-evaluation criterion; weights ought to sum to 1 (F5 warns otherwise). */
export const dealerCriterionSchema = z.strictObject({
	name: z.string(),
	weight: finiteNumber
});

/** A dealer and its scores, one per criterion in criterion order. */
export const dealerRowSchema = z.strictObject({
	name: z.string(),
	scores: z.array(finiteNumber)
});

/** Weighted dealer scoring (DOMAIN: dealer survey). Every row scores every criterion. */
export const dealersSchema = z
	.strictObject({
		criteria: z.array(dealerCriterionSchema).default([]),
		rows: z.array(dealerRowSchema).default([])
	})
	.superRefine((dealers, ctx) => {
		if (!Array.isArray(dealers.criteria) || !Array.isArray(dealers.rows)) return;
		const count = dealers.criteria.length;
		dealers.rows.forEach((row, index) => {
			if (Array.isArray(row?.scores) && row.scores.length !== count) {
				ctx.addIssue({
					code: 'custom',
					path: ['rows', index, 'scores'],
					input: row.scores,
					...expecting(`${count} score${count === 1 ? '' : 's'}, one per criterion`)
				});
			}
		});
	});

/** A customer account for ABC classification. */
export const accountSchema = z.strictObject({
	name: z.string(),
	value: nonNegativeNumber
});

/** A sales-funnel stage: its value, the share converted to the next stage, its duration. */
export const funnelStageSchema = z.strictObject({
	stage: z.string(),
	value: finiteNumber,
	conversion: fraction,
	months: nonNegativeNumber
});

/** How often a KPI is reviewed. */
export const KPI_FREQUENCIES = ['daily', 'weekly', 'monthly', 'quarterly', 'yearly'] as const;

/** A KPI for the control section; S6.kpis reports a missing owner or frequency. */
export const kpiSchema = z.strictObject({
	name: z.string(),
	metric: z.string().optional(),
	target: finiteNumber.optional(),
	frequency: z.enum(KPI_FREQUENCIES).optional(),
	owner: z.string().optional()
});

/**
 * All data sets; each is optional. Seasonality may have any length here: F4.seasonality judges
 * it, so a plan with 11 months still opens and shows the finding.
 */
export const planDataSchema = z.strictObject({
	objectives: z.array(objectiveSchema).optional(),
	swot: swotSchema.optional(),
	segments: z.array(segmentSchema).optional(),
	priceChain: z.array(priceTierSchema).optional(),
	competitors: z.array(competitorSchema).optional(),
	budget: z.array(budgetLineSchema).optional(),
	campaigns: z.array(campaignSchema).optional(),
	seasonality: z.array(finiteNumber).optional(),
	schedule: z.array(scheduleRowSchema).optional(),
	dealers: dealersSchema.optional(),
	accounts: z.array(accountSchema).optional(),
	funnel: z.array(funnelStageSchema).optional(),
	kpis: z.array(kpiSchema).optional()
});

/**
 * Plan templates. Each call builds a new plan, so callers may mutate the result freely; dates,
 * deadlines and year-bearing titles follow `opts.year`.
 */
import { LOCALES } from '../sections';
import type { Locale, Plan } from '../types';
import { blankPlan } from './blank';
import { deepMarketingArsPlan } from './deep-marketing-ars';
import { marketingPlan } from './marketing-plan';

/** Template ids, as accepted by `POST /api/plans {"template": …}`. */
export const TEMPLATE_IDS = ['blank', 'deep-marketing-ars', 'marketing-plan'] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

/** The year templates use when none is given (the year of the shipped examples). */
export const DEFAULT_TEMPLATE_YEAR = 2027;

export interface TemplateOptions {
	/** Plan year, an integer 1900..2200; dates in the template move with it. */
	year?: number;
	/** Replaces the template's title. */
	title?: string;
	/** Language of the blank template's section titles (default `en`); the others have their own. */
	locale?: Locale;
}

/** Misuse of the template API: an unknown id or an impossible option. */
export class PlanTemplateError extends Error {
	override readonly name = 'PlanTemplateError';
}

/** True when `value` names a template (for ids that arrive over the network). */
export function isTemplateId(value: unknown): value is TemplateId {
	return typeof value === 'string' && (TEMPLATE_IDS as readonly string[]).includes(value);
}

/** A new plan from template `id`. Throws PlanTemplateError for an unknown id or invalid options. */
export function createPlanFromTemplate(id: TemplateId, opts: TemplateOptions = {}): Plan {
	const year = opts.year ?? DEFAULT_TEMPLATE_YEAR;
	if (!Number.isInteger(year) || year < 1900 || year > 2200) {
		throw new PlanTemplateError(`year must be a whole number from 1900 to 2200, got ${year}`);
	}
	const locale = opts.locale ?? 'en';
	if (!(LOCALES as readonly string[]).includes(locale)) {
		throw new PlanTemplateError(`unknown locale ${JSON.stringify(locale)}`);
	}
	const plan = build(id, year, locale);
	if (opts.title !== undefined) plan.meta.title = opts.title;
	return plan;
}

function build(id: TemplateId, year: number, locale: Locale): Plan {
	switch (id) {
		case 'blank':
			return blankPlan(year, locale);
		case 'deep-marketing-ars':
			return deepMarketingArsPlan(year);
		case 'marketing-plan':
			return marketingPlan(year);
		default:
			throw new PlanTemplateError(`unknown template ${JSON.stringify(id)}`);
	}
}

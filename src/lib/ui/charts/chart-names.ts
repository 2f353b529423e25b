/**
 * Names typed into data sets that are really codes: budget categories and price-chain tiers are
 * free text, but the templates and DESIGN's examples write English codes (`promotion`,
 * `distributor`) even in Chinese plans. Known codes read in the plan's language; anything else is
 * the planner's own word and is shown as written.
 */
import type { MessageKey } from '$lib/i18n';
import type { ChartContext } from './chart-spec';

const CATEGORY_KEYS: Readonly<Record<string, MessageKey>> = {
	product: 'charts.category.product',
	price: 'charts.category.price',
	channel: 'charts.category.channel',
	promotion: 'charts.category.promotion',
	people: 'charts.category.people',
	research: 'charts.category.research',
	other: 'charts.category.other'
};

const TIER_KEYS: Readonly<Record<string, MessageKey>> = {
	distributor: 'charts.tier.distributor',
	wholesaler: 'charts.tier.wholesaler',
	dealer: 'charts.tier.dealer',
	retailer: 'charts.tier.retailer'
};

function lookup(keys: Readonly<Record<string, MessageKey>>, name: string, ctx: ChartContext): string | null {
	const code = name.trim().toLowerCase();
	// hasOwn: a category called "constructor" must not find Object.prototype's.
	return Object.hasOwn(keys, code) ? ctx.t(keys[code] as MessageKey) : null;
}

/** A budget category for display; an empty one counts as "other". */
export function categoryLabel(category: string, ctx: ChartContext): string {
	if (category.trim() === '') return ctx.t('charts.category.other');
	return lookup(CATEGORY_KEYS, category, ctx) ?? category;
}

/** A price-chain tier for display. */
export function tierLabel(tier: string, ctx: ChartContext): string {
	return lookup(TIER_KEYS, tier, ctx) ?? tier;
}

/**
 * Test-data factories: build valid plans from just the parts a test cares about. Everything goes
 * through the real parser, so a factory can never produce a plan the app would reject.
 */
import { parsePlan } from '../domain/plan/parse.js';
import type { Plan, PlanInput } from '../domain/plan/types.js';

type VariableInput = PlanInput['variables'][number];

export interface PlanParts {
	title?: string;
	locale?: 'zh-CN' | 'en';
	/** `{ name: expr }` shorthand or full variable objects. */
	variables?: Record<string, string> | VariableInput[];
	data?: PlanInput['data'];
	scenarios?: PlanInput['scenarios'];
	sections?: PlanInput['sections'];
}

export function makePlan(parts: PlanParts = {}): Plan {
	const variables = Array.isArray(parts.variables)
		? parts.variables
		: Object.entries(parts.variables ?? {}).map(([name, expr]) => ({ name, expr }));
	const input: PlanInput = {
		format: 'planbook.plan/v1',
		meta: { title: parts.title ?? 'Test plan', locale: parts.locale ?? 'en', currency: 'CNY', year: 2027, standards: [] },
		sections: parts.sections ?? [],
		variables,
		data: parts.data ?? {},
		scenarios: parts.scenarios ?? []
	};
	const parsed = parsePlan(input);
	if (!parsed.ok) throw new Error(`invalid test plan: ${parsed.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
	return parsed.plan;
}

/** The textbook breakeven case: price 120, unit cost 80, fixed 600,000, volume 20,000. */
export function breakevenPlan(extra: Record<string, string> = {}): Plan {
	return makePlan({ variables: { price: '120', unit_cost: '80', fixed_costs: '600000', volume: '20000', ...extra } });
}

/** Constant-elasticity demand behind a retailer margin (like the price-scenarios example). */
export function elasticPlan(): Plan {
	return makePlan({
		variables: { price: '49', unit_cost: '14', fixed_costs: '250000', base_price: '49', base_volume: '30000', elasticity: '-1.8' },
		data: { priceChain: [{ tier: 'retailer', rate: 0.35, basis: 'margin' }] }
	});
}

/**
 * Deterministic plan generators for the benchmarks. Every random choice comes from a seeded PRNG
 * passed around explicitly (house rule 7: no Math.random, no module-level generator), so each run
 * measures exactly the same graph and numbers are comparable across machines and commits.
 */
import type { VariableDefinition } from '../src/lib/domain/formula/engine';
import type { FinanceData } from '../src/lib/domain/finance/types';
import type { ProgramVariable } from '../src/lib/domain/model/program';
import type { UncertainVariable } from '../src/lib/domain/simulate/montecarlo';

/** Uniform in [0, 1). */
export type Prng = () => number;

/**
 * mulberry32: a tiny 32-bit generator, plenty for shaping a test graph. The product's own sfc32
 * (simulate/random.ts) is deliberately not used here so the benchmark data does not change when
 * the code under test does.
 */
export function createPrng(seed: number): Prng {
	let state = seed | 0;
	return () => {
		state = (state + 0x6d2b79f5) | 0;
		let t = Math.imul(state ^ (state >>> 15), 1 | state);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	};
}

const intIn = (rng: Prng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));
const pick = <T>(rng: Prng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)] as T;

/** A generated formula plan: definitions in dependency order, and the names of its constants. */
export interface GeneratedPlan {
	definitions: VariableDefinition[];
	inputs: string[];
}

export interface FormulaPlanOptions {
	variables: number;
	inputs: number;
	/** Inputs every section may read, like a plan's price or inflation assumptions. */
	sharedInputs: number;
	/** Variables that each sum up many others at the end, like a plan's totals. */
	aggregates: number;
	seed: number;
}

/**
 * A plan of `variables` formulas shaped like a big real plan: independent sections (one per
 * non-shared pair of inputs) made of chains of 20–50 steps and fans reading 2–5 earlier names of
 * their section, a few shared inputs read here and there across sections, and totals at the end.
 * Sections keep an input's downstream set realistic (a handful of names up to a few hundred)
 * instead of the whole graph, which a uniformly random DAG would give.
 *
 * Every expression keeps values positive and bounded (no overflow to Infinity over long chains)
 * and uses only functions that mean the same in the engine and in mathjs, so the two can be
 * compared value for value.
 */
export function generateFormulaPlan(options: FormulaPlanOptions): GeneratedPlan {
	const rng = createPrng(options.seed);
	const definitions: VariableDefinition[] = [];
	const inputs: string[] = [];
	for (let i = 0; i < options.inputs; i++) {
		const name = `in_${i}`;
		inputs.push(name);
		definitions.push({ name, expr: inputValue(rng) });
	}
	const shared = inputs.slice(0, options.sharedInputs);
	const owned = inputs.slice(options.sharedInputs);
	const sectionCount = Math.max(1, owned.length >> 1);
	const formulas = options.variables - options.inputs - options.aggregates;
	let next = 0;
	const newName = () => `v_${next++}`;
	const tails: string[] = [];

	for (let s = 0; s < sectionCount; s++) {
		const quota = Math.floor(((s + 1) * formulas) / sectionCount) - Math.floor((s * formulas) / sectionCount);
		const [early, late] = owned.slice(2 * s, 2 * s + 2) as [string, string | undefined];
		const pool = [early];
		let made = 0;
		let lateIntroduced = late === undefined;
		// Mostly read recent names: real plans build on what was just defined, and it keeps the
		// section from collapsing into one blob where everything depends on everything. The
		// section's second input first appears late, as an assumption added for a later part of
		// the section would, so input downstream sets range from tens of names to whole sections.
		const local = (): string => {
			if (!lateIntroduced && made >= quota * 0.6) {
				lateIntroduced = true;
				pool.push(late as string);
				return late as string;
			}
			return rng() < 0.7 ? pick(rng, pool.slice(-20)) : pick(rng, pool);
		};
		while (made < quota) {
			// Fans need two distinct names to read, so a section opens with a chain.
			if (pool.length < 2 || rng() < 0.5) {
				let prev = local();
				const length = Math.min(quota - made, intIn(rng, 20, 50));
				for (let k = 0; k < length; k++, made++) {
					const name = newName();
					definitions.push({ name, expr: chainStep(rng, prev, rng() < 0.05 ? pick(rng, shared) : pick(rng, pool)) });
					pool.push(name);
					prev = name;
				}
			} else {
				const burst = Math.min(quota - made, intIn(rng, 3, 10));
				for (let k = 0; k < burst; k++, made++) {
					const refs = new Set<string>();
					const want = intIn(rng, 2, 5);
					while (refs.size < Math.min(want, pool.length)) refs.add(local());
					if (rng() < 0.03) refs.add(pick(rng, shared));
					const name = newName();
					definitions.push({ name, expr: fan(rng, [...refs]) });
					pool.push(name);
				}
			}
		}
		tails.push(pool[pool.length - 1] as string);
	}

	// Totals read many names: the section results, or a wide random sample of the plan.
	const formulaNames = definitions.slice(options.inputs).map((d) => d.name);
	for (let a = 0; a < options.aggregates; a++) {
		const refs =
			a % 2 === 0
				? tails
				: [...new Set(Array.from({ length: intIn(rng, 50, 150) }, () => pick(rng, formulaNames)))];
		const fn = a % 3 === 0 ? 'sum' : a % 3 === 1 ? 'mean' : 'max';
		definitions.push({ name: `total_${a}`, expr: `${fn}(${refs.join(', ')})` });
	}
	return { definitions, inputs };
}

/** A constant in [1, 100) with two decimals, as typed into a plan. */
export function inputValue(rng: Prng): string {
	return (1 + rng() * 99).toFixed(2);
}

function chainStep(rng: Prng, prev: string, input: string): string {
	switch (intIn(rng, 0, 4)) {
		case 0:
			return `${prev} * 1.002 + 0.5`;
		case 1:
			return `${prev} + ${input} * 0.01`;
		case 2:
			return `(${prev} + 3) / 1.05`;
		case 3:
			return `${prev} > 100 ? ${prev} * 0.9 : ${prev} + 1`;
		default:
			return `sqrt(${prev} * ${prev} + 1)`;
	}
}

function fan(rng: Prng, refs: readonly string[]): string {
	const [a, b] = refs as [string, string];
	const rest = refs.slice(2);
	const c = rest[0] ?? '1';
	switch (intIn(rng, 0, 4)) {
		case 0:
			return `mean(${refs.join(', ')})`;
		case 1:
			return `max(${refs.join(', ')}) - min(${refs.join(', ')}) + 1`;
		case 2:
			return `${a} * ${b} / (${a} + ${b} + 1)${rest.map((r) => ` + ${r} * 0.1`).join('')}`;
		case 3:
			return `${a} > ${b} ? ${a} - ${b} + 1 : ${b} * 0.5 + ${c}`;
		default:
			return `(${a} + ${b}) * 0.4 + ${c} * 0.2${rest.slice(1).map((r) => ` + ${r} * 0.05`).join('')}`;
	}
}

/** The DESIGN §5 model for Monte Carlo: its variables, plan data and 8 uncertain inputs. */
export interface FinancePlan {
	variables: ProgramVariable[];
	data: FinanceData;
	uncertain: UncertainVariable[];
}

/**
 * The deep-marketing ARS example plan (/work/shared/examples/deep-marketing-ars.plan.json) with
 * three more inputs so that 8 variables are uncertain and every distribution type is used.
 * `unit_cost` is split into material (normal) and freight (lognormal) so that an extra input can
 * feed cost: an uncertain variable's own expression is replaced, so nothing could feed it.
 */
export function financePlan(): FinancePlan {
	const variables: ProgramVariable[] = [
		{ name: 'price', expr: '6' },
		{ name: 'material_cost', expr: '1.95' },
		{ name: 'freight_per_unit', expr: '0.15' },
		{ name: 'unit_cost', expr: 'material_cost + freight_per_unit' },
		{ name: 'fixed_costs', expr: '900000' },
		{ name: 'market_size', expr: '19000000' },
		{ name: 'share', expr: '0.085' },
		{ name: 'growth', expr: '0.03' },
		{ name: 'coverage', expr: '1' },
		{ name: 'volume', expr: 'market_size * share * (1 + growth) * coverage' },
		{ name: 'target_profit', expr: '500000' },
		{ name: 'reference_price', expr: '6.5' },
		{ name: 'profit_gap', expr: 'profit - target_profit' },
		{ name: 'price_headroom', expr: 'reference_price - price' }
	];
	const data: FinanceData = {
		priceChain: [
			{ tier: 'distributor', rate: 0.1, basis: 'markup', minRate: 0.06, rebate: 0.02 },
			{ tier: 'retailer', rate: 0.25, basis: 'margin', minRate: 0.18 }
		],
		budget: [
			{ name: 'spring launch', category: 'promotion', kind: 'fixed', amount: 180_000, month: 3 },
			{ name: '618 display contest', category: 'promotion', kind: 'fixed', amount: 120_000, month: 6 },
			{ name: 'national day promotion', category: 'promotion', kind: 'fixed', amount: 100_000, month: 10 },
			{ name: 'account advisers', category: 'channel', kind: 'fixed', amount: 360_000 },
			{ name: 'delivery subsidy', category: 'channel', kind: 'per_unit', amount: 0.08 },
			{ name: 'retail commission', category: 'channel', kind: 'percent_of_revenue', amount: 0.02 }
		],
		campaigns: [
			{ name: 'spring launch', cost: 180_000, month: 3, liftUnits: 60_000 },
			{ name: '618 display contest', cost: 120_000, month: 6, liftUnits: 45_000 },
			{ name: 'national day promotion', cost: 100_000, month: 10, liftUnits: 30_000 }
		],
		seasonality: [0.05, 0.05, 0.07, 0.08, 0.09, 0.11, 0.12, 0.12, 0.1, 0.08, 0.07, 0.06]
	};
	const uncertain: UncertainVariable[] = [
		{ name: 'price', distribution: { type: 'triangular', min: 5.5, mode: 6, max: 6.8 } },
		{ name: 'material_cost', distribution: { type: 'normal', mean: 1.95, sd: 0.12 } },
		{ name: 'freight_per_unit', distribution: { type: 'lognormal', mu: Math.log(0.15), sigma: 0.2 } },
		{ name: 'fixed_costs', distribution: { type: 'uniform', min: 850_000, max: 980_000 } },
		{ name: 'market_size', distribution: { type: 'lognormal', mu: Math.log(19_000_000), sigma: 0.1 } },
		{ name: 'share', distribution: { type: 'pert', min: 0.06, mode: 0.085, max: 0.11 } },
		{ name: 'growth', distribution: { type: 'normal', mean: 0.03, sd: 0.02 } },
		{ name: 'coverage', distribution: { type: 'pert', min: 0.85, mode: 1, max: 1.1 } }
	];
	return { variables, data, uncertain };
}

/**
 * The `planbook.plan/v1` file format (DESIGN §3) as zod schemas. Every object is strict: an
 * unknown key is an error naming its path, so a typo ("colour", "liftunits") never silently drops
 * data. Data sets live in schema-data.ts; small shared checks in schema-primitives.ts.
 */
import { packDefinitionSchema } from '../standards/pack-schema';
import { z } from 'zod';
import type { Distribution } from '../simulate/distribution-types';
import { DATA_SET_NAMES, LOCALES, SECTION_KINDS } from './sections';
import { planDataSchema } from './schema-data';
import {
	expecting,
	expression,
	finiteNumber,
	nonEmptyText,
	nonNegativeNumber,
	numberIn,
	variableName
} from './schema-primitives';

/** The format id this code reads and writes. */
export const PLAN_FORMAT = 'planbook.plan/v1';

/** Title, language, currency and year of the plan, plus the standards it is checked against. */
export const planMetaSchema = z.strictObject({
	title: z.string(),
	locale: z.enum(LOCALES),
	currency: z
		.string()
		.refine(
			(code) => /^[A-Z]{3}$/.test(code),
			expecting('a 3-letter currency code in capitals, like "CNY" or "USD"')
		),
	year: numberIn({ min: 1900, max: 2200, int: true }),
	standards: z.array(z.string()).default([])
});

/** The block types a section can hold (DESIGN §3). */
export const BLOCK_TYPES = ['note', 'variable', 'table', 'chart', 'checks'] as const;

/** A block inside a section, told apart by `type`. */
export const blockSchema = z.discriminatedUnion('type', [
	z.strictObject({ type: z.literal('note'), text: z.string() }),
	z.strictObject({ type: z.literal('variable'), name: variableName }),
	z.strictObject({ type: z.literal('table'), dataset: z.enum(DATA_SET_NAMES) }),
	z.strictObject({ type: z.literal('chart'), chart: z.string() }),
	z.strictObject({ type: z.literal('checks') })
]);

/** A section of the plan: its kind, title, markdown text and blocks. */
export const sectionSchema = z.strictObject({
	kind: z.enum(SECTION_KINDS),
	title: z.string(),
	text: z.string(),
	blocks: z.array(blockSchema).default([])
});

interface Bounds {
	min?: unknown;
	mode?: unknown;
	max?: unknown;
}

/**
 * min ≤ mode ≤ max for triangular and PERT, min ≤ max for uniform. The issue goes on the field
 * that breaks the order so the editor can highlight it. Fields that already failed their own type
 * check are skipped: zod still runs this refinement on a partly invalid object.
 */
function checkBounds(bounds: Bounds, ctx: z.RefinementCtx): void {
	const { min, mode, max } = bounds;
	if (typeof min !== 'number' || typeof max !== 'number') return;
	if (min > max) {
		ctx.addIssue({
			code: 'custom',
			path: ['max'],
			input: max,
			...expecting(`a number at least min (${min})`)
		});
		return;
	}
	if (typeof mode === 'number' && (mode < min || mode > max)) {
		ctx.addIssue({
			code: 'custom',
			path: ['mode'],
			input: mode,
			...expecting(`a number from min (${min}) to max (${max})`)
		});
	}
}

/** Monte Carlo uncertainty of a variable; must infer exactly the simulate module's contract. */
export const distributionSchema = z.discriminatedUnion('type', [
	z.strictObject({ type: z.literal('normal'), mean: finiteNumber, sd: nonNegativeNumber }),
	z.strictObject({ type: z.literal('lognormal'), mu: finiteNumber, sigma: nonNegativeNumber }),
	z
		.strictObject({
			type: z.literal('triangular'),
			min: finiteNumber,
			mode: finiteNumber,
			max: finiteNumber
		})
		.superRefine(checkBounds),
	z
		.strictObject({ type: z.literal('uniform'), min: finiteNumber, max: finiteNumber })
		.superRefine(checkBounds),
	z
		.strictObject({
			type: z.literal('pert'),
			min: finiteNumber,
			mode: finiteNumber,
			max: finiteNumber
		})
		.superRefine(checkBounds)
]) satisfies z.ZodType<Distribution>;

/** A named input or formula (DESIGN §4). */
export const variableSchema = z.strictObject({
	name: variableName,
	expr: expression,
	label: z.string().optional(),
	unit: z.string().optional(),
	source: z.string().optional(),
	distribution: distributionSchema.optional()
});

/**
 * Refinement for a list whose rows must have distinct names: formulas and the scenario picker
 * look rows up by name. `listPath` is where the list sits in the file, for the "(also …)" hint.
 */
function uniqueNames(listPath: string, noun: string) {
	return (rows: readonly { name?: unknown }[], ctx: z.RefinementCtx): void => {
		if (!Array.isArray(rows)) return;
		const firstIndex = new Map<string, number>();
		rows.forEach((row, index) => {
			const name = row?.name;
			if (typeof name !== 'string') return;
			const first = firstIndex.get(name);
			if (first === undefined) {
				firstIndex.set(name, index);
				return;
			}
			ctx.addIssue({
				code: 'custom',
				path: [index, 'name'],
				input: name,
				message: `duplicate ${noun} "${name}" (also ${listPath}[${first}])`
			});
		});
	};
}

/**
 * An alternative to the base plan: each override is an expression evaluated in the base scope
 * (DESIGN §4), keyed by the variable it replaces.
 */
export const scenarioSchema = z.strictObject({
	name: nonEmptyText,
	overrides: z.record(variableName, expression).default({})
});

/** Monte Carlo settings kept with the plan, so everyone (and the CLI) runs the same trials. */
export const simulationSettingsSchema = z.strictObject({
	trials: numberIn({ min: 100, max: 1_000_000, int: true }),
	seed: z.union([z.number().int(), z.string()])
});

/**
 * One entry of the decision log: a scenario adopted as the plan, by whom, when and why, with the
 * values its overrides took and the key figures right after.
 */
export const decisionSchema = z.strictObject({
	at: z.string(),
	by: z.string(),
	scenario: z.string(),
	rationale: z.string(),
	overrides: z.record(variableName, z.number()),
	figures: z.record(z.string(), z.number().nullable())
});

/**
 * Zod skips refinements of a list once any row has an error; duplicates are worth reporting in the
 * same pass, so these run on every list (the refinement itself guards against malformed rows).
 */
const evenWithRowErrors = { when: (payload: { value: unknown }) => Array.isArray(payload.value) };

/** A whole plan file. */
export const planSchema = z.strictObject({
	format: z.literal(PLAN_FORMAT),
	meta: planMetaSchema,
	sections: z.array(sectionSchema),
	variables: z.array(variableSchema).superRefine(uniqueNames('variables', 'variable name'), evenWithRowErrors),
	data: planDataSchema.default({}),
	scenarios: z
		.array(scenarioSchema)
		.superRefine(uniqueNames('scenarios', 'scenario name'), evenWithRowErrors)
		.default([]),
	/**
	 * Custom rule packs kept with the plan (DESIGN §6), so every collaborator, the server and the CLI
	 * check against the same rules; `meta.standards` names which packs apply.
	 */
	packs: z.array(packDefinitionSchema).optional(),
	/** Monte Carlo trial count and seed (the simulation views' settings). */
	simulation: simulationSettingsSchema.optional(),
	/** Scenarios adopted as the plan, oldest first. */
	decisions: z.array(decisionSchema).optional()
});

/**
 * The shape of a custom rule pack (DESIGN §6), YAML or JSON:
 * `{ id, title: {en, zh-CN}, extends?, thresholds?, rules?: [{ id, severity, assert | requireSections |
 * requireData, target?, message: {en, zh-CN}, hint? }] }`.
 */
import { z } from 'zod';
import { DATA_SET_NAMES, SECTION_KINDS } from '../plan/sections.js';

const localized = z.strictObject({ en: z.string().min(1), 'zh-CN': z.string().min(1) });

const target = z.union([
	z.strictObject({ section: z.enum(SECTION_KINDS) }),
	z.strictObject({ variable: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/) }),
	z.strictObject({ data: z.enum(DATA_SET_NAMES), row: z.number().int().min(0).optional() })
]);

export const ruleDefinitionSchema = z
	.strictObject({
		id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'letters, digits, dots, dashes'),
		severity: z.enum(['error', 'warning', 'info']),
		assert: z.string().min(1).optional(),
		requireSections: z.array(z.enum(SECTION_KINDS)).min(1).optional(),
		requireData: z.array(z.enum(DATA_SET_NAMES)).min(1).optional(),
		target: target.optional(),
		message: localized,
		hint: localized.optional()
	})
	.refine((r) => [r.assert, r.requireSections, r.requireData].filter((x) => x !== undefined).length === 1, {
		message: 'a rule needs exactly one of assert, requireSections or requireData'
	});

export const packDefinitionSchema = z.strictObject({
	id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'letters, digits, dots, dashes'),
	title: localized,
	extends: z.string().optional(),
	thresholds: z.record(z.string(), z.number().finite()).optional(),
	rules: z.array(ruleDefinitionSchema).default([])
});

export type RuleDefinition = z.output<typeof ruleDefinitionSchema>;
export type PackDefinition = z.output<typeof packDefinitionSchema>;

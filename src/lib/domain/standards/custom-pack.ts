/**
 * Custom rule packs: parsed from YAML or JSON, checked (hostile `assert` expressions are refused
 * exactly like hostile formulas), then resolved against built-in and other packs through `extends`.
 * Every problem names the rule and field, e.g. `rules[0] (acme.margin).assert: function "import" is
 * not allowed`.
 */
import { parse as parseYaml } from 'yaml';
import { compileIr } from '../formula/compile.js';
import { checkExpression, isFormulaError, type CheckedExpression } from '../formula/expression.js';
import { SECTION_TITLES } from '../plan/sections.js';
import type { Plan } from '../plan/types.js';
import { packDefinitionSchema, type PackDefinition, type RuleDefinition } from './pack-schema.js';
import { BUILT_IN_PACKS } from './deep-marketing.js';
import type { Problem, Rule, RuleContext, StandardPack } from './types.js';

export type PackParseResult = { ok: true; pack: PackDefinition } | { ok: false; errors: string[] };

const MAX_PACK_BYTES = 1_000_000;

function pathOf(path: readonly PropertyKey[], input: unknown): string {
	let out = '';
	let node: unknown = input;
	for (const key of path) {
		if (typeof key === 'number') {
			out += `[${key}]`;
			const rule = path[0] === 'rules' && out === `rules[${key}]` ? (node as unknown[])[key] : undefined;
			if (rule && typeof rule === 'object' && typeof (rule as { id?: unknown }).id === 'string') out += ` (${(rule as { id: string }).id})`;
		} else out += (out ? '.' : '') + String(key);
		node = node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined;
	}
	return out || '$';
}

/** Parses a pack from YAML or JSON text (JSON is YAML). */
export function parsePackText(text: string): PackParseResult {
	if (text.length > MAX_PACK_BYTES) return { ok: false, errors: ['$: the pack is larger than 1 MB'] };
	let raw: unknown;
	try {
		// Few aliases: a "billion laughs" document must not expand.
		raw = parseYaml(text, { maxAliasCount: 50, prettyErrors: true });
	} catch (e) {
		return { ok: false, errors: [`$: not valid YAML or JSON: ${(e as Error).message.split('\n')[0]}`] };
	}
	return parsePackValue(raw);
}

export function parsePackValue(raw: unknown): PackParseResult {
	const parsed = packDefinitionSchema.safeParse(raw);
	if (!parsed.success) {
		return { ok: false, errors: parsed.error.issues.map((i) => `${pathOf(i.path, raw)}: ${i.message}`) };
	}
	const errors: string[] = [];
	const seen = new Set<string>();
	parsed.data.rules.forEach((rule, i) => {
		if (seen.has(rule.id)) errors.push(`rules[${i}] (${rule.id}).id: duplicate rule id`);
		seen.add(rule.id);
		if (rule.assert !== undefined) {
			const checked = checkExpression(rule.assert);
			if (isFormulaError(checked)) errors.push(`rules[${i}] (${rule.id}).assert: ${checked.message}`);
		}
	});
	return errors.length > 0 ? { ok: false, errors } : { ok: true, pack: parsed.data };
}

function assertRule(def: RuleDefinition, expr: CheckedExpression): Rule['check'] {
	return (ctx: RuleContext): Problem[] => {
		const target = def.target ?? { section: 'budget' as const };
		const missing = expr.refs.filter((r) => !ctx.values.has(r));
		if (missing.length > 0) {
			const names = missing.join(', ');
			return [{ target, message: { en: `Cannot check ${def.id}: no value for ${names}.`, 'zh-CN': `无法检查 ${def.id}：${names} 没有数值。` } }];
		}
		const names = [...expr.refs];
		const slots = names.map((n) => ctx.values.get(n) as number);
		const value = compileIr(expr.ir, (n) => names.indexOf(n))(slots);
		return value !== 0 && !Number.isNaN(value) ? [] : [{ target, message: def.message }];
	};
}

function structuralRule(def: RuleDefinition): Rule['check'] {
	return ({ plan }: { plan: Plan }): Problem[] => {
		const out: Problem[] = [];
		for (const kind of def.requireSections ?? []) {
			const ok = plan.sections.some((s) => s.kind === kind && (s.text.trim() !== '' || s.blocks.length > 0));
			if (!ok) out.push({ target: def.target ?? { section: kind }, message: withSubject(def.message, SECTION_TITLES.en[kind], SECTION_TITLES['zh-CN'][kind]) });
		}
		for (const set of def.requireData ?? []) {
			const value = plan.data[set];
			const ok = Array.isArray(value) ? value.length > 0 : value !== undefined;
			if (!ok) out.push({ target: def.target ?? { data: set }, message: withSubject(def.message, set, set) });
		}
		return out;
	};
}

/** Appends what is missing to the pack's message, so one rule over many sections stays precise. */
function withSubject(message: { en: string; 'zh-CN': string }, en: string, zh: string) {
	return { en: `${message.en} (${en})`, 'zh-CN': `${message['zh-CN']}（${zh}）` };
}

/**
 * The rule a definition describes, or the problem of its `assert`. Packs read with parsePackText
 * were checked already; packs kept in a plan file reach here unchecked (the plan schema takes them
 * as data), so a hostile assert must be a reported problem here, never a throw.
 */
function toRule(def: RuleDefinition): Rule | { error: string } {
	const hint = def.hint ?? def.message;
	if (def.assert !== undefined) {
		const checked = checkExpression(def.assert);
		if (isFormulaError(checked)) return { error: checked.message };
		return { id: def.id, item: 'custom', severity: def.severity, hint, check: assertRule(def, checked) };
	}
	return { id: def.id, item: 'custom', severity: def.severity, hint, check: structuralRule(def) };
}

export type ResolveResult = { ok: true; pack: StandardPack } | { ok: false; errors: string[] };

/**
 * Resolves a parsed pack: its `extends` chain (built-in packs and `others`, by id) is flattened,
 * thresholds are merged and must name a rule that has one.
 */
export function resolvePack(def: PackDefinition, others: readonly PackDefinition[] = [], seen: readonly string[] = []): ResolveResult {
	if (seen.includes(def.id)) return { ok: false, errors: [`extends: packs extend each other in a loop (${[...seen, def.id].join(' → ')})`] };
	let base: StandardPack | undefined;
	if (def.extends !== undefined) {
		// The pack itself joins the pool so a chain that leads back to it is seen as a loop.
		const pool = others.some((p) => p.id === def.id) ? others : [...others, def];
		const builtIn = BUILT_IN_PACKS[def.extends];
		const other = pool.find((p) => p.id === def.extends);
		if (builtIn) base = builtIn;
		else if (other) {
			const r = resolvePack(other, pool, [...seen, def.id]);
			if (!r.ok) return r;
			base = r.pack;
		} else return { ok: false, errors: [`extends: unknown standard "${def.extends}"`] };
	}
	const rules = new Map((base?.rules ?? []).map((r) => [r.id, r] as const));
	const errors: string[] = [];
	def.rules.forEach((definition, index) => {
		const rule = toRule(definition);
		if ('error' in rule) errors.push(`rules[${index}] (${definition.id}).assert: ${rule.error}`);
		else rules.set(definition.id, rule);
	});
	const thresholds = { ...(base?.thresholds ?? {}) };
	for (const [id, value] of Object.entries(def.thresholds ?? {})) {
		if (!(id in thresholds)) errors.push(`thresholds.${id}: no rule "${id}" with a threshold`);
		else thresholds[id] = value;
	}
	if (errors.length > 0) return { ok: false, errors };
	return { ok: true, pack: { id: def.id, title: def.title, rules: [...rules.values()], thresholds } };
}

/**
 * The packs a plan is checked against: the ids in `meta.standards` (the built-in deep-marketing
 * standard when none is listed and no extra pack is given), looked up among the built-in packs and
 * the plan's own `packs`, plus `extra` (e.g. the CLI's --standard).
 */
export function resolvePlanStandards(plan: Plan, extra: readonly PackDefinition[] = []): { ok: true; packs: StandardPack[] } | { ok: false; errors: string[] } {
	const own = [...(plan.packs ?? []), ...extra];
	const ids = plan.meta.standards.length > 0 || extra.length > 0 ? [...plan.meta.standards] : ['deep-marketing'];
	for (const p of extra) if (!ids.includes(p.id)) ids.push(p.id);
	const packs: StandardPack[] = [];
	for (const id of ids) {
		const builtIn = BUILT_IN_PACKS[id];
		if (builtIn) {
			packs.push(builtIn);
			continue;
		}
		const def = own.find((p) => p.id === id);
		if (!def) return { ok: false, errors: [`meta.standards: unknown standard "${id}"`] };
		const resolved = resolvePack(def, own);
		if (!resolved.ok) return { ok: false, errors: resolved.errors.map((e) => `packs (${id}): ${e}`) };
		packs.push(resolved.pack);
	}
	return { ok: true, packs };
}

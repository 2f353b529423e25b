/** Small helpers shared by the built-in rules. */
import type { Localized, Problem, RuleContext, FindingTarget } from '../types.js';

export const text = (en: string, zh: string): Localized => ({ en, 'zh-CN': zh });

export function problem(target: FindingTarget, en: string, zh: string, extra: Partial<Problem> = {}): Problem {
	return { target, message: text(en, zh), ...extra };
}

/**
 * A finance output the rule needs, or a problem saying why it is unavailable. Rules on finance
 * figures report the missing inputs once instead of failing silently.
 */
export function needOutput(ctx: RuleContext, name: string, target: FindingTarget): number | Problem {
	const v = ctx.values.get(name);
	if (v !== undefined) return v;
	const why = ctx.financeError?.message ?? `${name} has no value`;
	return problem(target, `Cannot check: ${why}.`, `无法检查：${why}。`);
}

export const isProblem = (x: number | Problem): x is Problem => typeof x !== 'number';

export function fmt(x: number, digits = 2): string {
	return Number.isInteger(x) ? String(x) : x.toFixed(digits).replace(/\.?0+$/, '');
}

export function pct(x: number): string {
	return `${fmt(x * 100, 1)}%`;
}

/**
 * What changed between two versions of a plan, for the version history: the key figures of each
 * (and their difference), and which sections changed — a section changed when its title, text or
 * blocks differ, or when a data set that lives in it differs (a budget edit changes "budget").
 * Variables and scenarios are reported on their own, as they belong to no one section.
 */
import { FINANCE_OUTPUT_NAMES, type FinanceOutputName } from '../finance/types.js';
import { DATA_SET_HOME, DATA_SET_NAMES } from '../plan/sections.js';
import type { Plan, SectionKind } from '../plan/types.js';
import { simulatePlan } from './report.js';

export interface FigureChange {
	name: FinanceOutputName | 'payback_month';
	before: number | null;
	after: number | null;
	/** after − before; null when either is missing. */
	delta: number | null;
}

export interface SectionChange {
	kind: SectionKind;
	title: string;
	status: 'added' | 'removed' | 'changed';
}

export interface PlanComparison {
	figures: FigureChange[];
	sections: SectionChange[];
	variablesChanged: string[];
	scenariosChanged: boolean;
	titleChanged: boolean;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function figuresOf(plan: Plan): Record<string, number | null> {
	const outcome = simulatePlan(plan);
	if (!outcome.ok) return {};
	return { ...outcome.report.outputs, payback_month: outcome.report.payback_month };
}

/** Sections keyed by kind and occurrence (the second custom section is `custom#2`). */
function keyed(plan: Plan): Map<string, Plan['sections'][number]> {
	const seen = new Map<string, number>();
	const out = new Map<string, Plan['sections'][number]>();
	for (const section of plan.sections) {
		const n = (seen.get(section.kind) ?? 0) + 1;
		seen.set(section.kind, n);
		out.set(n === 1 ? section.kind : `${section.kind}#${n}`, section);
	}
	return out;
}

export function comparePlans(before: Plan, after: Plan): PlanComparison {
	const a = figuresOf(before);
	const b = figuresOf(after);
	const figures: FigureChange[] = [...FINANCE_OUTPUT_NAMES, 'payback_month' as const].map((name) => {
		const x = a[name] ?? null;
		const y = b[name] ?? null;
		return { name, before: x, after: y, delta: x !== null && y !== null ? y - x : null };
	});

	const changedSets = new Set<SectionKind>();
	for (const name of DATA_SET_NAMES) if (!same(before.data[name], after.data[name])) changedSets.add(DATA_SET_HOME[name]);

	const sections: SectionChange[] = [];
	const old = keyed(before);
	const now = keyed(after);
	for (const [key, section] of now) {
		const previous = old.get(key);
		if (!previous) sections.push({ kind: section.kind, title: section.title, status: 'added' });
		else if (!same(previous, section) || (!key.includes('#') && changedSets.has(section.kind))) {
			sections.push({ kind: section.kind, title: section.title, status: 'changed' });
		}
	}
	for (const [key, section] of old) if (!now.has(key)) sections.push({ kind: section.kind, title: section.title, status: 'removed' });

	const oldVars = new Map(before.variables.map((v) => [v.name, v]));
	const newVars = new Map(after.variables.map((v) => [v.name, v]));
	const variablesChanged = [...new Set([...oldVars.keys(), ...newVars.keys()])].filter((n) => !same(oldVars.get(n), newVars.get(n))).sort();

	return {
		figures,
		sections,
		variablesChanged,
		scenariosChanged: !same(before.scenarios, after.scenarios),
		titleChanged: before.meta.title !== after.meta.title
	};
}

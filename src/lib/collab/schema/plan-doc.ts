/**
 * Plan file ⇄ Y.Doc. `writePlanToDoc` fills an empty doc from a validated plan in one transaction
 * (so a half-made plan is never synced); `readPlanFromDoc` turns the doc back into a plan file and
 * validates it, which is what export, the CLI on the server and the live model read.
 */
import * as Y from 'yjs';
import { parsePlan } from '../../domain/plan/parse.js';
import type { Plan, PlanData, PlanParseResult } from '../../domain/plan/types.js';
import { PLAN_FORMAT } from '../../domain/plan/schema.js';
import { readDataSet, writeDataSet } from './datasets.js';
import { readMarkdown, writeMarkdown } from './rich-text.js';
import { DOC_SCHEMA_VERSION, planRoots, rowFields, rowMap, type YRow } from './roots.js';

const META_KEYS = ['title', 'locale', 'currency', 'year', 'standards'] as const;

/** Thrown when asked to fill a doc that already holds a plan (programming misuse). */
export class DocNotEmptyError extends Error {
	override name = 'DocNotEmptyError';
}

export function isPlanDocEmpty(doc: Y.Doc): boolean {
	const r = planRoots(doc);
	return r.meta.size === 0 && r.sections.length === 0 && r.variables.length === 0;
}

export function writePlanToDoc(doc: Y.Doc, plan: Plan, origin: unknown = null): void {
	if (!isPlanDocEmpty(doc)) throw new DocNotEmptyError('the document already holds a plan');
	doc.transact(() => fillDoc(doc, plan), origin);
}

/**
 * Replaces the plan in `doc` with `plan` as one new change (restoring a version): every peer sees
 * the old content go and the new arrive together, and the doc's history keeps both. Comments stay.
 */
export function replacePlanInDoc(doc: Y.Doc, plan: Plan, origin: unknown = null): void {
	const r = planRoots(doc);
	doc.transact(() => {
		for (const key of [...r.meta.keys()]) r.meta.delete(key);
		for (const list of [r.sections, r.variables, r.scenarios, r.packs, r.decisions]) if (list.length > 0) list.delete(0, list.length);
		for (const key of [...r.data.keys()]) r.data.delete(key);
		for (const key of [...r.simulation.keys()]) r.simulation.delete(key);
		fillDoc(doc, plan);
	}, origin);
}

function fillDoc(doc: Y.Doc, plan: Plan): void {
	const r = planRoots(doc);
	r.meta.set('$schema', DOC_SCHEMA_VERSION);
	for (const k of META_KEYS) r.meta.set(k, plan.meta[k]);
	for (const s of plan.sections) {
		const section = rowMap({ kind: s.kind, title: s.title });
		r.sections.push([section]);
		const body = new Y.XmlFragment();
		section.set('body', body);
		writeMarkdown(body, s.text);
		const blocks = new Y.Array<YRow>();
		section.set('blocks', blocks);
		blocks.push(s.blocks.map((b) => rowMap(b)));
	}
	r.variables.push(plan.variables.map((v) => rowMap(v)));
	for (const [name, value] of Object.entries(plan.data)) {
		writeDataSet(r.data, name as keyof PlanData, value as PlanData[keyof PlanData]);
	}
	for (const s of plan.scenarios) {
		const scenario = rowMap({ name: s.name });
		r.scenarios.push([scenario]);
		const overrides = new Y.Map<string>();
		scenario.set('overrides', overrides);
		for (const [k, v] of Object.entries(s.overrides)) overrides.set(k, v);
	}
	if (plan.packs) r.packs.push(plan.packs.map((definition) => rowMap({ definition })));
	if (plan.simulation) for (const [k, v] of Object.entries(plan.simulation)) r.simulation.set(k, v);
	if (plan.decisions) r.decisions.push(plan.decisions.map((d) => rowMap(d)));
}

/** The doc as an unvalidated plan-file object. */
export function readPlanInput(doc: Y.Doc): Record<string, unknown> {
	const r = planRoots(doc);
	const meta: Record<string, unknown> = {};
	for (const k of META_KEYS) if (r.meta.has(k)) meta[k] = r.meta.get(k);
	const data: Record<string, unknown> = {};
	for (const name of r.data.keys()) data[name] = readDataSet(r.data, name as keyof PlanData);
	return {
		format: PLAN_FORMAT,
		meta,
		sections: (r.sections.toArray() as YRow[]).map((s) => {
			const body = s.get('body');
			const blocks = s.get('blocks');
			return {
				kind: s.get('kind'),
				title: s.get('title') ?? '',
				text: body instanceof Y.XmlFragment ? readMarkdown(body) : '',
				blocks: blocks instanceof Y.Array ? (blocks.toArray() as YRow[]).map(rowFields) : []
			};
		}),
		variables: (r.variables.toArray() as YRow[]).map(rowFields),
		data,
		scenarios: (r.scenarios.toArray() as YRow[]).map((s) => {
			const overrides = s.get('overrides');
			return { name: s.get('name'), overrides: overrides instanceof Y.Map ? Object.fromEntries(overrides.entries()) : {} };
		}),
		...(r.packs.length > 0 ? { packs: (r.packs.toArray() as YRow[]).map((p) => p.get('definition')) } : {}),
		...(r.simulation.size > 0 ? { simulation: Object.fromEntries(r.simulation.entries()) } : {}),
		...(r.decisions.length > 0 ? { decisions: (r.decisions.toArray() as YRow[]).map(rowFields) } : {})
	};
}

/** The doc as a validated plan, or the validator's issues. */
export function readPlanFromDoc(doc: Y.Doc): PlanParseResult {
	return parsePlan(readPlanInput(doc));
}

/** A fresh doc holding `plan`. */
export function docFromPlan(plan: Plan): Y.Doc {
	const doc = new Y.Doc();
	writePlanToDoc(doc, plan);
	return doc;
}

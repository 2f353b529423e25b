/**
 * The plan's choice of standards, kept in the doc so collaborators and the server check against
 * the same rules: `meta.standards` (ids) and the `packs` root (custom pack definitions).
 */
import * as Y from 'yjs';
import { readPlanFromDoc } from './schema/plan-doc';
import { planRoots, rowMap, type YRow } from './schema/roots';
import type { PackDefinition } from '../domain/standards/pack-schema';
import type { PlanParseResult } from '../domain/plan/types';

export function readStandardIds(doc: Y.Doc): string[] {
	const ids = planRoots(doc).meta.get('standards');
	return Array.isArray(ids) ? ids.filter((x): x is string => typeof x === 'string') : [];
}

export function setStandardIds(doc: Y.Doc, ids: readonly string[]): void {
	planRoots(doc).meta.set('standards', [...new Set(ids)]);
}

export function readPacks(doc: Y.Doc): PackDefinition[] {
	return (planRoots(doc).packs.toArray() as YRow[]).map((row) => row.get('definition') as PackDefinition);
}

/** Adds a custom pack (replacing one with the same id) and turns it on, in one transaction. */
export function addPack(doc: Y.Doc, pack: PackDefinition): void {
	const { packs } = planRoots(doc);
	doc.transact(() => {
		const rows = packs.toArray() as YRow[];
		const at = rows.findIndex((r) => (r.get('definition') as PackDefinition | undefined)?.id === pack.id);
		if (at >= 0) packs.delete(at, 1);
		packs.insert(at >= 0 ? at : packs.length, [rowMap({ definition: pack })]);
		setStandardIds(doc, [...readStandardIds(doc), pack.id]);
	});
}

export function removePack(doc: Y.Doc, id: string): void {
	const { packs } = planRoots(doc);
	doc.transact(() => {
		const at = (packs.toArray() as YRow[]).findIndex((r) => (r.get('definition') as PackDefinition | undefined)?.id === id);
		if (at >= 0) packs.delete(at, 1);
		setStandardIds(doc, readStandardIds(doc).filter((x) => x !== id));
	});
}

/** Reads the plan for checking and calls `listener` after every change to the doc. */
export function watchPlanForChecks(doc: Y.Doc, listener: () => void): { read: () => PlanParseResult; stop: () => void } {
	doc.on('update', listener);
	return { read: () => readPlanFromDoc(doc), stop: () => doc.off('update', listener) };
}

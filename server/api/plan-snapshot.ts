/**
 * Reading a plan's current content for REST answers: from the loaded doc when a session has it in
 * memory (it never runs ahead of the store), otherwise rebuilt from the store.
 */
import * as Y from 'yjs';
import { readPlanFromDoc } from '../../src/lib/collab/schema/plan-doc';
import type { PlanParseResult } from '../../src/lib/domain/plan/index';
import type { DocRegistry } from '../collab/doc-registry';
import type { PlanStore } from '../persistence/store';

export async function readCurrentPlan(store: PlanStore, registry: DocRegistry, planId: string): Promise<PlanParseResult> {
	const loaded = registry.loaded(planId);
	if (loaded) return readPlanFromDoc(loaded.doc);
	const doc = new Y.Doc();
	try {
		const { updates } = await store.loadUpdates(planId);
		// Same tolerance as loading for a session: one broken update must not hide the plan.
		for (const update of updates) {
			try {
				Y.applyUpdate(doc, update);
			} catch {
				// skipped, as SharedDoc does (and logs) when it loads the plan
			}
		}
		return readPlanFromDoc(doc);
	} finally {
		doc.destroy();
	}
}

/** The plan title now: the live doc's when loaded, else the stored one. */
export function liveTitle(registry: DocRegistry, planId: string): string | undefined {
	return registry.loaded(planId)?.title();
}

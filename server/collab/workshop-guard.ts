/**
 * Server-side rules of a workshop's team plans (a plan whose doc carries the trainer's workshop
 * keys in `meta`): only the trainer (owner) changes those keys, and while a phase opens only some
 * sections, a team's update may not touch the others (their text, blocks or data sets). The update
 * is tried on a copy of the plan to see what it changes; plans outside workshops skip all this.
 */
import * as Y from 'yjs';
import { planRoots, WORKSHOP_HINTS_KEY, WORKSHOP_LOCKED_KEY, WORKSHOP_OPEN_SECTIONS_KEY } from '../../src/lib/collab/schema/roots';
import { DATA_SET_HOME } from '../../src/lib/domain/plan/sections';
import type { DataSetName } from '../../src/lib/domain/plan/types';

const WORKSHOP_KEYS = [WORKSHOP_LOCKED_KEY, WORKSHOP_OPEN_SECTIONS_KEY, WORKSHOP_HINTS_KEY];

/** Whether the plan is run as a workshop team plan (the guard applies). */
export function isWorkshopPlan(doc: Y.Doc): boolean {
	const meta = planRoots(doc).meta;
	return WORKSHOP_KEYS.some((key) => meta.has(key));
}

/** Why a team's update breaks the workshop's rules, or null when it may be stored. */
export function workshopViolation(doc: Y.Doc, update: Uint8Array): string | null {
	const open = planRoots(doc).meta.get(WORKSHOP_OPEN_SECTIONS_KEY);
	const openKinds = Array.isArray(open) ? new Set(open.filter((k): k is string => typeof k === 'string')) : null;
	const fork = new Y.Doc();
	try {
		Y.applyUpdate(fork, Y.encodeStateAsUpdate(doc));
		const roots = planRoots(fork);
		let workshopKeys = false;
		const touched = new Set<string>();
		roots.meta.observe((event) => {
			for (const key of event.keysChanged) if (WORKSHOP_KEYS.includes(key)) workshopKeys = true;
		});
		roots.sections.observeDeep((events) => {
			for (const event of events) {
				const index = event.path[0];
				const section = typeof index === 'number' ? roots.sections.get(index) : undefined;
				// Adding, removing or moving sections changes the plan's structure: not a team's call.
				touched.add(section instanceof Y.Map ? String(section.get('kind')) : '*');
			}
		});
		roots.data.observeDeep((events) => {
			for (const event of events) {
				const names = event.path.length > 0 ? [event.path[0]] : [...(event as Y.YMapEvent<unknown>).keysChanged];
				for (const name of names) touched.add(DATA_SET_HOME[name as DataSetName] ?? '*');
			}
		});
		Y.applyUpdate(fork, update);
		if (workshopKeys) return 'only the trainer changes the workshop settings';
		if (openKinds) {
			const closed = [...touched].filter((kind) => !openKinds.has(kind));
			if (closed.length > 0) return `section ${closed.join(', ')} is not open in this phase of the workshop`;
		}
		return null;
	} finally {
		fork.destroy();
	}
}

/**
 * Version history over REST (the plan's endpoints, same token rules):
 *   GET  /api/plans/<id>/versions            → [{id, name, createdAt, createdBy, auto}], newest first
 *   POST /api/plans/<id>/versions {name, by?} → 201 the new version (editors and owners)
 *   GET  /api/plans/<id>/versions/<vid>       → {version, plan}: the plan file as it was then
 * A version stores the whole state as of now (the loaded doc, which never runs ahead of the store).
 * Restoring is an edit made in the browser (the version's plan replaces the current one as a new
 * change), so it syncs and persists like any other edit and nobody's history is destroyed.
 */
import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { readPlanFromDoc } from '../../src/lib/collab/schema/plan-doc';
import type { DocRegistry } from '../collab/doc-registry';
import type { PlanStore, Role, VersionInfo } from '../persistence/store';
import { HttpError } from './http-error';

export const MAX_VERSION_NAME = 120;

/** The plan's state now, as one update. */
export async function currentState(store: PlanStore, registry: DocRegistry, planId: string): Promise<Uint8Array> {
	const loaded = registry.loaded(planId);
	if (loaded) return Y.encodeStateAsUpdate(loaded.doc);
	const doc = new Y.Doc();
	try {
		for (const update of (await store.loadUpdates(planId)).updates) {
			try {
				Y.applyUpdate(doc, update);
			} catch {
				// skipped, as loading a plan for a session does
			}
		}
		return Y.encodeStateAsUpdate(doc);
	} finally {
		doc.destroy();
	}
}

export async function createVersion(
	options: { store: PlanStore; registry: DocRegistry; now: () => Date },
	planId: string,
	role: Role,
	body: unknown
): Promise<VersionInfo> {
	if (role === 'viewer') throw new HttpError(403, 'forbidden', 'viewers cannot save versions');
	const fields = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
	const name = typeof fields.name === 'string' ? fields.name.trim() : '';
	if (name === '' || name.length > MAX_VERSION_NAME) throw new HttpError(400, 'invalid-request', `a version needs a name of 1 to ${MAX_VERSION_NAME} characters`);
	const by = typeof fields.by === 'string' ? fields.by.trim().slice(0, 80) : '';
	const version = { id: randomUUID(), name, createdAt: options.now().toISOString(), createdBy: by, auto: false };
	await options.store.createVersion(planId, { ...version, state: await currentState(options.store, options.registry, planId) });
	return version;
}

export async function readVersion(store: PlanStore, planId: string, versionId: string): Promise<{ version: VersionInfo; plan: unknown }> {
	const version = (await store.listVersions(planId)).find((v) => v.id === versionId);
	const state = version ? await store.loadVersion(planId, versionId) : null;
	if (!version || !state) throw new HttpError(404, 'unknown-version', 'no such version of this plan');
	const doc = new Y.Doc();
	try {
		Y.applyUpdate(doc, state);
		const parsed = readPlanFromDoc(doc);
		if (!parsed.ok) throw new HttpError(422, 'invalid-plan', 'this version does not make a valid plan file', { issues: parsed.errors });
		return { version, plan: parsed.plan };
	} finally {
		doc.destroy();
	}
}

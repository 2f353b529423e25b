/**
 * How the editor gets the token it opens a plan with: from a share link's `#token=…` (kept in the
 * fragment so it never reaches server logs or Referer headers), else from this browser's plan
 * list. A link's token is checked with the server once to learn its role, then remembered.
 */
import { PlansApiError, type PlansApi } from './plans-api';
import { bestToken, getPlan, grantAccess } from '../storage/plan-records';
import type { PlanbookDb, PlanRecord, PlanRole } from '../storage/database';

export type PlanAccess =
	| { kind: 'ok'; record: PlanRecord; token: string; role: PlanRole; verified: boolean }
	| { kind: 'no-token' }
	| { kind: 'refused'; reason: 'unauthorized' | 'not-found' };

/**
 * Resolves the token to open plan `id` with. A new link token is verified with the server; when
 * the server cannot be reached it is remembered as a viewer's until the next check says otherwise
 * (read-only is the safe guess: the server would drop a viewer's edits anyway). The server is
 * asked while IndexedDB opens (slow in a new profile), not after; the answer goes unused when this
 * browser already holds the link's token.
 */
export async function resolvePlanAccess({
	db,
	api,
	id,
	hashToken,
	now
}: {
	db: PlanbookDb;
	api: PlansApi;
	id: string;
	hashToken: string | null;
	now: () => number;
}): Promise<PlanAccess> {
	const asked = hashToken ? api.info(id, hashToken) : null;
	// Unused when the token is held; its failure is handled below when it is used.
	void asked?.catch(() => {});
	const known = await getPlan(db, id);
	const heldRole = hashToken && known ? (Object.entries(known.tokens).find(([, t]) => t === hashToken)?.[0] as PlanRole | undefined) : undefined;
	if (hashToken && asked && !heldRole) {
		try {
			const info = await asked;
			const record = await grantAccess(db, { id, role: info.role, token: hashToken, now: now(), title: info.title });
			const best = bestToken(record);
			return best ? { kind: 'ok', record, ...best, verified: true } : { kind: 'no-token' };
		} catch (error) {
			if (error instanceof PlansApiError && (error.kind === 'unauthorized' || error.kind === 'not-found')) {
				return { kind: 'refused', reason: error.kind };
			}
			const record = await grantAccess(db, { id, role: 'viewer', token: hashToken, now: now() });
			const best = bestToken(record);
			return best ? { kind: 'ok', record, ...best, verified: false } : { kind: 'no-token' };
		}
	}
	const best = known ? bestToken(known) : null;
	return known && best ? { kind: 'ok', record: known, ...best, verified: false } : { kind: 'no-token' };
}

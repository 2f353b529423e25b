/**
 * Who may open a plan: one check shared by the WebSocket endpoint and every REST plan endpoint, so
 * both refuse the same requests the same way. The order matters: without a valid token nobody
 * learns whether a plan id exists (401 before 404).
 */
import { isWellFormedId } from './ids';
import type { PlanStore, Role } from './persistence/store';

export type AccessDenied =
	| { ok: false; status: 401; code: 'unauthorized'; message: string }
	| { ok: false; status: 403; code: 'forbidden'; message: string }
	| { ok: false; status: 404; code: 'unknown-plan'; message: string };

export type AccessResult = { ok: true; role: Role } | AccessDenied;

/** Decides whether `token` opens plan `planId`, and with which role. */
export async function authorizePlan(
	store: PlanStore,
	planId: string,
	token: string | null | undefined
): Promise<AccessResult> {
	if (!token) return { ok: false, status: 401, code: 'unauthorized', message: 'a share token is required' };
	const grant = isWellFormedId(token) ? await store.findToken(token) : null;
	if (!grant) return { ok: false, status: 401, code: 'unauthorized', message: 'unknown or revoked share token' };
	if (!isWellFormedId(planId) || !(await store.planExists(planId))) {
		return { ok: false, status: 404, code: 'unknown-plan', message: 'no such plan (deleted, or a wrong link)' };
	}
	if (grant.planId !== planId) {
		return { ok: false, status: 403, code: 'forbidden', message: 'this share token belongs to another plan' };
	}
	// A locked workshop's team plans: their edit links read only until the trainer unlocks.
	if (grant.role === 'editor' && (await store.isPlanLocked(planId))) return { ok: true, role: 'viewer' };
	return { ok: true, role: grant.role };
}

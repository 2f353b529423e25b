/**
 * What an open plan session keeps in this browser's plan list (session scope): when it was last
 * edited and under which title, which role its token has, and forgetting it.
 */
import type { Locale } from '../i18n';
import type { PlanbookDb, PlanRecord } from '../storage/database';
import type { PendingUpdates } from '../storage/pending-updates';
import { forgetPlan, grantAccess, updatePlan } from '../storage/plan-records';
import type { PlansApi } from './plans-api';

/** Notes an edit (local or remote) with the plan's current title; storage errors are ignored. */
export async function stampPlanEdit(
	db: PlanbookDb,
	id: string,
	edit: { at: number; title: string; locale: Locale }
): Promise<void> {
	await updatePlan(db, id, { lastEditAt: edit.at, ...(edit.title !== '' ? { title: edit.title } : {}), locale: edit.locale }).catch(
		() => {}
	);
}

/**
 * Asks the server which role `token` has and remembers it (a provisional guess is corrected).
 * Returns the updated record, or null when the server could not say (offline, refused: the
 * socket reports refusals with its close code).
 */
export async function verifyPlanToken({
	db,
	api,
	id,
	token,
	now
}: {
	db: PlanbookDb;
	api: PlansApi;
	id: string;
	token: string;
	now: number;
}): Promise<PlanRecord | null> {
	try {
		const info = await api.info(id, token);
		return await grantAccess(db, { id, role: info.role, token, now });
	} catch {
		return null;
	}
}

/** Forgets a plan on this device: its record, its stored document and its pending edits. */
export async function forgetPlanLocally(db: PlanbookDb, pending: PendingUpdates | undefined, id: string): Promise<void> {
	await forgetPlan(db, id);
	for (const entry of pending?.list(id) ?? []) pending?.remove(entry.key);
}

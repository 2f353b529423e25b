/**
 * The list of plans this browser knows (session scope). A record holds the share tokens that open
 * the plan, so losing it means losing access from this browser, never the plan itself.
 */
import { liveQuery } from 'dexie';
import { PLAN_ROLES, type PlanbookDb, type PlanRecord, type PlanRole } from './database';

/** Every known plan, most recently opened first. */
export async function listPlans(db: PlanbookDb): Promise<PlanRecord[]> {
	const plans = await db.plans.toArray();
	return sortPlans(plans);
}

/** Most recently opened (else created) first; ties by title so the order is stable. */
export function sortPlans(plans: readonly PlanRecord[]): PlanRecord[] {
	return [...plans].sort(
		(a, b) =>
			Math.max(b.lastOpenedAt, b.lastEditAt) - Math.max(a.lastOpenedAt, a.lastEditAt) ||
			a.title.localeCompare(b.title)
	);
}

export async function getPlan(db: PlanbookDb, id: string): Promise<PlanRecord | undefined> {
	return db.plans.get(id);
}

export async function putPlan(db: PlanbookDb, record: PlanRecord): Promise<void> {
	await db.plans.put(record);
}

/** Changes some fields of a known plan; does nothing when the plan is not known. */
export async function updatePlan(
	db: PlanbookDb,
	id: string,
	changes: Partial<Omit<PlanRecord, 'id'>>
): Promise<void> {
	await db.plans.update(id, changes);
}

/** The most capable of two roles. */
export function strongerRole(a: PlanRole, b: PlanRole): PlanRole {
	return PLAN_ROLES.indexOf(a) <= PLAN_ROLES.indexOf(b) ? a : b;
}

/** The token of the most capable role held, with that role. */
export function bestToken(record: Pick<PlanRecord, 'tokens'>): { role: PlanRole; token: string } | null {
	for (const role of PLAN_ROLES) {
		const token = record.tokens[role];
		if (token) return { role, token };
	}
	return null;
}

export interface GrantAccess {
	id: string;
	role: PlanRole;
	token: string;
	now: number;
	/** Known title (from the server); kept when absent. */
	title?: string;
	locale?: 'zh-CN' | 'en';
}

/**
 * Remembers a token for a plan: adds the plan when it is new, otherwise adds the token (a token
 * already held under another role moves to `role`, which is how a provisional guess is corrected).
 */
export async function grantAccess(db: PlanbookDb, grant: GrantAccess): Promise<PlanRecord> {
	return db.transaction('rw', db.plans, async () => {
		const existing = await db.plans.get(grant.id);
		const tokens: Partial<Record<PlanRole, string>> = {};
		for (const role of PLAN_ROLES) {
			const held = existing?.tokens[role];
			if (held && held !== grant.token) tokens[role] = held;
		}
		tokens[grant.role] = grant.token;
		const role = bestToken({ tokens })?.role ?? grant.role;
		const record: PlanRecord = existing
			? { ...existing, tokens, role, title: grant.title ?? existing.title, locale: grant.locale ?? existing.locale }
			: {
					id: grant.id,
					title: grant.title ?? '',
					role,
					tokens,
					createdAt: grant.now,
					lastEditAt: grant.now,
					lastOpenedAt: grant.now,
					collaborators: [],
					locale: grant.locale ?? 'en'
				};
		await db.plans.put(record);
		return record;
	});
}

/** Adds names to a plan's collaborators (kept unique, in the order first seen). */
export async function addCollaborators(db: PlanbookDb, id: string, names: readonly string[]): Promise<void> {
	await db.transaction('rw', db.plans, async () => {
		const record = await db.plans.get(id);
		if (!record) return;
		const fresh = names.filter((n) => n !== '' && !record.collaborators.includes(n));
		if (fresh.length === 0) return;
		await db.plans.update(id, { collaborators: [...record.collaborators, ...fresh] });
	});
}

/** Forgets a plan on this browser: its record and its stored document. */
export async function forgetPlan(db: PlanbookDb, id: string): Promise<void> {
	await db.transaction('rw', db.plans, db.docs, async () => {
		await db.plans.delete(id);
		await db.docs.delete(id);
	});
}

/**
 * Calls `listener` with the plan list now and after every change (also from other tabs).
 * Returns the unsubscribe function.
 */
export function watchPlans(
	db: PlanbookDb,
	listener: (plans: PlanRecord[]) => void,
	onError: (error: unknown) => void
): () => void {
	const subscription = liveQuery(() => listPlans(db)).subscribe({ next: listener, error: onError });
	return () => subscription.unsubscribe();
}

/**
 * Share-token rotation for the SQLite store: the old token of a role is marked revoked (kept, so a
 * client holding it learns "revoked" rather than "unknown plan") and a new one granted, in one
 * transaction, so there is never a moment with two live tokens or none.
 */
import type { Database } from 'better-sqlite3';
import type { Role } from './store';

export function sqliteTokenRotation(db: Database, now: () => Date): (planId: string, role: Role, newToken: string) => string | null {
	const planExists = db.prepare('SELECT 1 FROM plans WHERE id = ?');
	const live = db.prepare('SELECT token FROM tokens WHERE plan_id = ? AND role = ? AND revoked_at IS NULL');
	const revoke = db.prepare('UPDATE tokens SET revoked_at = ? WHERE plan_id = ? AND role = ? AND revoked_at IS NULL');
	const insert = db.prepare('INSERT INTO tokens (token, plan_id, role, created_at) VALUES (?, ?, ?, ?)');
	return db.transaction((planId: string, role: Role, newToken: string): string | null => {
		if (planExists.get(planId) === undefined) return null;
		const at = now().toISOString();
		const old = live.get(planId, role) as { token: string } | undefined;
		revoke.run(at, planId, role);
		insert.run(newToken, planId, role, at);
		return old?.token ?? '';
	});
}

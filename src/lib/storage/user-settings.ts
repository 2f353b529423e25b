/**
 * The user's display name and colour: session scope (this browser), never stored in a plan
 * document; collaborators see them only through presence while the user is online.
 */
import type { PlanbookDb } from './database';

const USER_KEY = 'user';

export interface UserSettings {
	name: string;
	/** A CSS colour, e.g. `#1f77b4`. */
	color: string;
}

function isUserSettings(value: unknown): value is UserSettings {
	if (typeof value !== 'object' || value === null) return false;
	const v = value as Record<string, unknown>;
	return typeof v.name === 'string' && typeof v.color === 'string';
}

/** The stored settings, or null when the user has not chosen a name yet. */
export async function readUserSettings(db: PlanbookDb): Promise<UserSettings | null> {
	const record = await db.settings.get(USER_KEY);
	return record && isUserSettings(record.value) ? { name: record.value.name, color: record.value.color } : null;
}

export async function writeUserSettings(db: PlanbookDb, settings: UserSettings): Promise<void> {
	await db.settings.put({ key: USER_KEY, value: { name: settings.name, color: settings.color } });
}

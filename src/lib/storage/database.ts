/**
 * The browser's own database (DESIGN §2 "Browser"): the plans this browser knows, each plan's Yjs
 * state for offline use, and the user's settings. Everything here is session scope (this browser
 * only); nothing is synced. This folder is the only place that imports dexie (STYLE rule 2).
 */
import { Dexie, type EntityTable } from 'dexie';

/** Name of the IndexedDB database. */
export const DATABASE_NAME = 'planbook';

/** What a share token lets its holder do (the server enforces it; the UI mirrors it). */
export type PlanRole = 'owner' | 'editor' | 'viewer';

/** Roles from most to least capable. */
export const PLAN_ROLES: readonly PlanRole[] = ['owner', 'editor', 'viewer'];

/** A plan this browser has opened or created. Times are milliseconds since the epoch. */
export interface PlanRecord {
	id: string;
	title: string;
	/** The most capable role among `tokens`. */
	role: PlanRole;
	tokens: Partial<Record<PlanRole, string>>;
	createdAt: number;
	/** Last change to the plan's document seen by this browser (local or remote). */
	lastEditAt: number;
	lastOpenedAt: number;
	/** Display names of people seen editing the plan from this browser. */
	collaborators: string[];
	/** The plan's language, for the list (the plan's own meta.locale). */
	locale: 'zh-CN' | 'en';
}

/** A plan document's full Yjs state (Y.encodeStateAsUpdate), as last stored by this browser. */
export interface DocRecord {
	id: string;
	state: Uint8Array;
	updatedAt: number;
	/** Which open document wrote `state`, so a writer can tell whether another tab wrote since. */
	writer: string;
}

/** One user setting, keyed by name. */
export interface SettingRecord {
	key: string;
	value: unknown;
}

export type PlanbookDb = Dexie & {
	plans: EntityTable<PlanRecord, 'id'>;
	docs: EntityTable<DocRecord, 'id'>;
	settings: EntityTable<SettingRecord, 'key'>;
};

export interface OpenDbOptions {
	/** Database name; tests use a fresh one each. */
	name?: string;
	/** IndexedDB implementation (fake-indexeddb in Node tests); the browser's by default. */
	indexedDB?: IDBFactory;
	IDBKeyRange?: typeof IDBKeyRange;
}

/**
 * Opens (lazily, on first use) the planbook database. Callers own the instance and pass it on:
 * there is no module-level database (STYLE rule 7), so tests are independent.
 */
export function openPlanbookDb(options: OpenDbOptions = {}): PlanbookDb {
	const deps = options.indexedDB ? { indexedDB: options.indexedDB, IDBKeyRange: options.IDBKeyRange } : {};
	// Tables are typed through an intersection, not class fields: class fields would be defined
	// after Dexie's constructor and hide the tables it creates.
	const db = new Dexie(options.name ?? DATABASE_NAME, deps) as PlanbookDb;
	db.version(1).stores({
		plans: 'id, lastOpenedAt, lastEditAt',
		docs: 'id',
		settings: 'key'
	});
	return db;
}

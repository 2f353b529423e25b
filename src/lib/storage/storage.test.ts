import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openPlanbookDb, type PlanbookDb, type PlanRecord } from './database';
import { dexieDocStore } from './doc-states';
import {
	addCollaborators,
	bestToken,
	forgetPlan,
	getPlan,
	grantAccess,
	listPlans,
	putPlan,
	updatePlan,
	watchPlans
} from './plan-records';
import { readUserSettings, writeUserSettings } from './user-settings';

let counter = 0;
const opened: PlanbookDb[] = [];

/** A fresh database per test, so tests never see each other's plans. */
function freshDb(): PlanbookDb {
	const db = openPlanbookDb({ name: `planbook-test-${counter++}` });
	opened.push(db);
	return db;
}

afterEach(async () => {
	for (const db of opened.splice(0)) {
		db.close();
		await db.delete();
	}
});

function record(id: string, fields: Partial<PlanRecord> = {}): PlanRecord {
	return {
		id,
		title: `Plan ${id}`,
		role: 'owner',
		tokens: { owner: `o-${id}`, editor: `e-${id}`, viewer: `v-${id}` },
		createdAt: 1000,
		lastEditAt: 1000,
		lastOpenedAt: 1000,
		collaborators: [],
		locale: 'en',
		...fields
	};
}

describe('plan records', () => {
	it('puts, lists most recent first, updates and forgets plans', async () => {
		const db = freshDb();
		await putPlan(db, record('a', { lastOpenedAt: 2000 }));
		await putPlan(db, record('b', { lastOpenedAt: 3000 }));
		await putPlan(db, record('c', { lastOpenedAt: 1000, lastEditAt: 5000 }));
		expect((await listPlans(db)).map((p) => p.id)).toEqual(['c', 'b', 'a']);

		await updatePlan(db, 'a', { title: 'Renamed', lastOpenedAt: 9000 });
		const plans = await listPlans(db);
		expect(plans[0]).toMatchObject({ id: 'a', title: 'Renamed' });

		await forgetPlan(db, 'b');
		expect((await listPlans(db)).map((p) => p.id)).toEqual(['a', 'c']);
		expect(await getPlan(db, 'b')).toBeUndefined();
	});

	it('updating an unknown plan changes nothing', async () => {
		const db = freshDb();
		await updatePlan(db, 'nope', { title: 'x' });
		expect(await listPlans(db)).toEqual([]);
	});

	it('grants access: a new plan, then a stronger token upgrades the role', async () => {
		const db = freshDb();
		const viewer = await grantAccess(db, { id: 'p', role: 'viewer', token: 'tv', now: 50, title: 'Shared' });
		expect(viewer).toMatchObject({ id: 'p', role: 'viewer', tokens: { viewer: 'tv' }, title: 'Shared', createdAt: 50 });

		const editor = await grantAccess(db, { id: 'p', role: 'editor', token: 'te', now: 60 });
		expect(editor.role).toBe('editor');
		expect(editor.tokens).toEqual({ viewer: 'tv', editor: 'te' });
		expect(editor.title).toBe('Shared');
		expect(bestToken(editor)).toEqual({ role: 'editor', token: 'te' });
	});

	it('a provisionally guessed role is corrected when the server names it', async () => {
		const db = freshDb();
		await grantAccess(db, { id: 'p', role: 'viewer', token: 'tok', now: 1 });
		const fixed = await grantAccess(db, { id: 'p', role: 'editor', token: 'tok', now: 2 });
		expect(fixed.tokens).toEqual({ editor: 'tok' });
		expect(fixed.role).toBe('editor');
	});

	it('keeps collaborators unique, in the order first seen', async () => {
		const db = freshDb();
		await putPlan(db, record('a'));
		await addCollaborators(db, 'a', ['Ana', 'Bo']);
		await addCollaborators(db, 'a', ['Bo', 'Cy', '']);
		expect((await getPlan(db, 'a'))?.collaborators).toEqual(['Ana', 'Bo', 'Cy']);
	});

	it('watches the list', async () => {
		const db = freshDb();
		const seen: string[][] = [];
		const stop = watchPlans(db, (plans) => seen.push(plans.map((p) => p.id)), () => {});
		await expect.poll(() => seen.length).toBeGreaterThan(0);
		await putPlan(db, record('x'));
		await expect.poll(() => seen.at(-1)).toEqual(['x']);
		stop();
	});
});

describe('doc states', () => {
	it('round-trips bytes and passes the previous state to the merge function', async () => {
		const db = freshDb();
		const store = dexieDocStore(db, () => 42);
		expect(await store.load('p')).toBeNull();

		await store.store('p', 'tab-1', (previous) => {
			expect(previous).toBeNull();
			return new Uint8Array([1, 2, 3]);
		});
		expect(Array.from((await store.load('p')) ?? [])).toEqual([1, 2, 3]);

		await store.store('p', 'tab-2', (previous) => {
			expect(previous?.writer).toBe('tab-1');
			expect(Array.from(previous?.state ?? [])).toEqual([1, 2, 3]);
			return new Uint8Array([4]);
		});
		expect(Array.from((await store.load('p')) ?? [])).toEqual([4]);
		expect((await db.docs.get('p'))?.updatedAt).toBe(42);
	});

	it('forgetting a plan drops its stored document too', async () => {
		const db = freshDb();
		await putPlan(db, record('a'));
		await dexieDocStore(db, () => 1).store('a', 'w', () => new Uint8Array([9]));
		await forgetPlan(db, 'a');
		expect(await dexieDocStore(db, () => 1).load('a')).toBeNull();
	});
});

describe('user settings', () => {
	it('are absent until written, then read back', async () => {
		const db = freshDb();
		expect(await readUserSettings(db)).toBeNull();
		await writeUserSettings(db, { name: '小王', color: '#1d4ed8' });
		expect(await readUserSettings(db)).toEqual({ name: '小王', color: '#1d4ed8' });
	});
});

/**
 * The browser half of "a plan opens and edits offline": a doc stored through the real Dexie
 * database (fake-indexeddb in Node) is rebuilt after a "reload" with nothing but local storage.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { LocalDocPersistence } from '../collab/local-persistence';
import { readPlanFromDoc, docFromPlan } from '../collab/schema/plan-doc';
import { planRoots, rowMap } from '../collab/schema/roots';
import { openPlanbookDb, type PlanbookDb } from '../storage/database';
import { dexieDocStore } from '../storage/doc-states';
import { breakevenPlan } from '../test-data/factories';

let counter = 0;
const opened: PlanbookDb[] = [];

function freshDbName(): string {
	return `planbook-offline-${counter++}`;
}

function open(name: string): PlanbookDb {
	const db = openPlanbookDb({ name });
	opened.push(db);
	return db;
}

afterEach(async () => {
	const dbs = opened.splice(0);
	for (const db of dbs) db.close();
	for (const name of new Set(dbs.map((db) => db.name))) await openPlanbookDb({ name }).delete();
});

describe('offline edits survive a reload', () => {
	it('a doc edited while offline is rebuilt from local storage alone', async () => {
		const name = freshDbName();
		const db = open(name);
		// First visit: the plan arrived from the server (here: built from a plan file).
		const doc = docFromPlan(breakevenPlan());
		const persistence = new LocalDocPersistence({ doc, id: 'plan-1', store: dexieDocStore(db, () => 1), debounceMs: 10 });
		await persistence.flush();
		doc.getMap('meta').set('title', 'stored once');

		// Offline edits: a new budget line and a changed price.
		doc.transact(() => {
			const data = planRoots(doc).data;
			const budget = new Y.Array<Y.Map<unknown>>();
			data.set('budget', budget);
			budget.push([rowMap({ name: 'TV', category: 'promotion', kind: 'fixed', amount: 5000 })]);
			const price = planRoots(doc).variables.get(0);
			price.set('expr', '125');
		});
		await persistence.destroy();
		db.close();

		// "Reload": a new database connection and a new, empty Y.Doc.
		const reopened = open(name);
		const fresh = new Y.Doc();
		const again = new LocalDocPersistence({ doc: fresh, id: 'plan-1', store: dexieDocStore(reopened, () => 2) });
		expect(await again.load()).toBe(true);
		const plan = readPlanFromDoc(fresh);
		expect(plan.ok).toBe(true);
		if (!plan.ok) return;
		expect(plan.plan.meta.title).toBe('stored once');
		expect(plan.plan.variables.find((v) => v.name === 'price')?.expr).toBe('125');
		expect(plan.plan.data.budget).toEqual([{ name: 'TV', category: 'promotion', kind: 'fixed', amount: 5000 }]);
		await again.destroy();
	});

	it('the stored state merges with the server copy without loss', async () => {
		const name = freshDbName();
		const db = open(name);
		const server = docFromPlan(breakevenPlan());
		const local = new Y.Doc();
		Y.applyUpdate(local, Y.encodeStateAsUpdate(server));
		const persistence = new LocalDocPersistence({ doc: local, id: 'p', store: dexieDocStore(db, () => 1) });

		// Both sides edit while disconnected.
		planRoots(local).variables.push([rowMap({ name: 'offline_note', expr: '1' })]);
		planRoots(server).variables.push([rowMap({ name: 'online_note', expr: '2' })]);
		await persistence.destroy();

		// Reload from storage, then sync with the server both ways.
		const reloaded = new Y.Doc();
		await new LocalDocPersistence({ doc: reloaded, id: 'p', store: dexieDocStore(db, () => 2) }).load();
		Y.applyUpdate(server, Y.encodeStateAsUpdate(reloaded, Y.encodeStateVector(server)));
		Y.applyUpdate(reloaded, Y.encodeStateAsUpdate(server, Y.encodeStateVector(reloaded)));
		const names = (d: Y.Doc) => planRoots(d).variables.toArray().map((v) => v.get('name'));
		expect(names(server)).toEqual(names(reloaded));
		expect(names(server)).toEqual(expect.arrayContaining(['offline_note', 'online_note']));
	});
});

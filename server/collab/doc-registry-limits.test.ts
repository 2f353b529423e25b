/** maxLoadedDocs: an idle plan makes room at once; when every plan is in use, acquire refuses. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { silentLogger } from '../log';
import { ServerMetrics } from '../metrics';
import { MemoryStore } from '../persistence/memory-store';
import { DocRegistry, TooManyDocsError } from './doc-registry';
import { captureUpdate } from './test-peer';

const PLANS = ['a', 'b', 'c'];

async function setup(): Promise<{ registry: DocRegistry; metrics: ServerMetrics }> {
	const store = new MemoryStore();
	for (const id of PLANS) {
		const author = new Y.Doc();
		const initialUpdate = captureUpdate(author, () => author.getText('body').insert(0, id));
		await store.createPlan({ id, title: id, tokens: { owner: `o-${id}`, editor: `e-${id}`, viewer: `v-${id}` }, initialUpdate });
	}
	const metrics = new ServerMetrics();
	// A long idle timeout: only the limit unloads anything here.
	const registry = new DocRegistry({ store, metrics, log: silentLogger(), idleUnloadMs: 60_000, compactEvery: 1000, maxLoadedDocs: 2 });
	return { registry, metrics };
}

describe('DocRegistry maxLoadedDocs', () => {
	it('refuses a third plan while two are in use, and loads it once one is released', async () => {
		const { registry, metrics } = await setup();
		const a = await registry.acquire('a');
		await registry.acquire('b');
		await expect(registry.acquire('c')).rejects.toThrow(TooManyDocsError);
		expect(registry.size).toBe(2);
		// A plan already loaded is no new load: more connections to it are fine.
		expect(await registry.acquire('a')).toBe(a);

		registry.release(a);
		registry.release(a);
		const c = await registry.acquire('c');
		expect(c.doc.getText('body').toString()).toBe('c');
		expect(registry.loaded('a')).toBeUndefined();
		expect(registry.size).toBe(2);
		await registry.close();
		expect(metrics.loadedDocs).toBe(0);
	});
});

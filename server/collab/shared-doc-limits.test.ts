/** The stored-size limit: growth beyond it is refused untouched; deletions and compaction make room. */
import { describe, expect, it } from 'vitest';
import type { MemoryStore } from '../persistence/memory-store';
import { openSharedDoc, submit } from './shared-doc-fixture';
import { captureUpdate } from './test-peer';

const MAX_DOC_BYTES = 20_000;

function setup(): ReturnType<typeof openSharedDoc> {
	return openSharedDoc({ compactEvery: 10_000, maxDocBytes: MAX_DOC_BYTES });
}

async function storedBytes(store: MemoryStore): Promise<number> {
	return (await store.loadUpdates('p')).updates.reduce((sum, update) => sum + update.byteLength, 0);
}

describe('SharedDoc maxDocBytes', () => {
	it('refuses an update that would grow the plan beyond the limit: not stored, applied, relayed or acknowledged', async () => {
		const { store, shared, author, a, b } = await setup();
		const before = await storedBytes(store);
		const update = captureUpdate(author, () => author.getText('body').insert(5, 'x'.repeat(MAX_DOC_BYTES)));
		expect(await submit(shared, update, a)).toBe('too-large');
		expect(await storedBytes(store)).toBe(before);
		expect(shared.doc.getText('body').toString()).toBe('start');
		expect(a.frames).toEqual([]);
		expect(b.frames).toEqual([]);
	});

	it('compacts before refusing, so a log of since-deleted text does not count against the plan', async () => {
		const { store, shared, author, a } = await setup();
		const text = author.getText('body');
		for (let round = 0; round < 8; round++) {
			expect(await submit(shared, captureUpdate(author, () => text.insert(5, 'y'.repeat(2_000))), a)).toBe('stored');
			expect(await submit(shared, captureUpdate(author, () => text.delete(5, 2_000)), a)).toBe('stored');
		}
		expect(await storedBytes(store)).toBeGreaterThan(MAX_DOC_BYTES * 0.75);
		const next = captureUpdate(author, () => text.insert(5, 'z'.repeat(MAX_DOC_BYTES / 4)));
		expect(await submit(shared, next, a)).toBe('stored');
		expect(await storedBytes(store)).toBeLessThan(MAX_DOC_BYTES);
	});

	it('always stores deletions, so a full plan can be trimmed', async () => {
		const { shared, author, a } = await setup();
		const text = author.getText('body');
		const words = Array.from({ length: 3_000 }, (_, index) => `w${index} `).join('');
		expect(await submit(shared, captureUpdate(author, () => text.insert(5, words)), a)).toBe('stored');
		// Filling up to the limit with many small edits, until one is refused.
		let filled = 0;
		while ((await submit(shared, captureUpdate(author, () => text.insert(0, 'f'.repeat(500))), a)) === 'stored') filled++;
		expect(filled).toBeGreaterThan(0);
		const deletion = captureUpdate(author, () => {
			for (let index = 0; index < 50; index++) text.delete(index * 7, 3);
		});
		expect(await submit(shared, deletion, a)).toBe('stored');
	});
});

import { describe, expect, it } from 'vitest';
import { storagePendingUpdates } from './pending-updates';

/** A Storage over a Map (Node has no localStorage); `full` makes writes throw like a quota. */
function memoryStorage(): Storage & { full: boolean } {
	const map = new Map<string, string>();
	return {
		full: false,
		get length() {
			return map.size;
		},
		key: (i: number) => [...map.keys()][i] ?? null,
		getItem: (k: string) => map.get(k) ?? null,
		setItem(k: string, v: string) {
			if (this.full) throw new DOMException('quota', 'QuotaExceededError');
			map.set(k, v);
		},
		removeItem: (k: string) => void map.delete(k),
		clear: () => map.clear()
	};
}

describe('pending updates', () => {
	it('keeps bytes per plan and writer, lists them and removes them', () => {
		const storage = memoryStorage();
		const pending = storagePendingUpdates(storage);
		const big = new Uint8Array(100_000).map((_, i) => i % 256);
		expect(pending.set('p1', 'w1', big)).toBe(true);
		expect(pending.set('p1', 'w2', new Uint8Array([1, 2]))).toBe(true);
		expect(pending.set('p2', 'w1', new Uint8Array([3]))).toBe(true);
		expect(pending.set('p1', 'w2', new Uint8Array([9]))).toBe(true);

		const listed = pending.list('p1');
		expect(listed.map((e) => e.key).sort()).toEqual([pending.keyOf('p1', 'w1'), pending.keyOf('p1', 'w2')]);
		expect(listed.find((e) => e.key === pending.keyOf('p1', 'w1'))?.update).toEqual(big);
		expect(Array.from(listed.find((e) => e.key === pending.keyOf('p1', 'w2'))?.update ?? [])).toEqual([9]);

		pending.remove(pending.keyOf('p1', 'w1'));
		expect(pending.list('p1')).toHaveLength(1);
		expect(pending.list('p2')).toHaveLength(1);
	});

	it('a full storage refuses quietly, and a corrupt entry is dropped', () => {
		const storage = memoryStorage();
		const pending = storagePendingUpdates(storage);
		storage.full = true;
		expect(pending.set('p', 'w', new Uint8Array([1]))).toBe(false);
		storage.full = false;
		storage.setItem(pending.keyOf('p', 'bad'), '%%% not base64');
		expect(pending.list('p')).toEqual([]);
		expect(storage.length).toBe(0);
	});
});

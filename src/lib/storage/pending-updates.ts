/**
 * Edits made in the last moments before a page goes away. IndexedDB cannot take them then: a
 * write started in `pagehide` is dropped with the page. localStorage is synchronous and survives,
 * so the few bytes typed since the last save wait there, one entry per open document, until the
 * next load moves them into the database. Bytes only; what they mean is src/lib/collab's business.
 */

const PREFIX = 'planbook.pending.';

/** Pending bytes per plan and writer (an open document). All calls are synchronous. */
export interface PendingUpdates {
	/** Replaces `writer`'s pending bytes for `planId`; false when storage refused them. */
	set(planId: string, writer: string, update: Uint8Array): boolean;
	/** Every pending entry of a plan, with the key to remove it by. */
	list(planId: string): { key: string; update: Uint8Array }[];
	remove(key: string): void;
	/** The key `set` uses, to remove one's own entry. */
	keyOf(planId: string, writer: string): string;
}

/** Base64 in chunks: `String.fromCharCode(...bytes)` overflows the stack on large arrays. */
function toBase64(bytes: Uint8Array): string {
	let binary = '';
	for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
	const binary = atob(text);
	const bytes = new Uint8Array(binary.length);
	for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
	return bytes;
}

/** Pending updates in `storage` (the page's localStorage). Failures (quota, private mode) are swallowed. */
export function storagePendingUpdates(storage: Storage): PendingUpdates {
	const keyOf = (planId: string, writer: string): string => `${PREFIX}${planId}.${writer}`;
	return {
		keyOf,
		set(planId, writer, update) {
			try {
				storage.setItem(keyOf(planId, writer), toBase64(update));
				return true;
			} catch {
				return false;
			}
		},
		list(planId) {
			const out: { key: string; update: Uint8Array }[] = [];
			try {
				const prefix = `${PREFIX}${planId}.`;
				const keys = Array.from({ length: storage.length }, (_, i) => storage.key(i));
				for (const key of keys) {
					const value = key?.startsWith(prefix) ? storage.getItem(key) : null;
					if (key && value) {
						try {
							out.push({ key, update: fromBase64(value) });
						} catch {
							storage.removeItem(key);
						}
					}
				}
			} catch {
				// Storage unavailable: nothing pending can be read.
			}
			return out;
		},
		remove(key) {
			try {
				storage.removeItem(key);
			} catch {
				// Nothing to do: the entry is harmless (applying it again changes nothing).
			}
		}
	};
}

/**
 * Where the trainer's token of a workshop is kept in this browser: the link's `#token=` puts it
 * there once (the fragment never reaches server logs), then it is read back on every visit.
 */
const key = (id: string) => `planbook.workshop.${id}`;

export function rememberTrainerToken(storage: Storage, id: string, token: string): void {
	try {
		storage.setItem(key(id), token);
	} catch {
		// Storage full or refused: the link still works while the page is open.
	}
}

export function trainerToken(storage: Storage, id: string): string | null {
	try {
		return storage.getItem(key(id));
	} catch {
		return null;
	}
}

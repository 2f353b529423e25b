/**
 * Who the user is on plans (session scope): the display name they chose on this device, else a
 * friendly generated one until they choose. The colour always follows from the name.
 */
import type { PresenceUser } from '../collab/presence';
import type { PlanbookDb } from '../storage/database';
import { readUserSettings, writeUserSettings } from '../storage/user-settings';
import { cleanDisplayName, colorForName } from './user-identity';

export class UserIdentityState {
	readonly #db: PlanbookDb;
	readonly #suggest: () => string;
	#name = $state('');
	#chosen = $state(false);
	#loaded = $state(false);

	/** @param suggest makes a friendly name (generateName with the UI language's words) */
	constructor({ db, suggest }: { db: PlanbookDb; suggest: () => string }) {
		this.#db = db;
		this.#suggest = suggest;
		this.#name = suggest();
	}

	/** Reads the stored choice; without one the generated name stays. */
	async load(): Promise<void> {
		try {
			const stored = await readUserSettings(this.#db);
			if (stored && cleanDisplayName(stored.name) !== '') {
				this.#name = cleanDisplayName(stored.name);
				this.#chosen = true;
			}
		} finally {
			this.#loaded = true;
		}
	}

	get loaded(): boolean {
		return this.#loaded;
	}
	/** True once the user has chosen a name on this device (so they are not asked again). */
	get chosen(): boolean {
		return this.#chosen;
	}
	get user(): PresenceUser {
		return { name: this.#name, color: colorForName(this.#name) };
	}

	/** Another generated name, for the dialog's "suggest another". */
	suggest(): string {
		return this.#suggest();
	}

	/** Remembers `raw` (cleaned; a blank entry keeps the current name). */
	async choose(raw: string): Promise<PresenceUser> {
		const name = cleanDisplayName(raw) || this.#name;
		this.#name = name;
		this.#chosen = true;
		const user = this.user;
		await writeUserSettings(this.#db, user).catch(() => {
			// Storage unavailable: the name holds for this page only.
		});
		return user;
	}
}

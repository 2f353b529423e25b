/**
 * Presence (awareness) of a plan: who is here and in which section. Presence scope: shared live
 * with the people online, never saved. Remote states are untrusted input, so they are read
 * leniently and bounded.
 */

/** What each client publishes about its user. */
export interface PresenceUser {
	name: string;
	/** A CSS colour. */
	color: string;
}

/** Our local awareness state: the shape other clients (and the editor's carets) read. */
export interface LocalPresence {
	user: PresenceUser;
	/** `$id` of the section the user is writing in, or null. */
	section: string | null;
}

/** A remote person as shown in the top bar and outline. */
export interface Peer extends PresenceUser {
	clientId: number;
	section: string | null;
}

const MAX_NAME_LENGTH = 60;
const COLOR = /^#[0-9a-fA-F]{3,8}$|^hsl\(\s*\d{1,3}(\.\d+)?(deg)?\s*,?\s*\d{1,3}(\.\d+)?%\s*,?\s*\d{1,3}(\.\d+)?%\s*\)$/;
const FALLBACK_COLOR = '#6b7280';

/** A peer from a remote awareness state, or null when it carries no usable user. */
export function readPeer(clientId: number, state: unknown): Peer | null {
	if (typeof state !== 'object' || state === null) return null;
	const { user, section } = state as Record<string, unknown>;
	if (typeof user !== 'object' || user === null) return null;
	const { name, color } = user as Record<string, unknown>;
	if (typeof name !== 'string' || name.trim() === '') return null;
	return {
		clientId,
		name: name.trim().slice(0, MAX_NAME_LENGTH),
		color: typeof color === 'string' && COLOR.test(color) ? color : FALLBACK_COLOR,
		section: typeof section === 'string' ? section : null
	};
}

/**
 * The peers of `states` other than `selfId`, one per person (same name and colour, e.g. two tabs),
 * sorted by name so the avatars do not reshuffle as people move between sections.
 */
export function readPeers(states: ReadonlyMap<number, unknown>, selfId: number): Peer[] {
	const byPerson = new Map<string, Peer>();
	for (const [clientId, state] of states) {
		if (clientId === selfId) continue;
		const peer = readPeer(clientId, state);
		if (!peer) continue;
		const key = `${peer.name}\u0000${peer.color}`;
		const seen = byPerson.get(key);
		// Keep the tab that is in a section over one that is idle.
		if (!seen || (seen.section === null && peer.section !== null)) byPerson.set(key, peer);
	}
	return [...byPerson.values()].sort((a, b) => a.name.localeCompare(b.name) || a.clientId - b.clientId);
}

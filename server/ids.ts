/**
 * Plan ids and share tokens: random bytes from the OS CSPRNG, base64url (URL- and path-safe).
 * A plan id (128 bits) only names a plan; a token (192 bits) is the credential, so it is longer.
 */
import { randomBytes } from 'node:crypto';
import { ROLES, type Role } from './persistence/store';

const PLAN_ID_BYTES = 16;
const TOKEN_BYTES = 24;

/** What a plan id or token may look like on the wire; anything else is refused before a lookup. */
const ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;

export function newPlanId(): string {
	return randomBytes(PLAN_ID_BYTES).toString('base64url');
}

/** A fresh share token (unguessable: TOKEN_BYTES random bytes). */
export function newToken(): string {
	return randomBytes(TOKEN_BYTES).toString('base64url');
}

/** A fresh owner, editor and viewer token. */
export function newRoleTokens(): Record<Role, string> {
	const tokens = {} as Record<Role, string>;
	for (const role of ROLES) tokens[role] = newToken();
	return tokens;
}

/** True for strings shaped like an id or token (cheap filter for paths and query strings). */
export function isWellFormedId(value: string): boolean {
	return ID_PATTERN.test(value);
}

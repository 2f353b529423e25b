/**
 * A plan's share link, `${origin}/p/<id>#token=<token>`: the token rides in the fragment so it
 * never reaches server logs or Referer headers. (app.html's script reads links the same way.)
 */

/** The token of a `#token=…` fragment, or null. */
export function tokenFromHash(hash: string): string | null {
	const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
	const token = params.get('token')?.trim();
	return token ? token : null;
}

/** The share link of a plan for a token: `${origin}/p/<id>#token=<token>`. */
export function shareLink(origin: string, id: string, token: string): string {
	return `${origin}/p/${encodeURIComponent(id)}#token=${encodeURIComponent(token)}`;
}


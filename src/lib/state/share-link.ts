/**
 * A plan's share link, `${origin}/p/<id>#token=<token>`: the token rides in the fragment so it
 * never reaches server logs or Referer headers. No imports: the app's start hook reads links with
 * these too, before any of the editor's code has loaded (hooks.client.ts).
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

/** The plan id of an editor path (`/p/<id>`, the route src/routes/p/[id]), or null for any other path. */
export function planIdFromPath(pathname: string): string | null {
	const match = /^\/p\/([^/]+)\/?$/.exec(pathname);
	if (!match?.[1]) return null;
	try {
		return decodeURIComponent(match[1]);
	} catch {
		return null;
	}
}

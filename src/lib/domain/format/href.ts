/**
 * Which link targets prose may hold. Plans are shared with people outside the team and pasted in
 * from Word and the web, so only web and mail addresses are kept: `javascript:`, `data:`, `file:`
 * and relative URLs never become clickable.
 */

const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/** ASCII control characters and whitespace inside a URL are how scheme filters get bypassed. */
const CONTROL = /[\u0000-\u001f\u007f]/;

/** The href if it is an absolute http, https or mailto URL, else null. */
export function safeHref(href: string | null | undefined): string | null {
	if (typeof href !== 'string') return null;
	const trimmed = href.trim();
	if (trimmed === '' || CONTROL.test(trimmed)) return null;
	let url: URL;
	try {
		url = new URL(trimmed);
	} catch {
		return null;
	}
	if (!SAFE_PROTOCOLS.has(url.protocol)) return null;
	if (url.protocol === 'mailto:') return url.pathname.includes('@') ? trimmed : null;
	return url.hostname === '' ? null : trimmed;
}

const EMAIL = /^[^\s@/:]+@[^\s@/:]+\.[^\s@/:]+$/;
const BARE_HOST = /^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+(:\d+)?([/?#].*)?$/u;

/**
 * What a person typed into the link field, made into a safe href: `example.com/x` gets https://,
 * `name@example.com` gets mailto:. Null when it cannot be a safe link.
 */
export function normalizeHref(input: string): string | null {
	const text = input.trim();
	if (text === '') return null;
	if (EMAIL.test(text)) return safeHref(`mailto:${text}`);
	if (/^[a-z][a-z0-9+.-]*:/i.test(text)) return safeHref(text);
	if (text.startsWith('//')) return safeHref(`https:${text}`);
	return BARE_HOST.test(text) ? safeHref(`https://${text}`) : null;
}

/**
 * The user's display identity (session scope): a friendly generated name until they choose one,
 * and a colour derived from the name, so the same person gets the same colour on every device
 * without storing it anywhere shared.
 */

/**
 * Caret and avatar colours: distinct hues dark enough for white initials (contrast ≥ 4.5:1) and
 * readable as a caret on white.
 */
export const USER_COLORS = [
	'#1d4ed8',
	'#b91c1c',
	'#047857',
	'#7c3aed',
	'#b45309',
	'#0e7490',
	'#be185d',
	'#4d7c0f',
	'#6d28d9',
	'#c2410c'
] as const;

/** FNV-1a over UTF-16 code units: stable across browsers and sessions. */
function hashName(name: string): number {
	let hash = 0x811c9dc5;
	for (let i = 0; i < name.length; i++) {
		hash ^= name.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return hash;
}

/** The colour of `name` (trimmed, case-insensitive). */
export function colorForName(name: string): string {
	return USER_COLORS[hashName(name.trim().toLowerCase()) % USER_COLORS.length] as string;
}

/** Splits an i18n word list (`"Brave|Calm|…"`) into words. */
export function wordList(text: string): string[] {
	return text
		.split('|')
		.map((w) => w.trim())
		.filter((w) => w !== '');
}

/**
 * A friendly name such as "Curious Otter" or "好奇的水獭". `random` returns [0, 1) and is passed
 * in (STYLE rule 7); `pattern` places `{adjective}` and `{animal}` as the language wants.
 */
export function generateName({
	adjectives,
	animals,
	pattern,
	random
}: {
	adjectives: readonly string[];
	animals: readonly string[];
	pattern: string;
	random: () => number;
}): string {
	const pick = (words: readonly string[]): string => words[Math.floor(random() * words.length) % Math.max(1, words.length)] ?? '';
	return pattern.replace('{adjective}', pick(adjectives)).replace('{animal}', pick(animals)).trim();
}

/** Up to two initials for an avatar: first letters of two words, or the first character (CJK). */
export function initialsOf(name: string): string {
	const words = name.trim().split(/\s+/).filter(Boolean);
	if (words.length === 0) return '?';
	const first = [...(words[0] as string)][0] ?? '?';
	if (words.length === 1) return first.toUpperCase();
	const second = [...(words[words.length - 1] as string)][0] ?? '';
	return (first + second).toUpperCase();
}

/** A display name as entered: trimmed, inner whitespace collapsed, at most 40 characters. */
export function cleanDisplayName(raw: string): string {
	return [...raw.trim().replace(/\s+/g, ' ')].slice(0, 40).join('');
}

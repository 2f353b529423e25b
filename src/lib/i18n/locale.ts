/** A language the UI, the CLI and the built-in standard are written in. */
export type Locale = 'zh-CN' | 'en';

/** Every supported locale, in the order the language switch shows them. */
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

/** The locale used when nothing the user sent is supported. */
export const DEFAULT_LOCALE: Locale = 'en';

/** Type guard for values read from storage, cookies, plan files or CLI flags. */
export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * Picks the locale for an `Accept-Language` header (`"fr;q=0.9, zh-TW;q=0.8"`) or a list of
 * language tags in preference order (`navigator.languages`). The first supported language wins:
 * any `zh*` tag maps to zh-CN (planbook has one Chinese catalogue), any `en*` tag to en; tags we
 * don't speak are skipped, and the default is en.
 */
export function detectLocale(languages: string | readonly string[] | null | undefined): Locale {
	const tags = typeof languages === 'string' ? parseAcceptLanguage(languages) : (languages ?? []);
	for (const tag of tags) {
		const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
		if (primary === 'zh') return 'zh-CN';
		if (primary === 'en') return 'en';
	}
	return DEFAULT_LOCALE;
}

/** Language tags of an Accept-Language header, highest quality first (stable for equal q). */
function parseAcceptLanguage(header: string): string[] {
	return header
		.split(',')
		.map((part, index) => {
			const [tag = '', ...params] = part.trim().split(';');
			const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
			const quality = qParam === undefined ? 1 : Number(qParam.slice(2));
			return { tag: tag.trim(), quality: Number.isFinite(quality) ? quality : 0, index };
		})
		.filter((entry) => entry.tag !== '' && entry.tag !== '*' && entry.quality > 0)
		.sort((a, b) => b.quality - a.quality || a.index - b.index)
		.map((entry) => entry.tag);
}

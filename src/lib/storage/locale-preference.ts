import { isLocale, type Locale } from '$lib/i18n';

/** Where the user's language choice is remembered: a session-scope setting of this browser. */
export interface LocalePreference {
	/** The stored choice, or null when the user has not chosen (or storage is unavailable). */
	read(): Locale | null;
	write(locale: Locale): void;
}

/** localStorage key of the language choice. */
export const LOCALE_STORAGE_KEY = 'planbook.locale';

/**
 * Name of the cookie that mirrors the choice. localStorage is the source of truth; the cookie
 * only lets the server render the first paint in the chosen language instead of flashing the
 * Accept-Language one.
 */
export const LOCALE_COOKIE = 'planbook_locale';

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/**
 * The preference as kept by a browser. Private browsing or a storage quota can make localStorage
 * throw; the choice then lasts only for the page, which is better than a broken switch.
 */
export function browserLocalePreference(target: {
	localStorage: Storage;
	document: Document;
}): LocalePreference {
	return {
		read() {
			try {
				const stored = target.localStorage.getItem(LOCALE_STORAGE_KEY);
				return isLocale(stored) ? stored : null;
			} catch {
				return null;
			}
		},
		write(locale) {
			try {
				target.localStorage.setItem(LOCALE_STORAGE_KEY, locale);
			} catch {
				// Storage unavailable: keep the in-page choice only.
			}
			target.document.cookie = `${LOCALE_COOKIE}=${locale}; path=/; max-age=${ONE_YEAR_SECONDS}; samesite=lax`;
		}
	};
}

import { createContext } from 'svelte';
import { detectLocale, translate, type Locale, type MessageKey, type MessageParams } from '$lib/i18n';
import type { LocalePreference } from '$lib/storage/locale-preference';

/**
 * The UI language of this browser tab (session scope). Created once by the root layout and
 * shared through context; components read `locale` and call `t`, the switch calls `choose`.
 */
export class LocaleState {
	#locale = $state<Locale>('en');
	readonly #preference: LocalePreference | null;

	/**
	 * @param initial the locale the server rendered with, so hydration matches the HTML
	 * @param preference where a choice is remembered; null on the server
	 */
	constructor({ initial, preference }: { initial: Locale; preference: LocalePreference | null }) {
		this.#locale = initial;
		this.#preference = preference;
	}

	get locale(): Locale {
		return this.#locale;
	}

	/**
	 * Switches to the remembered choice or, when there is none, to the browser's preferred
	 * language. Called once after hydration; does not store anything, since the user chose nothing.
	 */
	restore(browserLanguages: readonly string[]): void {
		this.#locale = this.#preference?.read() ?? detectLocale(browserLanguages);
	}

	/** The user picked a language: show it and remember it. */
	choose(locale: Locale): void {
		this.#locale = locale;
		this.#preference?.write(locale);
	}

	/** The message `key` in the current locale (reactive where read inside markup or effects). */
	t = (key: MessageKey, params?: MessageParams): string => translate(this.#locale, key, params);
}

/** Context accessors for the page's {@link LocaleState}. */
export const [getLocaleState, setLocaleState] = createContext<LocaleState>();

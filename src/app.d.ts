// See https://svelte.dev/docs/kit/types#app.d.ts
import type { Locale } from '$lib/i18n';

declare global {
	interface Window {
		/** The share link's plan socket opened by app.html's script, until the app takes it over. */
		__planbookEarlySocket?: import('$lib/collab/early-socket').PageEarlySocket;
	}

	namespace App {
		interface Locals {
			/** UI language for this request: the remembered choice, else Accept-Language. */
			locale: Locale;
		}
	}
}

export {};

// See https://svelte.dev/docs/kit/types#app.d.ts
import type { Locale } from '$lib/i18n';

declare global {
	namespace App {
		interface Locals {
			/** UI language for this request: the remembered choice, else Accept-Language. */
			locale: Locale;
		}
	}
}

export {};

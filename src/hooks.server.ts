import type { Handle } from '@sveltejs/kit';
import { detectLocale, isLocale } from '$lib/i18n';
import { LOCALE_COOKIE } from '$lib/storage/locale-preference';

/**
 * Chooses the request's locale (the cookie mirroring the user's choice, else Accept-Language) and
 * writes it into `<html lang="%lang%">` of app.html, so the first paint is in the right language.
 */
export const handle: Handle = async ({ event, resolve }) => {
	const chosen = event.cookies.get(LOCALE_COOKIE);
	const locale = isLocale(chosen) ? chosen : detectLocale(event.request.headers.get('accept-language'));
	event.locals.locale = locale;
	return resolve(event, {
		transformPageChunk: ({ html }) => html.replace('%lang%', locale)
	});
};

import { error } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import type { PageServerLoad } from './$types';

/**
 * The editor components' test bench exists only when the server is started with
 * PLANBOOK_DEV_ROUTES=1 (Playwright's web server does); in production it is a plain 404, and
 * because this load runs for client-side navigation too, no path around it reaches the page.
 */
export const load: PageServerLoad = () => {
	if (env.PLANBOOK_DEV_ROUTES !== '1') error(404, 'Not Found');
	return {};
};

import type { ClientInit } from '@sveltejs/kit';
import { adoptEarlyPlanSocket } from '$lib/collab/early-socket';

/**
 * Runs once when the app starts in the browser, before the first page's code has loaded. On a
 * share link the page's own script (app.html) has already asked for the plan; the app takes that
 * socket over now, so the plan is applied as soon as it arrives (collab/early-socket.ts), and the
 * editor takes it over in turn.
 */
export const init: ClientInit = () => {
	adoptEarlyPlanSocket(window.__planbookEarlySocket);
	delete window.__planbookEarlySocket;
};

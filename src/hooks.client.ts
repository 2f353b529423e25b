import type { ClientInit } from '@sveltejs/kit';
import { openEarlyPlanSocket } from '$lib/collab/early-socket';
import { webSocketBaseUrl } from '$lib/collab/socket-url';
import { planIdFromPath, tokenFromHash } from '$lib/state/share-link';

/**
 * Runs once when the app starts in the browser, before the first page's code has loaded. On a
 * share link (`/p/<id>#token=…`) the plan starts downloading now, so it arrives while the editor's
 * scripts load (collab/early-socket.ts); the editor takes the socket over.
 */
export const init: ClientInit = () => {
	const planId = planIdFromPath(location.pathname);
	const token = tokenFromHash(location.hash);
	if (planId && token) openEarlyPlanSocket({ base: webSocketBaseUrl(location), planId, token, WebSocketImpl: WebSocket });
};

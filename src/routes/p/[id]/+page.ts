import type { PageLoad } from './$types';

// The editor runs in the browser only: its document lives in IndexedDB and on a WebSocket, and
// rendering it on the server would show an empty plan before the real one.
export const ssr = false;

/** `?view=print` shows the print view of the same plan (same session, no editor chrome). */
export const load: PageLoad = ({ params, url }) => ({
	id: params.id,
	view: url.searchParams.get('view') === 'print' ? ('print' as const) : ('edit' as const)
});

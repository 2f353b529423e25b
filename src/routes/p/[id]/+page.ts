import type { PageLoad } from './$types';

// The editor runs in the browser only: its document lives in IndexedDB and on a WebSocket, and
// rendering it on the server would show an empty plan before the real one.
export const ssr = false;

const VIEWS = ['edit', 'analysis', 'history', 'print'] as const;
export type EditorView = (typeof VIEWS)[number];

/**
 * `?view=analysis` shows the simulation views, `?view=history` the version history, `?view=print`
 * the print view, of the same plan in
 * the same session (switching keeps the connection and the doc).
 */
export const load: PageLoad = ({ params, url }) => {
	const view = url.searchParams.get('view');
	return { id: params.id, view: (VIEWS as readonly (string | null)[]).includes(view) ? (view as EditorView) : 'edit' };
};

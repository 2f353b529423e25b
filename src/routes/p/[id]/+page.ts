import type { PageLoad } from './$types';

// The editor runs in the browser only: its document lives in IndexedDB and on a WebSocket, and
// rendering it on the server would show an empty plan before the real one.
export const ssr = false;

export const load: PageLoad = ({ params }) => ({ id: params.id });

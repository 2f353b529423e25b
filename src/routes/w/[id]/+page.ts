import type { PageLoad } from './$types';

// The dashboard lives in the browser: it follows every team's plan over WebSockets.
export const ssr = false;

export const load: PageLoad = ({ params }) => ({ id: params.id });

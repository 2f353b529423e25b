/**
 * Where a plan's WebSocket connects. No imports: the app's start hook builds this URL too, before
 * yjs and y-websocket have loaded (early-socket.ts).
 */

/** The WebSocket endpoint of the page's own origin (`ws:` or `wss:` like the page). */
export function webSocketBaseUrl(location: Pick<Location, 'protocol' | 'host'>): string {
	return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/ws`;
}

/**
 * The URL y-websocket's provider opens for plan `planId` with `token` (its `url` getter: base,
 * room name, then the params through lib0's encodeQueryParams), so a socket opened before the
 * provider exists can be recognised as the one it asks for.
 */
export function planSocketUrl(base: string, planId: string, token: string): string {
	return `${base.replace(/\/+$/, '')}/${planId}?token=${encodeURIComponent(token)}`;
}

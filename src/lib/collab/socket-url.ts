/** Where a plan's WebSocket connects; no imports, so any page can use it cheaply. */

/** The WebSocket endpoint of the page's own origin (`ws:` or `wss:` like the page). */
export function webSocketBaseUrl(location: Pick<Location, 'protocol' | 'host'>): string {
	return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/ws`;
}


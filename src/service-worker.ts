/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * Lets planbook open with the network down (DESIGN §2 "Browser"): the app's files are cached at
 * install, and the two page shells (the plan list and the editor, which renders in the browser
 * only) are kept from the last successful load. Plan data never goes through here: documents
 * live in IndexedDB and sync over the WebSocket; the API, the socket and health checks always go
 * to the network.
 *
 * Pages are network-first (an online user always gets the current app); immutable build files are
 * cache-first (their names change with their content).
 */
import { build, files, version } from '$service-worker';

const worker = self as unknown as ServiceWorkerGlobalScope;

const CACHE = `planbook-${version}`;
const APP_FILES = [...build, ...files];
/** Cache keys of the page shells; any editor URL is answered with the editor shell offline. */
const LIST_SHELL = '/';
const EDITOR_SHELL = '/p/offline-shell';
/** Paths that are live server state, never answered from a cache. */
const NETWORK_ONLY = /^\/(api|ws|healthz|metrics)(\/|$)/;

worker.addEventListener('install', (event) => {
	event.waitUntil(
		(async () => {
			const cache = await caches.open(CACHE);
			await cache.addAll(APP_FILES);
			// The shells too, so the first offline visit works even if no page was loaded since.
			const shells = [LIST_SHELL, EDITOR_SHELL, `${EDITOR_SHELL}/__data.json`, '/__data.json'];
			await Promise.all(shells.map((path) => cache.add(path).catch(() => undefined)));
			await worker.skipWaiting();
		})()
	);
});

worker.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
			await worker.clients.claim();
		})()
	);
});

/** The cache key a page response is kept under (one per shell), or null for other pages. */
function shellKey(pathname: string): string | null {
	if (pathname === '/') return LIST_SHELL;
	if (pathname.startsWith('/p/')) return EDITOR_SHELL;
	return null;
}

async function appFile(request: Request): Promise<Response> {
	const cache = await caches.open(CACHE);
	return (await cache.match(request)) ?? fetch(request);
}

async function page(request: Request, key: string | null): Promise<Response> {
	const cache = await caches.open(CACHE);
	try {
		const response = await fetch(request);
		if (key && response.ok) await cache.put(key, response.clone());
		return response;
	} catch (error) {
		const cached = key ? await cache.match(key) : undefined;
		if (cached) return cached;
		throw error;
	}
}

/**
 * The key of a page's server data (`…/__data.json`: the layout's locale). The editor renders in
 * the browser only, so it fetches this on load and cannot start without it.
 */
function dataKey(pathname: string): string | null {
	const shell = shellKey(pathname.slice(0, -'/__data.json'.length) || '/');
	return shell === null ? null : `${shell === '/' ? '' : shell}/__data.json`;
}

worker.addEventListener('fetch', (event) => {
	const { request } = event;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== worker.location.origin || NETWORK_ONLY.test(url.pathname)) return;
	if (APP_FILES.includes(url.pathname)) {
		event.respondWith(appFile(request));
	} else if (request.mode === 'navigate') {
		event.respondWith(page(request, shellKey(url.pathname)));
	} else if (url.pathname.endsWith('/__data.json')) {
		event.respondWith(page(request, dataKey(url.pathname)));
	}
});

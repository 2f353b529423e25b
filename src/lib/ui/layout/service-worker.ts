/**
 * Registers planbook's service worker (src/service-worker.ts), which makes the app open offline.
 *
 * Registering installs it, and installing downloads every file of the app for the offline cache:
 * a few megabytes that compete with the page's own loading for the network, the server and the
 * CPU. SvelteKit's automatic registration (on the window's `load` event) is turned off in
 * svelte.config.js because on the editor, `load` comes while the plan is still arriving: the
 * install doubled the time to open a large plan. Each page registers once it shows what it was
 * opened for; registering again is a no-op for the browser.
 */

/** Where SvelteKit serves the built service worker (no base path is configured). */
const SCRIPT_URL = '/service-worker.js';
/** How long registration may wait for an idle moment, in milliseconds. */
const IDLE_TIMEOUT_MS = 2_000;

/** Registers at the next idle moment; without service workers (or when refused), does nothing. */
export function registerServiceWorkerWhenIdle(): void {
	if (!('serviceWorker' in navigator)) return;
	const register = (): void => {
		// Refused (an insecure origin, a private window): the app still works, only not offline.
		navigator.serviceWorker.register(SCRIPT_URL).catch(() => {});
	};
	if (typeof requestIdleCallback === 'function') requestIdleCallback(register, { timeout: IDLE_TIMEOUT_MS });
	else setTimeout(register, 0);
}

/** Registers once the page and its files have loaded (what SvelteKit did), then at idle. */
export function registerServiceWorkerAfterLoad(): void {
	if (document.readyState === 'complete') registerServiceWorkerWhenIdle();
	else addEventListener('load', registerServiceWorkerWhenIdle, { once: true });
}

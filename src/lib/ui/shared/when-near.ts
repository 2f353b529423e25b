/**
 * Calls `onnear` once, when `element` comes within `margin` of the viewport or, failing that, when
 * the browser is idle. Large plans mount their rich-text editors this way: the sections on screen
 * become editable first, the rest follow in idle time, so opening a big plan does not wait for
 * every editor on the page. Returns a function that cancels.
 */
export function whenNear(element: Element, onnear: () => void, margin = '800px'): () => void {
	let done = false;
	const fire = () => {
		if (done) return;
		done = true;
		cancel();
		onnear();
	};
	const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && fire(), { rootMargin: margin });
	observer.observe(element);
	const idle =
		typeof requestIdleCallback === 'function'
			? requestIdleCallback(fire, { timeout: 3000 })
			: (setTimeout(fire, 500) as unknown as number);
	function cancel(): void {
		observer.disconnect();
		if (typeof cancelIdleCallback === 'function') cancelIdleCallback(idle);
		else clearTimeout(idle);
	}
	return () => {
		done = true;
		cancel();
	};
}

/**
 * Opening a plan in headless Chromium and timing it, for the load suite. The moment the plan is
 * "editable" is taken inside the page, so no CDP round trip or polling interval is counted: an
 * init script watches the DOM from the first byte, notes when the first section's rich-text editor
 * is in the document and editable, and then when the next frame after that has run — when a
 * person sees the text and can type. Times are `performance.now()` of the new document, i.e.
 * milliseconds since its navigation started. For the breakdown it also notes when the largest
 * WebSocket message arrived (on a cold open, the server's sync step 2 carrying the whole plan), and
 * when the key figures panel first shows the plan's numbers (the app works them out at the first
 * idle moment after the plan is on screen; they are not part of "editable").
 */
import { chromium, type Browser, type Page } from '@playwright/test';

/**
 * The first section of the plan and its rich-text editor, as the app marks them up (SectionCard:
 * `data-section-kind` on each section; RichText: ProseMirror's editable `role="textbox"`).
 */
export const FIRST_SECTION_EDITOR = {
	section: '[data-section-kind]',
	editor: '[role="textbox"][contenteditable="true"]',
	/** KeyFiguresPanel's profit row; `data-state="computing"` until the numbers are worked out. */
	profit: '[data-figure="profit"]'
} as const;

/** Launch options of the e2e suite (playwright.config.ts): Debian's chromium, no GPU, no sandbox. */
export function launchChromium(): Promise<Browser> {
	return chromium.launch({
		executablePath: process.env.PLANBOOK_CHROMIUM ?? '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update']
	});
}

export interface OpenTiming {
	/** Navigation start → the first section's editor is editable and a frame has run after it. */
	editableMs: number;
	/** Navigation start → the editor element is in the DOM and editable (before that frame). */
	inDomMs: number;
	/** Navigation start → the HTML has arrived, and DOMContentLoaded has run. */
	responseEndMs: number;
	domContentLoadedMs: number;
	/** Navigation start → the app opened its WebSocket (it has read its token and local state). */
	socketOpenedMs: number;
	/** Navigation start → the largest WebSocket message arrived (before the app handles it), and its size. */
	largestMessageMs: number;
	largestMessageBytes: number;
	/** Navigation start → the key figures show the plan's numbers (after `editableMs`). */
	figuresMs: number;
}

interface BenchMarks {
	socketOpenedMs?: number;
	inDomMs?: number;
	editableMs?: number;
	largestMessageMs?: number;
	largestMessageBytes?: number;
	figuresMs?: number;
}

declare global {
	interface Window {
		__planbookBench?: BenchMarks;
	}
}

/** Makes every document the page loads record its editable moment (call once per page). */
export async function watchEditable(page: Page): Promise<void> {
	await page.addInitScript((selectors: typeof FIRST_SECTION_EDITOR) => {
		const marks: BenchMarks = {};
		window.__planbookBench = marks;
		// Our listener is added in the constructor, before y-websocket sets `onmessage`, so it runs first.
		const NativeWebSocket = window.WebSocket;
		window.WebSocket = class extends NativeWebSocket {
			constructor(url: string | URL, protocols?: string | string[]) {
				super(url, protocols);
				marks.socketOpenedMs ??= performance.now();
				this.addEventListener('message', (event: MessageEvent<unknown>) => {
					const data = event.data;
					const bytes = data instanceof ArrayBuffer ? data.byteLength : data instanceof Blob ? data.size : 0;
					if (bytes > (marks.largestMessageBytes ?? 0)) {
						marks.largestMessageBytes = bytes;
						marks.largestMessageMs = performance.now();
					}
				});
			}
		};
		const observer = new MutationObserver(() => {
			const editor = document.querySelector(selectors.section)?.querySelector(selectors.editor);
			if (!editor) return;
			observer.disconnect();
			marks.inDomMs = performance.now();
			// The frame is painted after rAF callbacks; the task after it runs once the main thread is free.
			requestAnimationFrame(() =>
				setTimeout(() => {
					marks.editableMs = performance.now();
					// From the editable moment on (watching costs the page nothing before it): when the key
					// figures show numbers. A poll, as the panel may already show them.
					const poll = setInterval(() => {
						const state = document.querySelector(selectors.profit)?.getAttribute('data-state');
						if (state === undefined || state === null || state === 'computing') return;
						clearInterval(poll);
						marks.figuresMs = performance.now();
					}, 5);
				})
			);
		});
		observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['contenteditable'] });
	}, FIRST_SECTION_EDITOR);
}

/** Navigates to `url` and returns its timing once the plan is editable and its numbers are shown. */
export async function openAndTime(page: Page, url: string, timeoutMs: number): Promise<OpenTiming> {
	await page.goto(url, { waitUntil: 'commit', timeout: timeoutMs });
	// Waiting for the numbers too changes no figure: each is the time its mark was taken in the page.
	await page.waitForFunction(
		() => window.__planbookBench?.editableMs !== undefined && window.__planbookBench.figuresMs !== undefined,
		null,
		{ timeout: timeoutMs, polling: 50 }
	);
	return page.evaluate(() => {
		const marks = window.__planbookBench ?? {};
		const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
		return {
			editableMs: marks.editableMs ?? Number.NaN,
			inDomMs: marks.inDomMs ?? Number.NaN,
			responseEndMs: navigation?.responseEnd ?? Number.NaN,
			domContentLoadedMs: navigation?.domContentLoadedEventEnd ?? Number.NaN,
			socketOpenedMs: marks.socketOpenedMs ?? Number.NaN,
			largestMessageMs: marks.largestMessageMs ?? Number.NaN,
			largestMessageBytes: marks.largestMessageBytes ?? 0,
			figuresMs: marks.figuresMs ?? Number.NaN
		};
	});
}

/**
 * The first visit asks for a display name in a modal dialog, opened while the plan loads; a modal
 * dialog keeps the editor behind it from taking input. Answers it as a person would (the e2e
 * page object does the same), which also stores the name: a later visit in this context does not ask.
 */
export async function answerNameQuestion(page: Page, name: string, timeoutMs: number): Promise<void> {
	const dialog = page.locator('dialog[aria-labelledby="name-title"]');
	await dialog.waitFor({ state: 'visible', timeout: timeoutMs });
	await dialog.getByRole('textbox').fill(name);
	await dialog.locator('button[type="submit"]').click();
	await dialog.waitFor({ state: 'hidden', timeout: timeoutMs });
}

/** Types `text` at the end of the first section's text. */
export async function typeInFirstSection(page: Page, text: string, timeoutMs: number): Promise<void> {
	const editor = page.locator(FIRST_SECTION_EDITOR.section).first().locator(FIRST_SECTION_EDITOR.editor).first();
	await editor.click({ timeout: timeoutMs });
	await page.keyboard.press('ControlOrMeta+End');
	await page.keyboard.type(text);
}

/** Bytes of plan `id`'s document in the page's IndexedDB (the app's Dexie database), 0 when absent. */
export function storedDocBytes(page: Page, id: string): Promise<number> {
	return page.evaluate(
		(planId) =>
			new Promise<number>((resolve) => {
				const request = indexedDB.open('planbook');
				request.onerror = () => resolve(0);
				request.onsuccess = () => {
					const db = request.result;
					if (!db.objectStoreNames.contains('docs')) {
						db.close();
						return resolve(0);
					}
					const get = db.transaction('docs').objectStore('docs').get(planId);
					get.onsuccess = () => {
						db.close();
						const state = (get.result as { state?: Uint8Array } | undefined)?.state;
						resolve(state?.byteLength ?? 0);
					};
					get.onerror = () => {
						db.close();
						resolve(0);
					};
				};
			}),
		id
	);
}

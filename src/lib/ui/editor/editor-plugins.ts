/**
 * Small editor behaviours planbook needs beyond StarterKit, as one Tiptap extension:
 * - a placeholder on an empty section (text from a getter, so a language switch applies at once);
 * - links open only on Ctrl/⌘-click, in a new tab without opener, and only safe hrefs: a plain
 *   click places the caret (editing) or does nothing (read-only), never navigates away from a plan;
 * - Mod-k opens the link form;
 * - text that arrives from the doc (the plan loading, someone else typing) is not autolinked here.
 */
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, TextSelection } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { safeHref } from './href';

export interface EditorBehaviourOptions {
	placeholder: () => string;
	onLinkShortcut: () => void;
}

/** True when the platform's "open link" modifier is held (⌘ on Apple devices, Ctrl elsewhere). */
export function isOpenModifier(event: MouseEvent | KeyboardEvent): boolean {
	return event.metaKey || event.ctrlKey;
}

/**
 * Brings ProseMirror's selection up to the one the user sees. Chrome reports keyboard selection
 * changes (Shift+arrows) with a later `selectionchange` event, so a shortcut pressed right after
 * them can find ProseMirror one character behind: the link form would then link "urvey" of a
 * highlighted "survey". Does nothing when the DOM selection is not inside this editor.
 */
export function syncSelectionFromDom(view: EditorView): void {
	const selection = view.dom.ownerDocument.getSelection();
	const { anchorNode, focusNode } = selection ?? {};
	if (!selection || !anchorNode || !focusNode) return;
	if (!view.dom.contains(anchorNode) || !view.dom.contains(focusNode)) return;
	let anchor: number;
	let head: number;
	try {
		anchor = view.posAtDOM(anchorNode, selection.anchorOffset);
		head = view.posAtDOM(focusNode, selection.focusOffset);
	} catch {
		return; // a position inside a decoration (a remote caret): keep ProseMirror's own selection
	}
	const current = view.state.selection;
	if (current.anchor === anchor && current.head === head) return;
	view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, anchor, head)));
}

export const EditorBehaviour = Extension.create<EditorBehaviourOptions>({
	name: 'planbookBehaviour',
	// Before every other extension's keymap: shortcuts must see the selection the user sees.
	priority: 1000,

	addOptions() {
		return { placeholder: () => '', onLinkShortcut: () => {} };
	},

	addKeyboardShortcuts() {
		return {
			'Mod-k': () => {
				this.options.onLinkShortcut();
				return true;
			}
		};
	},

	addProseMirrorPlugins() {
		const options = this.options;
		return [
			new Plugin({
				key: new PluginKey('planbookShortcutSelection'),
				props: {
					// Ctrl/⌘ shortcuts (bold, link …) right after Shift+arrows would otherwise act on
					// the selection ProseMirror has not caught up with yet (see syncSelectionFromDom).
					handleKeyDown(view, event) {
						if (event.ctrlKey || event.metaKey) syncSelectionFromDom(view);
						return false;
					}
				}
			}),
			new Plugin({
				key: new PluginKey('planbookRemoteTextUnlinked'),
				// Whoever typed a text linked it or not; autolinking it again in every editor that
				// receives it would write marks into a plan nobody here edited (a viewer's included),
				// and scans a whole long section as it loads (~10 ms on a big plan's first paint).
				filterTransaction(tr) {
					const sync = tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined;
					if (sync?.isChangeOrigin) tr.setMeta('preventAutolink', true);
					return true;
				}
			}),
			new Plugin({
				key: new PluginKey('planbookPlaceholder'),
				props: {
					decorations(state) {
						const { doc } = state;
						const first = doc.firstChild;
						if (doc.childCount !== 1 || !first || !first.isTextblock || first.content.size > 0) return null;
						return DecorationSet.create(doc, [
							Decoration.node(0, first.nodeSize, { class: 'is-empty', 'data-placeholder': options.placeholder() })
						]);
					}
				}
			}),
			new Plugin({
				key: new PluginKey('planbookLinkClick'),
				props: {
					handleDOMEvents: {
						click(_view, event) {
							const target = event.target instanceof Element ? event.target.closest('a') : null;
							if (!target) return false;
							// Never let the browser follow a link inside the editor by itself.
							event.preventDefault();
							if (event.button !== 0 || !isOpenModifier(event)) return false;
							const href = safeHref(target.getAttribute('href'));
							if (href) window.open(href, '_blank', 'noopener,noreferrer');
							return true;
						},
						auxclick(_view, event) {
							// A middle click would open the link without the modifier rule.
							if (event.target instanceof Element && event.target.closest('a')) event.preventDefault();
							return false;
						}
					}
				}
			})
		];
	}
});

/**
 * Small editor behaviours planbook needs beyond StarterKit, as one Tiptap extension:
 * - a placeholder on an empty section (text from a getter, so a language switch applies at once);
 * - links open only on Ctrl/⌘-click, in a new tab without opener, and only safe hrefs: a plain
 *   click places the caret (editing) or does nothing (read-only), never navigates away from a plan;
 * - Mod-k opens the link form.
 */
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { safeHref } from './href';

export interface EditorBehaviourOptions {
	placeholder: () => string;
	onLinkShortcut: () => void;
}

/** True when the platform's "open link" modifier is held (⌘ on Apple devices, Ctrl elsewhere). */
export function isOpenModifier(event: MouseEvent | KeyboardEvent): boolean {
	return event.metaKey || event.ctrlKey;
}

export const EditorBehaviour = Extension.create<EditorBehaviourOptions>({
	name: 'planbookBehaviour',

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

/**
 * The Tiptap extensions of a section's rich text. The schema must match what
 * collab/schema/rich-text.ts reads and writes — y-prosemirror deletes shared elements the schema
 * does not know — so StarterKit's strike, underline, code block and horizontal rule are off, and
 * headings stop at level 3. Undo is Yjs's (the Collaboration extension's UndoManager tracks only
 * this user's changes), so StarterKit's history is off. The trailing-node helper is off too: every
 * client would append its own empty paragraph to the shared doc on open.
 */
import type { AnyExtension } from '@tiptap/core';
import { Collaboration } from '@tiptap/extension-collaboration';
import { CollaborationCaret } from '@tiptap/extension-collaboration-caret';
import { StarterKit } from '@tiptap/starter-kit';
import type { Awareness } from 'y-protocols/awareness';
import type { XmlFragment } from 'yjs';
import { EditorBehaviour } from './editor-plugins';
import { safeHref } from './href';
import type { ReferenceMenuState } from './reference-menu.svelte';
import { ReferenceSuggestion } from './reference-suggestion';
import { VarRef, type LiveReferences } from './var-ref';

/** Who this person is to others: shown on their caret. `color` must be #rrggbb (y-prosemirror). */
export interface CaretUser {
	name: string;
	color: string;
}

export interface RichTextSetup {
	fragment: XmlFragment;
	awareness: Awareness | null;
	user: CaretUser;
	live: LiveReferences;
	menu: ReferenceMenuState;
	placeholder: () => string;
	onLinkShortcut: () => void;
}

/** Remote caret: a zero-width bar with the name above it, so it never shifts the text around it. */
function renderCaret(user: Record<string, unknown>): HTMLElement {
	const caret = document.createElement('span');
	caret.className = 'remote-caret';
	// Presence decoration, not text: screen readers must not read names into the prose.
	caret.setAttribute('aria-hidden', 'true');
	const color = typeof user.color === 'string' ? user.color : '#888888';
	caret.style.setProperty('--caret-color', color);
	const label = document.createElement('span');
	label.className = 'remote-caret__label';
	label.textContent = typeof user.name === 'string' ? user.name : '';
	caret.append(label);
	return caret;
}

export function richTextExtensions(setup: RichTextSetup): AnyExtension[] {
	const extensions: AnyExtension[] = [
		StarterKit.configure({
			undoRedo: false,
			heading: { levels: [1, 2, 3] },
			codeBlock: false,
			horizontalRule: false,
			strike: false,
			underline: false,
			trailingNode: false,
			link: {
				openOnClick: false,
				enableClickSelection: false,
				autolink: true,
				linkOnPaste: true,
				defaultProtocol: 'https',
				isAllowedUri: (url) => safeHref(url) !== null,
				HTMLAttributes: { target: '_blank', rel: 'noopener noreferrer nofollow' }
			}
		}),
		Collaboration.configure({ fragment: setup.fragment }),
		VarRef.configure({ live: setup.live }),
		ReferenceSuggestion.configure({ live: setup.live, menu: setup.menu }),
		EditorBehaviour.configure({ placeholder: setup.placeholder, onLinkShortcut: setup.onLinkShortcut })
	];
	if (setup.awareness) {
		extensions.push(
			CollaborationCaret.configure({
				provider: { awareness: setup.awareness },
				user: { name: setup.user.name, color: setup.user.color },
				render: renderCaret
			})
		);
	}
	return extensions;
}

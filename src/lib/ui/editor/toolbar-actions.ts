/**
 * The formatting toolbar's actions: what each button does, whether it is pressed, and the keyboard
 * shortcut it shares with the editor (StarterKit's own bindings, listed here so the tooltip tells
 * the truth).
 */
import type { Editor } from '@tiptap/core';
import type { MessageKey } from '$lib/i18n';
import type { ToolbarIconName } from './toolbar-icons';

export interface ToolbarAction {
	id: string;
	icon: ToolbarIconName;
	label: MessageKey;
	labelParams?: Record<string, string | number>;
	/** Shortcut keys with `Mod` for Ctrl/⌘. */
	keys?: string;
	/** A toggle (aria-pressed) rather than a one-shot command. */
	toggle: boolean;
	isActive: (editor: Editor) => boolean;
	isEnabled: (editor: Editor) => boolean;
	run: (editor: Editor) => void;
}

const always = () => true;
const never = () => false;

function heading(level: 1 | 2 | 3): ToolbarAction {
	return {
		id: `h${level}`,
		icon: `h${level}`,
		label: 'editor.toolbar.heading',
		labelParams: { level },
		keys: `Mod-Alt-${level}`,
		toggle: true,
		isActive: (e) => e.isActive('heading', { level }),
		isEnabled: (e) => e.can().toggleHeading({ level }),
		run: (e) => e.chain().focus().toggleHeading({ level }).run()
	};
}

/** Toolbar groups, separated visually; `link` and `reference` are handled by the component. */
export const TOOLBAR_GROUPS: readonly (readonly ToolbarAction[])[] = [
	[
		{
			id: 'paragraph',
			icon: 'paragraph',
			label: 'editor.toolbar.paragraph',
			keys: 'Mod-Alt-0',
			toggle: true,
			isActive: (e) => e.isActive('paragraph') && !e.isActive('bulletList') && !e.isActive('orderedList') && !e.isActive('blockquote'),
			// Always available: on a paragraph it is simply a no-op.
			isEnabled: always,
			run: (e) => e.chain().focus().setParagraph().run()
		},
		heading(1),
		heading(2),
		heading(3)
	],
	[
		{
			id: 'bold',
			icon: 'bold',
			label: 'editor.toolbar.bold',
			keys: 'Mod-B',
			toggle: true,
			isActive: (e) => e.isActive('bold'),
			isEnabled: (e) => e.can().toggleBold(),
			run: (e) => e.chain().focus().toggleBold().run()
		},
		{
			id: 'italic',
			icon: 'italic',
			label: 'editor.toolbar.italic',
			keys: 'Mod-I',
			toggle: true,
			isActive: (e) => e.isActive('italic'),
			isEnabled: (e) => e.can().toggleItalic(),
			run: (e) => e.chain().focus().toggleItalic().run()
		},
		{
			id: 'code',
			icon: 'code',
			label: 'editor.toolbar.code',
			keys: 'Mod-E',
			toggle: true,
			isActive: (e) => e.isActive('code'),
			isEnabled: (e) => e.can().toggleCode(),
			run: (e) => e.chain().focus().toggleCode().run()
		},
		{
			id: 'link',
			icon: 'link',
			label: 'editor.toolbar.link',
			keys: 'Mod-K',
			toggle: true,
			isActive: (e) => e.isActive('link'),
			isEnabled: always,
			run: () => {}
		}
	],
	[
		{
			id: 'bulletList',
			icon: 'bulletList',
			label: 'editor.toolbar.bulletList',
			keys: 'Mod-Shift-8',
			toggle: true,
			isActive: (e) => e.isActive('bulletList'),
			isEnabled: (e) => e.can().toggleBulletList(),
			run: (e) => e.chain().focus().toggleBulletList().run()
		},
		{
			id: 'orderedList',
			icon: 'orderedList',
			label: 'editor.toolbar.orderedList',
			keys: 'Mod-Shift-7',
			toggle: true,
			isActive: (e) => e.isActive('orderedList'),
			isEnabled: (e) => e.can().toggleOrderedList(),
			run: (e) => e.chain().focus().toggleOrderedList().run()
		},
		{
			id: 'blockquote',
			icon: 'blockquote',
			label: 'editor.toolbar.blockquote',
			keys: 'Mod-Shift-B',
			toggle: true,
			isActive: (e) => e.isActive('blockquote'),
			isEnabled: (e) => e.can().toggleBlockquote(),
			run: (e) => e.chain().focus().toggleBlockquote().run()
		}
	],
	[
		{
			id: 'reference',
			icon: 'reference',
			label: 'editor.toolbar.reference',
			toggle: false,
			isActive: never,
			isEnabled: always,
			// A space first when the caret follows a word, so the `@` opens the menu.
			run: (e) => {
				const { $from } = e.state.selection;
				const before = $from.parentOffset > 0 ? $from.parent.textBetween($from.parentOffset - 1, $from.parentOffset, undefined, ' ') : '';
				e.chain().focus().insertContent(/[A-Za-z0-9_.+-]/.test(before) ? ' @' : '@').run();
			}
		}
	],
	[
		{
			id: 'undo',
			icon: 'undo',
			label: 'editor.toolbar.undo',
			keys: 'Mod-Z',
			toggle: false,
			isActive: never,
			isEnabled: (e) => e.can().undo(),
			run: (e) => e.chain().focus().undo().run()
		},
		{
			id: 'redo',
			icon: 'redo',
			label: 'editor.toolbar.redo',
			keys: 'Mod-Shift-Z',
			toggle: false,
			isActive: never,
			isEnabled: (e) => e.can().redo(),
			run: (e) => e.chain().focus().redo().run()
		}
	]
];

/** "Mod-Shift-8" as a person reads it on this platform: "Ctrl+Shift+8" or "⌘⇧8". */
export function shortcutText(keys: string, apple: boolean): string {
	const parts = keys.split('-');
	if (apple) {
		const symbols: Record<string, string> = { Mod: '⌘', Shift: '⇧', Alt: '⌥' };
		return parts.map((p) => symbols[p] ?? p).join('');
	}
	return parts.map((p) => (p === 'Mod' ? 'Ctrl' : p)).join('+');
}

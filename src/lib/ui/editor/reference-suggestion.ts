/**
 * Typing `@` or `=` in prose opens the reference menu (@tiptap/suggestion, one plugin per trigger)
 * listing the plan's variables and finance outputs that match what follows; choosing one replaces
 * the typed text with a live `varRef` chip.
 */
import { Extension, type Editor } from '@tiptap/core';
import { isChangeOrigin } from '@tiptap/extension-collaboration';
import type { EditorState } from '@tiptap/pm/state';
import { PluginKey } from '@tiptap/pm/state';
import { Suggestion } from '@tiptap/suggestion';
import { VAR_REF_NODE } from '$lib/collab/schema/rich-text';
import type { ReferenceCandidate } from '$lib/state/plan-view';
import type { ReferenceMenuState } from './reference-menu.svelte';
import { REFERENCE_TRIGGERS, filterCandidates, triggerAllowed } from './reference-filter';
import type { LiveReferences } from './var-ref';

export interface ReferenceSuggestionOptions {
	live: LiveReferences | null;
	menu: ReferenceMenuState | null;
}

/** The character before `pos` in its text block ('' at the block start, U+FFFC for a chip). */
function charBefore(state: EditorState, pos: number): string {
	const $pos = state.doc.resolve(pos);
	if ($pos.parentOffset === 0) return '';
	return $pos.parent.textBetween($pos.parentOffset - 1, $pos.parentOffset, undefined, '\ufffc');
}

/** Replaces the typed trigger and query with a reference to `name`. */
export function insertReference(editor: Editor, range: { from: number; to: number }, name: string): void {
	editor.chain().focus().insertContentAt(range, { type: VAR_REF_NODE, attrs: { name } }).run();
}

export const ReferenceSuggestion = Extension.create<ReferenceSuggestionOptions>({
	name: 'referenceSuggestion',

	addOptions() {
		return { live: null, menu: null };
	},

	addProseMirrorPlugins() {
		const { live, menu } = this.options;
		if (!live || !menu) return [];
		return REFERENCE_TRIGGERS.map((char) =>
			Suggestion<ReferenceCandidate, ReferenceCandidate>({
				editor: this.editor,
				char,
				pluginKey: new PluginKey(`planbookReference${char.codePointAt(0)}`),
				// Prefix rules are ours (triggerAllowed): Chinese prose has no space before `@`.
				allowedPrefixes: null,
				decorationClass: 'reference-query',
				allow: ({ state, range }) => triggerAllowed(char, charBefore(state, range.from)),
				// A peer's typing next to the caret must not open a menu here.
				shouldShow: ({ transaction }) => !isChangeOrigin(transaction),
				items: ({ query }) => filterCandidates(live.source.candidates(), query),
				command: ({ editor, range, props }) => insertReference(editor, range, props.name),
				render: () => {
					const open = (props: { editor: Editor; range: { from: number }; query: string; items: ReferenceCandidate[]; command: (c: ReferenceCandidate) => void }) =>
						menu.show({ view: props.editor.view, from: props.range.from, query: props.query, items: props.items, choose: props.command });
					return {
						onStart: open,
						onUpdate: open,
						onExit: () => menu.hide(),
						onKeyDown: ({ event }) => menu.key(event)
					};
				}
			})
		);
	}
});

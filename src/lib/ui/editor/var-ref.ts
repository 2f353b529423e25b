/**
 * Live references in prose: the inline atom `varRef` (name and attribute exactly as
 * collab/schema/rich-text.ts stores them, so y-prosemirror reads and writes the same elements) and
 * its chip, which shows the referenced figure's current value and re-renders whenever results
 * change.
 *
 * Chips do not subscribe to the plan themselves: one {@link LiveReferences} per editor holds the
 * current ReferenceSource and UI language and fans a single subscription out to its chips, so a
 * section with fifty references costs one listener, and a swapped source or language reaches every
 * chip.
 */
import { Node, mergeAttributes } from '@tiptap/core';
import type { NodeView } from '@tiptap/pm/view';
import type { ReferenceSource } from '$lib/state/plan-view';
import { VAR_REF_NODE } from '$lib/collab/schema/rich-text';
import type { Translate } from '../shared/translate-fn';
import { describeReference, type ReferenceView } from './reference-chip';

/** The current reference source and language of one editor, shared by its chips. */
export class LiveReferences {
	#source: ReferenceSource;
	#t: Translate;
	#unsubscribe: () => void;
	#labels: Map<string, string> | null = null;
	readonly #listeners = new Set<() => void>();

	constructor(source: ReferenceSource, t: Translate) {
		this.#source = source;
		this.#t = t;
		this.#unsubscribe = source.subscribe(this.#changed);
	}

	get source(): ReferenceSource {
		return this.#source;
	}

	/** Switches to another source or language (or re-renders after a display change). */
	update(source: ReferenceSource, t: Translate): void {
		if (source !== this.#source) {
			this.#unsubscribe();
			this.#source = source;
			this.#unsubscribe = source.subscribe(this.#changed);
		}
		this.#t = t;
		this.#changed();
	}

	/** What the chip for `name` shows now. */
	describe(name: string): ReferenceView {
		// Labels are looked up once per change, not once per chip.
		this.#labels ??= new Map(this.#source.candidates().map((c) => [c.name, c.label]));
		return describeReference(name, this.#source, this.#t, this.#labels.get(name));
	}

	/** Calls `listener` after results, source or language change; returns the unsubscribe. */
	onChange(listener: () => void): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	destroy(): void {
		this.#unsubscribe();
		this.#listeners.clear();
	}

	readonly #changed = (): void => {
		this.#labels = null;
		for (const listener of this.#listeners) listener();
	};
}

export interface VarRefOptions {
	live: LiveReferences | null;
}

/** Renders one chip and keeps it current. */
function chipView(name: string, live: LiveReferences | null): NodeView & { setName(name: string): void } {
	const dom = document.createElement('span');
	dom.className = 'var-ref';
	dom.setAttribute('data-var-ref', '');
	dom.contentEditable = 'false';
	let current = name;
	const render = () => {
		if (!live) {
			dom.textContent = `{${current}}`;
			return;
		}
		const view = live.describe(current);
		// Writing only what changed keeps the caret of someone typing next to the chip steady.
		if (dom.textContent !== view.text) dom.textContent = view.text;
		if (dom.title !== view.title) dom.title = view.title;
		if (dom.dataset.state !== view.state) dom.dataset.state = view.state;
		dom.dataset.name = current;
	};
	render();
	const off = live?.onChange(render);
	return {
		dom,
		setName(next: string) {
			current = next;
			render();
		},
		// The chip's text is ours, not the document's: ProseMirror must not read it back.
		ignoreMutation: () => true,
		destroy: () => off?.()
	};
}

/** The `varRef` inline atom with its live chip. Configure with `VarRef.configure({ live })`. */
export const VarRef = Node.create<VarRefOptions>({
	name: VAR_REF_NODE,
	group: 'inline',
	inline: true,
	atom: true,
	selectable: true,
	draggable: false,

	addOptions() {
		return { live: null };
	},

	addAttributes() {
		return {
			name: {
				default: '',
				parseHTML: (element) => element.getAttribute('data-name') ?? '',
				renderHTML: (attributes) => ({ 'data-name': String(attributes.name ?? '') })
			}
		};
	},

	parseHTML() {
		return [{ tag: 'span[data-var-ref]' }];
	},

	// Copying a chip to another program gives its current value; pasting it back into planbook
	// restores the reference (parseHTML above).
	renderHTML({ node, HTMLAttributes }) {
		const name = String(node.attrs.name ?? '');
		const text = this.options.live?.describe(name).text ?? `{${name}}`;
		return ['span', mergeAttributes({ 'data-var-ref': '' }, HTMLAttributes), text];
	},

	renderText({ node }) {
		const name = String(node.attrs.name ?? '');
		return this.options.live?.describe(name).text ?? `{${name}}`;
	},

	addNodeView() {
		return ({ node }) => {
			const view = chipView(String(node.attrs.name ?? ''), this.options.live);
			return {
				...view,
				update: (next) => {
					if (next.type !== node.type) return false;
					view.setName(String(next.attrs.name ?? ''));
					return true;
				}
			};
		};
	}
});

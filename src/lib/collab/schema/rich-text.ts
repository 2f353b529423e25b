/**
 * Section bodies are Y.XmlFragments in the shape y-prosemirror (Tiptap's Collaboration extension)
 * reads and writes: block elements named after ProseMirror nodes, Y.XmlText children whose format
 * attributes are the marks (`{ bold: {} }`, `{ link: { href } }`), and inline atom elements such as
 * `varRef`. The plan file stores the same content as markdown; this module converts between them.
 *
 * The markdown dialect is deliberately small: `#`–`###` headings, `-`/`*` and `1.` lists, `>` quotes,
 * blank-line paragraphs (a single newline is a hard break), `**bold**`, `*italic*`, `` `code` ``,
 * `[text](url)` and `{name}` for a live reference to a variable or finance figure. Only well-formed
 * pairs are markup, so ordinary text such as `5*3` survives a round trip unchanged.
 */
import * as Y from 'yjs';
import { parseBlocks, parseInline, type MarkdownMarks } from '../../domain/plan/markdown';

export { parseInline };

export const VAR_REF_NODE = 'varRef';

type Marks = MarkdownMarks;

function appendInline(parent: Element, source: string): void {
	let text: Y.XmlText | null = null;
	for (const piece of parseInline(source)) {
		if ('text' in piece) {
			if (!text) {
				text = new Y.XmlText();
				parent.push([text]);
			}
			// An explicit (possibly empty) attribute object stops the run inheriting the previous marks.
			text.insert(text.length, piece.text, piece.marks);
		} else {
			const el = element(parent, 'ref' in piece ? VAR_REF_NODE : 'hardBreak');
			if ('ref' in piece) el.setAttribute('name', piece.ref);
			text = null;
		}
	}
}

/** Elements carry ProseMirror attributes, which are not only strings (a heading's level is a number). */
type Element = Y.XmlElement<{ [key: string]: string | number }>;

function element(parent: Y.XmlFragment | Y.XmlElement, name: string): Element {
	const el: Element = new Y.XmlElement(name);
	// Yjs types children as string-attributed elements; y-prosemirror itself stores numbers too.
	parent.push([el as unknown as Y.XmlElement]);
	return el;
}

/** Replaces the fragment's content with the markdown's. Call inside a transaction. */
export function writeMarkdown(fragment: Y.XmlFragment, markdown: string): void {
	if (fragment.length > 0) fragment.delete(0, fragment.length);
	for (const block of parseBlocks(markdown)) {
		if (block.kind === 'paragraph') appendInline(element(fragment, 'paragraph'), block.text);
		else if (block.kind === 'heading') {
			const h = element(fragment, 'heading');
			h.setAttribute('level', block.level);
			appendInline(h, block.text);
		} else if (block.kind === 'blockquote') {
			appendInline(element(element(fragment, 'blockquote'), 'paragraph'), block.text);
		} else {
			const list = element(fragment, block.kind);
			for (const item of block.items) appendInline(element(element(list, 'listItem'), 'paragraph'), item);
		}
	}
}

function inlineMarkdown(el: Y.XmlElement): string {
	let out = '';
	for (const child of el.toArray()) {
		if (child instanceof Y.XmlText) {
			for (const op of child.toDelta() as { insert: unknown; attributes?: Marks }[]) {
				if (typeof op.insert !== 'string') continue;
				let t = op.insert;
				const a = op.attributes ?? {};
				if (a.code) t = '`' + t + '`';
				if (a.italic) t = '*' + t + '*';
				if (a.bold) t = '**' + t + '**';
				if (a.link && typeof a.link.href === 'string') t = `[${t}](${a.link.href})`;
				out += t;
			}
		} else if (child instanceof Y.XmlElement) {
			if (child.nodeName === VAR_REF_NODE) out += `{${String(child.getAttribute('name') ?? '')}}`;
			else if (child.nodeName === 'hardBreak') out += '\n';
			else out += inlineMarkdown(child);
		}
	}
	return out;
}

/** The fragment's content as markdown (the plan file's `text`). */
export function readMarkdown(fragment: Y.XmlFragment): string {
	const blocks: string[] = [];
	for (const node of fragment.toArray()) {
		if (!(node instanceof Y.XmlElement)) continue;
		switch (node.nodeName) {
			case 'heading': {
				const level = Math.min(3, Math.max(1, Number(node.getAttribute('level')) || 1));
				blocks.push('#'.repeat(level) + ' ' + inlineMarkdown(node));
				break;
			}
			case 'bulletList':
			case 'orderedList':
				blocks.push(
					node
						.toArray()
						.map((item, i) => (node.nodeName === 'bulletList' ? '- ' : `${i + 1}. `) + (item instanceof Y.XmlElement ? blockText(item) : ''))
						.join('\n')
				);
				break;
			case 'blockquote':
				blocks.push(blockText(node).split('\n').map((l) => '> ' + l).join('\n'));
				break;
			default:
				blocks.push(inlineMarkdown(node));
		}
	}
	return blocks.join('\n\n');
}

/** Text of a container whose children are paragraphs (list items, quotes). */
function blockText(el: Y.XmlElement): string {
	return el
		.toArray()
		.map((c) => (c instanceof Y.XmlElement ? inlineMarkdown(c) : ''))
		.join('\n');
}

/** Names referenced by `{name}` / varRef nodes in a fragment, for checks and the outline. */
export function referencedNames(fragment: Y.XmlFragment): string[] {
	const names = new Set<string>();
	const walk = (n: Y.XmlElement | Y.XmlFragment) => {
		for (const c of n.toArray()) {
			if (c instanceof Y.XmlElement) {
				if (c.nodeName === VAR_REF_NODE) names.add(String(c.getAttribute('name') ?? ''));
				walk(c);
			}
		}
	};
	walk(fragment);
	return [...names];
}

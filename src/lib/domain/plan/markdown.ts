/**
 * The plan file's markdown dialect (DESIGN §3 `text`), parsed without any editor or Yjs: the
 * collaborative doc, the exporters and the print view all read section text through here.
 *
 * `#`–`###` headings, `-`/`*` and `1.` lists, `>` quotes, blank-line paragraphs (a single newline is a
 * hard break), `**bold**`, `*italic*`, `` `code` ``, `[text](url)` and `{name}` for a live reference to
 * a variable or finance figure. Only well-formed pairs are markup, so `5*3` stays text. Everything
 * else, HTML included, is plain text: renderers must escape it.
 */

/** Marks of a text run, keyed as ProseMirror names them (`bold`, `italic`, `code`, `link: {href}`). */
export type MarkdownMarks = Record<string, Record<string, unknown>>;
type Marks = MarkdownMarks;
/** A piece of a paragraph: a text run, a `{name}` reference or a hard line break. */
export type MarkdownInline = { text: string; marks: Marks } | { ref: string } | { hardBreak: true };

const INLINE = /\*\*(.+?)\*\*|\*([^*\s](?:[^*]*[^*\s])?)\*|`([^`]+)`|\[([^\]]+)\]\(([^)\s]+)\)|\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** Parses one paragraph's inline markdown into text runs, references and hard breaks. */
export function parseInline(source: string, marks: Marks = {}): MarkdownInline[] {
	const out: MarkdownInline[] = [];
	const lines = source.split('\n');
	lines.forEach((line, i) => {
		if (i > 0) out.push({ hardBreak: true });
		let last = 0;
		for (const m of line.matchAll(INLINE)) {
			const at = m.index ?? 0;
			if (at > last) out.push({ text: line.slice(last, at), marks });
			if (m[1] !== undefined) out.push(...parseInline(m[1], { ...marks, bold: {} }));
			else if (m[2] !== undefined) out.push(...parseInline(m[2], { ...marks, italic: {} }));
			else if (m[3] !== undefined) out.push({ text: m[3], marks: { ...marks, code: {} } });
			else if (m[4] !== undefined) out.push(...parseInline(m[4], { ...marks, link: { href: m[5] } }));
			else if (m[6] !== undefined) out.push({ ref: m[6] });
			last = at + m[0].length;
		}
		if (last < line.length) out.push({ text: line.slice(last), marks });
	});
	return out;
}

/** A block of section text; its `text` is still inline markdown (see {@link parseInline}). */
export type MarkdownBlock =
	| { kind: 'paragraph'; text: string }
	| { kind: 'heading'; level: number; text: string }
	| { kind: 'bulletList' | 'orderedList'; items: string[] }
	| { kind: 'blockquote'; text: string };

/** Splits markdown into blocks. */
export function parseBlocks(markdown: string): MarkdownBlock[] {
	const blocks: MarkdownBlock[] = [];
	const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
	let para: string[] = [];
	let afterBlank = false;
	const flush = () => {
		if (para.length > 0) blocks.push({ kind: 'paragraph', text: para.join('\n') });
		para = [];
	};
	for (const line of lines) {
		const heading = /^(#{1,3}) (.*)$/.exec(line);
		const bullet = /^[-*] (.*)$/.exec(line);
		const ordered = /^\d+[.)] (.*)$/.exec(line);
		const quote = /^> ?(.*)$/.exec(line);
		// A blank line or a paragraph ends a list or quote: what follows is a block of its own.
		const previous = afterBlank || para.length > 0 ? undefined : blocks[blocks.length - 1];
		afterBlank = line.trim() === '';
		if (afterBlank) flush();
		else if (heading) {
			flush();
			blocks.push({ kind: 'heading', level: (heading[1] as string).length, text: heading[2] as string });
		} else if (bullet || ordered) {
			flush();
			const kind = bullet ? 'bulletList' : 'orderedList';
			const text = ((bullet ?? ordered) as RegExpExecArray)[1] as string;
			if (previous && previous.kind === kind) previous.items.push(text);
			else blocks.push({ kind, items: [text] });
		} else if (quote) {
			flush();
			if (previous && previous.kind === 'blockquote') previous.text += '\n' + quote[1];
			else blocks.push({ kind: 'blockquote', text: quote[1] as string });
		} else para.push(line);
	}
	flush();
	return blocks;
}

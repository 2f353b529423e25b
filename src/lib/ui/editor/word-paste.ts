/**
 * Cleans HTML pasted from Microsoft Word before ProseMirror parses it. Word's headings, bold and
 * italic are real tags that the schema already reads, but its lists are paragraphs styled
 * `mso-list:l0 level1 lfo1` with the bullet or number typed into a hidden span, and every element
 * carries classes, inline styles, conditional comments and Office namespace tags. Here the list
 * paragraphs become real <ul>/<ol> (nested by level), the typed markers go, Word's Title and
 * Subtitle styles become headings, bold/italic expressed only as styles become tags, and the rest
 * of the mso markup is dropped. HTML from anywhere else passes through unchanged.
 */

/** Markers Word (desktop and Office Online) leaves in clipboard HTML. */
const WORD_MARKERS = /urn:schemas-microsoft-com:office|class="?Mso|mso-list|<o:p|ProgId="?Word/i;

export function isWordHtml(html: string): boolean {
	return WORD_MARKERS.test(html);
}

/** Element names Word adds from its Office namespaces (o:p, v:shape, w:sdt…). */
function isOfficeTag(el: Element): boolean {
	return /^[a-z]+:/i.test(el.tagName);
}

interface ListInfo {
	/** Word's list id (`l0`, `l1`…): a new id starts a new list. */
	list: string;
	level: number;
	ordered: boolean;
}

/** The list level and type of a Word list paragraph, or null for an ordinary paragraph. */
function listInfo(p: Element): ListInfo | null {
	const style = p.getAttribute('style') ?? '';
	const mso = /mso-list:\s*(l\d+)\s+level(\d+)/i.exec(style);
	const isListClass = /MsoListParagraph/i.test(p.getAttribute('class') ?? '');
	if (!mso && !isListClass) return null;
	const marker = p.querySelector('span[style*="mso-list"]')?.textContent?.replace(/\s+/g, '') ?? '';
	// Numbers, letters and roman numerals followed by . or ) are ordered; ·, o, §, - are bullets.
	const ordered = /^(\d+|[a-z]|[ivxlc]+)[.)]$/i.test(marker);
	return { list: mso?.[1] ?? 'l', level: mso ? Number(mso[2]) : 1, ordered };
}

/** Replaces runs of Word list paragraphs with nested <ul>/<ol><li> lists. */
function rebuildLists(doc: Document): void {
	const paragraphs = [...doc.body.querySelectorAll('p')];
	let stack: { list: Element; level: number; info: ListInfo }[] = [];
	for (const p of paragraphs) {
		const info = listInfo(p);
		if (!info) {
			stack = [];
			continue;
		}
		// A list continues only if this paragraph directly follows the previous list item's list.
		const previous = p.previousElementSibling;
		if (stack.length > 0 && previous !== stack[0]?.list) stack = [];
		for (const marker of p.querySelectorAll('span[style*="mso-list"]')) marker.remove();
		const li = doc.createElement('li');
		const para = doc.createElement('p');
		while (p.firstChild) para.appendChild(p.firstChild);
		li.appendChild(para);

		while (stack.length > 0 && (stack[stack.length - 1]?.level ?? 0) > info.level) stack.pop();
		let top = stack[stack.length - 1];
		// Same level but another list or numbering: a new list beside the old one.
		if (top && top.level === info.level && (top.info.list !== info.list || top.info.ordered !== info.ordered)) {
			stack.pop();
			top = stack[stack.length - 1];
		}
		if (!top || top.level < info.level) {
			const list = doc.createElement(info.ordered ? 'ol' : 'ul');
			// A deeper level nests in the last item of the level above.
			const parentItem = top?.list.lastElementChild;
			if (parentItem) parentItem.appendChild(list);
			else (stack[0]?.list ?? p).after(list);
			stack.push({ list, level: info.level, info });
		}
		(stack[stack.length - 1] as { list: Element }).list.appendChild(li);
		p.remove();
	}
}

/** Word expresses some emphasis only as styles; keep it as tags before styles are dropped. */
function styleToTags(doc: Document): void {
	for (const span of doc.body.querySelectorAll('span[style]')) {
		const style = span.getAttribute('style') ?? '';
		let inner: Element = span;
		if (/font-weight:\s*(bold|[6-9]00)/i.test(style)) inner = wrapChildren(doc, inner, 'b');
		if (/font-style:\s*italic/i.test(style)) wrapChildren(doc, inner, 'i');
	}
}

function wrapChildren(doc: Document, el: Element, tag: string): Element {
	const wrapper = doc.createElement(tag);
	while (el.firstChild) wrapper.appendChild(el.firstChild);
	el.appendChild(wrapper);
	return wrapper;
}

function removeComments(root: Node): void {
	const walker = root.ownerDocument?.createTreeWalker(root, NodeFilter.SHOW_COMMENT);
	const comments: Node[] = [];
	while (walker?.nextNode()) comments.push(walker.currentNode);
	for (const c of comments) c.parentNode?.removeChild(c);
}

/**
 * The pasted HTML with Word's markup normalised (see the module comment); other HTML unchanged.
 * Needs a DOM (runs in the editor's paste handler).
 */
export function cleanPastedHtml(html: string): string {
	if (!isWordHtml(html)) return html;
	const doc = new DOMParser().parseFromString(html, 'text/html');
	removeComments(doc.body);
	for (const el of doc.querySelectorAll('style, meta, link, xml, script, title')) el.remove();
	for (const el of [...doc.body.querySelectorAll('*')].filter(isOfficeTag)) el.remove();
	for (const p of doc.body.querySelectorAll('p.MsoTitle, p.MsoSubtitle')) {
		const heading = doc.createElement(p.classList.contains('MsoTitle') ? 'h1' : 'h2');
		while (p.firstChild) heading.appendChild(p.firstChild);
		p.replaceWith(heading);
	}
	rebuildLists(doc);
	styleToTags(doc);
	for (const el of doc.body.querySelectorAll('[style], [class], [lang]')) {
		el.removeAttribute('style');
		el.removeAttribute('class');
		el.removeAttribute('lang');
	}
	return doc.body.innerHTML;
}

/**
 * Toolbar icons as SVG path data on a 20×20 grid, drawn with a 1.6 stroke in the current colour.
 * Text glyphs (B, I, H1) are drawn as text by the toolbar so they follow the UI font.
 */
export type ToolbarIconName =
	| 'paragraph'
	| 'h1'
	| 'h2'
	| 'h3'
	| 'bold'
	| 'italic'
	| 'code'
	| 'link'
	| 'bulletList'
	| 'orderedList'
	| 'blockquote'
	| 'reference'
	| 'undo'
	| 'redo';

/** Icons shown as a short text glyph. */
export const TEXT_ICONS: Partial<Record<ToolbarIconName, string>> = {
	paragraph: '¶',
	h1: 'H1',
	h2: 'H2',
	h3: 'H3',
	bold: 'B',
	italic: 'I',
	reference: '@'
};

/** Icons drawn as strokes. */
export const PATH_ICONS: Partial<Record<ToolbarIconName, string>> = {
	code: 'M7 6 3 10l4 4M13 6l4 4-4 4',
	link: 'M8.5 11.5a3 3 0 0 0 4.2 0l2.6-2.6a3 3 0 0 0-4.2-4.2l-.9.9M11.5 8.5a3 3 0 0 0-4.2 0L4.7 11.1a3 3 0 0 0 4.2 4.2l.9-.9',
	bulletList: 'M8 5h9M8 10h9M8 15h9M3.5 5h.01M3.5 10h.01M3.5 15h.01',
	orderedList: 'M8 5h9M8 10h9M8 15h9M3 4l1-.5V7M2.8 9.2c.4-.5 1.9-.5 1.9.5 0 .8-1.9 1.4-1.9 2.3h2M2.8 14h1.9l-1 1.2c.8 0 1.2.4 1.2 1s-.6 1-1.2 1-.9-.2-1-.5',
	blockquote: 'M4 6h12M7 10h9M7 14h9M4 10v4',
	undo: 'M7 4 3.5 7.5 7 11M4 7.5h7.5a4.5 4.5 0 0 1 0 9H8',
	redo: 'M13 4l3.5 3.5L13 11M16 7.5H8.5a4.5 4.5 0 0 0 0 9H12'
};

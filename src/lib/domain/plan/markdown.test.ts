import { describe, expect, it } from 'vitest';
import { parseBlocks } from './markdown';

describe('parseBlocks', () => {
	it('keeps lists and quotes apart when a blank line or a paragraph separates them', () => {
		expect(parseBlocks('> a\n\n> b')).toEqual([
			{ kind: 'blockquote', text: 'a' },
			{ kind: 'blockquote', text: 'b' }
		]);
		expect(parseBlocks('- a\ntext\n- b')).toEqual([
			{ kind: 'bulletList', items: ['a'] },
			{ kind: 'paragraph', text: 'text' },
			{ kind: 'bulletList', items: ['b'] }
		]);
		expect(parseBlocks('1. a\n2. b\n> q\n> r')).toEqual([
			{ kind: 'orderedList', items: ['a', 'b'] },
			{ kind: 'blockquote', text: 'q\nr' }
		]);
	});
});

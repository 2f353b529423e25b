import { describe, expect, it } from 'vitest';
import { normalizeHref, safeHref } from './href';

describe('safeHref', () => {
	it.each(['https://example.com', 'http://example.com/a?b=1#c', 'mailto:team@example.com', '  https://例子.中国/路径  '])('keeps %s', (href) => {
		expect(safeHref(href)).toBe(href.trim());
	});

	it.each([
		'javascript:alert(1)',
		'JavaScript:alert(1)',
		' javascript:alert(1)',
		'java\nscript:alert(1)',
		'jav\tascript:alert(1)',
		'data:text/html,<script>alert(1)</script>',
		'vbscript:msgbox',
		'file:///etc/passwd',
		'ftp://example.com',
		'/relative/path',
		'example.com',
		'mailto:',
		'https://',
		'',
		null,
		undefined
	])('refuses %j', (href) => {
		expect(safeHref(href)).toBeNull();
	});
});

describe('normalizeHref', () => {
	it.each([
		['example.com', 'https://example.com'],
		['www.example.com/plan?id=1', 'https://www.example.com/plan?id=1'],
		['//example.com', 'https://example.com'],
		['team@example.com', 'mailto:team@example.com'],
		['https://example.com', 'https://example.com'],
		['mailto:a@b.cn', 'mailto:a@b.cn'],
		['localhost:3000/x', null],
		['javascript:alert(1)', null],
		['not a link', null],
		['', null]
	])('%j → %j', (input, expected) => {
		expect(normalizeHref(input)).toBe(expected);
	});
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError, lineAndColumn } from './json-syntax';
import { parsePlanText } from './parse';

function isValidJson(text: string): boolean {
	try {
		JSON.parse(text);
		return true;
	} catch {
		return false;
	}
}

describe('findJsonSyntaxError', () => {
	it.each([
		['', 1, 1, 'the text is empty'],
		['   \n  ', 2, 3, 'the text is empty'],
		['{', 1, 2, 'the text ends too early, missing "}"'],
		['{"a": [1, 2', 1, 12, 'the text ends too early, missing "]"'],
		['{"a": 1,}', 1, 9, 'a comma must not come right before "}"'],
		['[1, 2,]', 1, 7, 'a comma must not come right before "]"'],
		["{'a': 1}", 1, 2, `expected a key in double quotes (not single quotes), got "'"`],
		['{a: 1}', 1, 2, 'expected a key in double quotes, got "a"'],
		['{"a" 1}', 1, 6, 'expected ":" after the key, got "1"'],
		['{"a": }', 1, 7, 'expected a value, got "}"'],
		["['a']", 1, 2, `expected a value (text needs double quotes, not single quotes), got "'"`],
		['{"a": 1 "b": 2}', 1, 9, 'expected "," or "}", got "\\""'],
		['{"a":\n  [1,\n   2 3]\n}', 3, 6, 'expected "," or "]", got "3"'],
		['{"a": 1}}', 1, 9, 'unexpected "}" after the end of the JSON value'],
		['{"a": "b\nc"}', 1, 9, 'line break or control character inside quotes (write it as \\n)'],
		['{"a": "\\x"}', 1, 8, 'invalid escape: a backslash in text must be written \\\\'],
		['"\\u12G4"', 1, 2, 'invalid escape: \\u must be followed by 4 hex digits'],
		['{"a": "open', 1, 7, 'text in quotes is never closed (missing ")'],
		['-', 1, 1, 'invalid number'],
		['tru', 1, 1, 'expected a value, got "t"'],
		['NaN', 1, 1, 'expected a value, got "N"'],
		['\u0000', 1, 1, 'expected a value, got U+0000']
	])('%j → line %i, column %i: %s', (text, line, column, message) => {
		expect(isValidJson(text)).toBe(false);
		expect(findJsonSyntaxError(text)).toMatchObject({ line, column, message });
	});

	it('counts CRLF line ends once', () => {
		expect(findJsonSyntaxError('{\r\n  "a": 1,\r\n}')).toMatchObject({ line: 3, column: 1 });
	});

	it.each(['0', '-0.5e+3', '"\\u00e9\\n"', '[]', '{}', ' {"a": [true, false, null, {"b": ""}]} '])(
		'accepts %j',
		(text) => {
			expect(findJsonSyntaxError(text)).toBeNull();
		}
	);

	it('agrees with JSON.parse on arbitrary and JSON-like texts', () => {
		const jsonish = fc
			.tuple(fc.json(), fc.nat(), fc.nat(), fc.constantFrom('', ',', ']', '}', '"', ':', ' ', '\n', '1', "'", '\\'))
			.map(([text, a, b, insert]) => {
				const from = Math.min(a, b) % (text.length + 1);
				const to = Math.max(a, b) % (text.length + 1);
				return text.slice(0, Math.min(from, to)) + insert + text.slice(Math.max(from, to));
			});
		fc.assert(
			fc.property(fc.oneof(fc.string(), fc.json(), jsonish), (text) => {
				expect(findJsonSyntaxError(text) === null).toBe(isValidJson(text));
			}),
			{ numRuns: 2000 }
		);
	});

	it('handles deep nesting without recursion', () => {
		expect(findJsonSyntaxError('['.repeat(200_000) + ']'.repeat(200_000))).toBeNull();
		expect(findJsonSyntaxError('['.repeat(200_000))).toMatchObject({
			message: 'the text ends too early, missing "]"'
		});
	});
});

describe('lineAndColumn', () => {
	it('starts at 1', () => {
		expect(lineAndColumn('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
		expect(lineAndColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
	});
});

describe('parsePlanText', () => {
	it('turns a syntax error into one issue at $', () => {
		expect(parsePlanText('{\n  "format": "planbook.plan/v1",\n}')).toEqual({
			ok: false,
			errors: [
				{ path: '$', message: 'not valid JSON at line 3, column 1: a comma must not come right before "}"' }
			]
		});
	});

	it('ignores a byte-order mark', () => {
		const result = parsePlanText('\ufeff{"format": "planbook.plan/v1"}');
		expect(result.ok ? [] : result.errors.map((issue) => issue.path)).toEqual([
			'meta',
			'sections',
			'variables'
		]);
	});
});

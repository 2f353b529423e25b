/**
 * Finds the first JSON syntax error in a text and says where it is. JSON.parse's own messages
 * differ between engines and often carry no position ("Unexpected token 'x', "xyz" is not valid
 * JSON"), so after JSON.parse fails this scanner walks the text once more to give every user the
 * same line, column and plain-words reason. It keeps an explicit stack, so deep nesting cannot
 * overflow the call stack, and it runs in one linear pass.
 */

/** Where and why a text is not valid JSON. Line and column start at 1. */
export interface JsonSyntaxError {
	offset: number;
	line: number;
	column: number;
	message: string;
}

/** What may come next; `item` is a value after a comma in a list. */
type State =
	| 'value'
	| 'item'
	| 'itemOrClose'
	| 'key'
	| 'keyOrClose'
	| 'colon'
	| 'commaOrClose'
	| 'done';

const NUMBER_SOURCE = '-?(?:0|[1-9]\\d*)(?:\\.\\d+)?(?:[eE][+-]?\\d+)?';
const HEX4 = /^[0-9a-fA-F]{4}$/;
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);

/** Line and column (1-based) of a UTF-16 offset; a CRLF pair ends a line once. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
	let line = 1;
	let lineStart = 0;
	let index = text.indexOf('\n');
	while (index !== -1 && index < offset) {
		line++;
		lineStart = index + 1;
		index = text.indexOf('\n', lineStart);
	}
	return { line, column: offset - lineStart + 1 };
}

function describeChar(char: string): string {
	const code = char.charCodeAt(0);
	if (code < 0x20 || code === 0x7f || code === 0xfeff) {
		return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
	}
	return JSON.stringify(char);
}

/** The first syntax error of `text` as JSON, or null when it is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
	const stack: ('{' | '[')[] = [];
	// Sticky regex made per call: its lastIndex is state and must not be shared between calls.
	const number = new RegExp(NUMBER_SOURCE, 'y');
	let state: State = 'value';
	let pos = 0;
	const fail = (offset: number, message: string): JsonSyntaxError => ({
		offset,
		...lineAndColumn(text, offset),
		message
	});
	const afterValue = (): State => (stack.length > 0 ? 'commaOrClose' : 'done');

	/** Scans a string starting at the opening quote; returns the error or moves `pos` past it. */
	const scanString = (): JsonSyntaxError | null => {
		const start = pos;
		pos++;
		while (pos < text.length) {
			const char = text[pos] as string;
			if (char === '"') {
				pos++;
				return null;
			}
			if (char === '\\') {
				const escape = text[pos + 1];
				if (escape === 'u') {
					if (!HEX4.test(text.slice(pos + 2, pos + 6))) {
						return fail(pos, 'invalid escape: \\u must be followed by 4 hex digits');
					}
					pos += 6;
					continue;
				}
				if (escape === undefined || !ESCAPES.has(escape)) {
					return fail(pos, 'invalid escape: a backslash in text must be written \\\\');
				}
				pos += 2;
				continue;
			}
			if (char.charCodeAt(0) < 0x20) {
				return fail(pos, 'line break or control character inside quotes (write it as \\n)');
			}
			pos++;
		}
		return fail(start, 'text in quotes is never closed (missing ")');
	};

	const closerOf = (open: '{' | '[') => (open === '{' ? '}' : ']');

	for (;;) {
		while (pos < text.length && ' \t\n\r'.includes(text[pos] as string)) pos++;
		if (pos >= text.length) {
			if (state === 'done') return null;
			if (stack.length === 0 && state === 'value') return fail(pos, 'the text is empty');
			const open = stack[stack.length - 1];
			const missing = open ? `, missing ${JSON.stringify(closerOf(open))}` : '';
			return fail(pos, `the text ends too early${missing}`);
		}
		const char = text[pos] as string;
		switch (state) {
			case 'done':
				return fail(pos, `unexpected ${describeChar(char)} after the end of the JSON value`);
			case 'colon':
				if (char !== ':') return fail(pos, `expected ":" after the key, got ${describeChar(char)}`);
				pos++;
				state = 'value';
				continue;
			case 'commaOrClose': {
				const open = stack[stack.length - 1] as '{' | '[';
				const closer = closerOf(open);
				if (char === ',') {
					pos++;
					state = open === '{' ? 'key' : 'item';
				} else if (char === closer) {
					pos++;
					stack.pop();
					state = afterValue();
				} else {
					return fail(pos, `expected "," or "${closer}", got ${describeChar(char)}`);
				}
				continue;
			}
			case 'key':
			case 'keyOrClose':
				if (char === '}') {
					if (state === 'key') return fail(pos, 'a comma must not come right before "}"');
					pos++;
					stack.pop();
					state = afterValue();
					continue;
				}
				if (char === '"') {
					const error = scanString();
					if (error) return error;
					state = 'colon';
					continue;
				}
				return fail(
					pos,
					`expected a key in double quotes${char === "'" ? ' (not single quotes)' : ''}, got ${describeChar(char)}`
				);
			case 'value':
			case 'item':
			case 'itemOrClose': {
				if (char === ']' && state === 'itemOrClose') {
					pos++;
					stack.pop();
					state = afterValue();
					continue;
				}
				if (char === '{' || char === '[') {
					stack.push(char);
					pos++;
					state = char === '{' ? 'keyOrClose' : 'itemOrClose';
					continue;
				}
				if (char === '"') {
					const error = scanString();
					if (error) return error;
					state = afterValue();
					continue;
				}
				if (char === '-' || (char >= '0' && char <= '9')) {
					number.lastIndex = pos;
					const match = number.exec(text);
					if (!match) return fail(pos, 'invalid number');
					pos += match[0].length;
					state = afterValue();
					continue;
				}
				const word = ['true', 'false', 'null'].find((literal) => text.startsWith(literal, pos));
				if (word) {
					pos += word.length;
					state = afterValue();
					continue;
				}
				if (char === ']' && state === 'item') {
					return fail(pos, 'a comma must not come right before "]"');
				}
				const quotes = char === "'" ? ' (text needs double quotes, not single quotes)' : '';
				return fail(pos, `expected a value${quotes}, got ${describeChar(char)}`);
			}
		}
	}
}

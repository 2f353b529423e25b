/**
 * Turns zod issues into messages a non-programmer can act on: a JSON-style path and a sentence
 * that says what was expected and what the file holds ("expected a number, got \"twelve\"").
 * Received values are read from the original input by path rather than trusted from zod, which
 * reports some (NaN, Infinity) as null.
 */
import type { z } from 'zod';
import type { ExpectedParams } from './schema-primitives';
import type { PlanIssue } from './types';

type ZodIssue = z.core.$ZodIssue;
type Path = readonly PropertyKey[];

/** How much of a received value a message shows. */
const VALUE_PREVIEW_CHARS = 40;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `data.priceChain[0].rate`; keys that are not identifiers are quoted (`overrides["a b"]`); root `$`. */
export function formatPath(path: Path): string {
	let out = '';
	for (const segment of path) {
		if (typeof segment === 'number') out += `[${segment}]`;
		else {
			const key = String(segment);
			out += IDENTIFIER.test(key) ? `${out === '' ? '' : '.'}${key}` : `[${JSON.stringify(key)}]`;
		}
	}
	if (out === '') return '$';
	return out.startsWith('[') ? `$${out}` : out;
}

/** Marks "there is nothing at this path", as opposed to a value that is null. */
const ABSENT: unique symbol = Symbol('absent');

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at `path` inside `root`, or ABSENT when a step is missing. Own keys only. */
export function valueAt(root: unknown, path: Path): unknown {
	let current: unknown = root;
	for (const segment of path) {
		if (Array.isArray(current) && typeof segment === 'number') {
			if (segment < 0 || segment >= current.length) return ABSENT;
			current = current[segment];
		} else if (isRecord(current) && typeof segment !== 'symbol') {
			const key = String(segment);
			if (!Object.prototype.hasOwnProperty.call(current, key)) return ABSENT;
			current = current[key];
		} else {
			return ABSENT;
		}
	}
	return current;
}

/**
 * A short JSON-like rendering of any value, at most `max` characters. It stops walking as soon as
 * the budget is spent, so a 10 MB string or a deeply nested array costs next to nothing.
 */
export function describeValue(value: unknown, max = VALUE_PREVIEW_CHARS): string {
	const text = render(value, max + 1);
	return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function render(value: unknown, budget: number): string {
	if (value === ABSENT || value === undefined) return 'nothing';
	switch (typeof value) {
		case 'string':
			return JSON.stringify(value.length > budget ? value.slice(0, budget) : value);
		case 'number':
			return Number.isFinite(value) ? JSON.stringify(value) : String(value);
		case 'boolean':
			return String(value);
		case 'bigint':
			return `${value}n`;
		case 'function':
			return 'a function';
		case 'symbol':
			return 'a symbol';
		default:
			break;
	}
	if (value === null) return 'null';
	const array = Array.isArray(value);
	const entries: readonly unknown[] = array ? value : Object.keys(value as object);
	let out = array ? '[' : '{';
	for (let index = 0; index < entries.length; index++) {
		if (out.length >= budget) return `${out}…`;
		if (index > 0) out += ',';
		const remaining = budget - out.length;
		if (array) out += render(entries[index], remaining);
		else {
			const key = String(entries[index]);
			out += `${render(key, remaining)}:`;
			out += render((value as Record<string, unknown>)[key], budget - out.length);
		}
	}
	return out + (array ? ']' : '}');
}

/** zod's type names in the words of someone editing a JSON file by hand. */
const TYPE_WORDS: Readonly<Record<string, string>> = {
	string: 'text in quotes',
	number: 'a number',
	int: 'a whole number',
	boolean: 'true or false',
	array: 'a list [ … ]',
	object: 'an object { … }',
	record: 'an object { … }',
	null: 'null'
};

/** A literal is shown quoted as it must be typed; an enum as a plain list of its options. */
function listChoices(values: readonly unknown[]): string {
	if (values.length === 1) return JSON.stringify(values[0]);
	return `one of ${values.map(String).join(', ')}`;
}

/** One problem before it is put into words: a zod issue, or one unknown key of one. */
export interface PendingIssue {
	at: Path;
	issue: ZodIssue;
	/** Set for an entry split out of an `unrecognized_keys` issue. */
	unknownKey?: string;
}

/**
 * Splits zod issues into one entry per problem: an `unrecognized_keys` issue names every unknown
 * key of an object, and each key gets its own entry on its own path so the editor can point at it.
 * At most `limitPerObject` keys are kept per object; `omitted` counts the rest.
 */
export function expandIssues(
	issues: readonly ZodIssue[],
	limitPerObject: number
): { pending: PendingIssue[]; omitted: number } {
	const pending: PendingIssue[] = [];
	let omitted = 0;
	for (const issue of issues) {
		if (issue.code !== 'unrecognized_keys') {
			pending.push({ at: issue.path, issue });
			continue;
		}
		const shown = issue.keys.slice(0, limitPerObject);
		omitted += issue.keys.length - shown.length;
		for (const key of shown) pending.push({ at: [...issue.path, key], issue, unknownKey: key });
	}
	return { pending, omitted };
}

/** Puts one problem into words, reading the received value from `input`. */
export function describeIssue(entry: PendingIssue, input: unknown): PlanIssue {
	const { at, issue } = entry;
	const path = formatPath(at);
	if (entry.unknownKey !== undefined) {
		return { path, message: `unknown key ${JSON.stringify(entry.unknownKey)}` };
	}
	if (issue.code === 'invalid_key') {
		// A record's key issue sits at the key's own path, so the key is the last segment.
		const key = String(at[at.length - 1] ?? '');
		const inner = issue.issues[0];
		const expected = inner ? expectedOf(inner) : undefined;
		return { path, message: `invalid key ${describeValue(key)}${expected ? `: expected ${expected}` : ''}` };
	}
	return { path, message: messageFor(issue, valueAt(input, at)) };
}

function expectedOf(issue: ZodIssue): string | undefined {
	if (issue.code !== 'custom') return undefined;
	const params = issue.params as Partial<ExpectedParams> | undefined;
	return typeof params?.expected === 'string' ? params.expected : undefined;
}

function messageFor(issue: ZodIssue, received: unknown): string {
	const missing = received === ABSENT || received === undefined;
	const got = `got ${describeValue(received)}`;
	switch (issue.code) {
		case 'invalid_type': {
			if (missing) return 'required';
			const expected = TYPE_WORDS[issue.expected] ?? `a value of type ${issue.expected}`;
			return `expected ${expected}, ${got}`;
		}
		case 'invalid_value':
			return missing
				? `required, expected ${listChoices(issue.values)}`
				: `expected ${listChoices(issue.values)}, ${got}`;
		case 'invalid_union': {
			if (issue.discriminator === undefined || !('options' in issue) || !issue.options) {
				return `does not match any allowed form, ${got}`;
			}
			const choices = listChoices(issue.options);
			return missing ? `required, expected ${choices}` : `expected ${choices}, ${got}`;
		}
		case 'custom': {
			const params = issue.params as Partial<ExpectedParams> | undefined;
			if (typeof params?.expected !== 'string') return issue.message;
			if (params.gotLength && typeof received === 'string') {
				return `expected ${params.expected}, got ${received.length} characters`;
			}
			return `expected ${params.expected}, ${got}`;
		}
		case 'too_small':
		case 'too_big': {
			const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
			const word = issue.code === 'too_small' ? 'at least' : 'at most';
			const exclusive = issue.code === 'too_small' ? 'more than' : 'less than';
			const what = issue.origin === 'number' || issue.origin === 'int' ? 'a number' : 'a size';
			return `expected ${what} ${issue.inclusive === false ? exclusive : word} ${bound}, ${got}`;
		}
		default:
			return missing ? 'required' : `${issue.message}, ${got}`;
	}
}

/**
 * Sorts entries into the order their paths appear in the file. Object keys are ranked by their
 * position in the input (JSON.parse keeps file order); a missing key ranks after the present ones.
 * Large objects get a rank table once; small ones are searched directly, which is cheaper than
 * building a table for each of many rows.
 */
export function sortByFilePosition<T extends { at: Path }>(entries: T[], input: unknown): T[] {
	const rankTables = new Map<object, Map<string, number>>();
	const rankOf = (container: Record<string, unknown>, key: string): number => {
		const table = rankTables.get(container);
		if (table) return table.get(key) ?? table.size;
		const keys = Object.keys(container);
		if (keys.length > 16) {
			const ranks = new Map(keys.map((k, index) => [k, index]));
			rankTables.set(container, ranks);
			return ranks.get(key) ?? ranks.size;
		}
		const index = keys.indexOf(key);
		return index === -1 ? keys.length : index;
	};
	const positionOf = (path: Path): number[] => {
		const position: number[] = [];
		let current: unknown = input;
		for (const segment of path) {
			if (Array.isArray(current) && typeof segment === 'number') {
				position.push(segment);
				current = current[segment];
			} else if (isRecord(current) && typeof segment !== 'symbol') {
				const key = String(segment);
				position.push(rankOf(current, key));
				current = Object.prototype.hasOwnProperty.call(current, key) ? current[key] : undefined;
			} else {
				position.push(0);
				current = undefined;
			}
		}
		return position;
	};
	const keyed = entries.map((entry, order) => ({ entry, order, position: positionOf(entry.at) }));
	keyed.sort((a, b) => comparePositions(a.position, b.position) || a.order - b.order);
	return keyed.map((item) => item.entry);
}

function comparePositions(a: readonly number[], b: readonly number[]): number {
	const length = Math.min(a.length, b.length);
	for (let index = 0; index < length; index++) {
		const difference = (a[index] ?? 0) - (b[index] ?? 0);
		if (difference !== 0) return difference;
	}
	return a.length - b.length;
}

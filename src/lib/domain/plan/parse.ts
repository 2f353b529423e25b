/**
 * Reading plan files: JSON text → migrated → validated plan, or a list of problems in file order
 * with JSON-style paths. These functions never throw, whatever the input: the server answers 400
 * with the issues, the CLI prints them one a line, the editor shows them next to the field.
 */
import { findJsonSyntaxError } from './json-syntax';
import { describeIssue, expandIssues, sortByFilePosition } from './issues';
import { migratePlanFile } from './migrations';
import { planSchema } from './schema';
import type { PlanIssue, PlanParseResult } from './types';

/** At most this many issues are listed; a last one says how many more there are. */
export const MAX_PLAN_ISSUES = 100;

/** Validates a plan file that has already been read as JSON (or built in memory). */
export function parsePlan(input: unknown): PlanParseResult {
	try {
		const migrated = migratePlanFile(input);
		if (!migrated.ok) return { ok: false, errors: [migrated.issue] };
		const file = migrated.file;
		const result = planSchema.safeParse(file, { reportInput: true });
		if (result.success) return { ok: true, plan: result.data };
		const { pending, omitted } = expandIssues(result.error.issues, MAX_PLAN_ISSUES);
		// Words are only made for the issues shown: a garbage file can yield 100,000s of issues.
		const errors: PlanIssue[] = sortByFilePosition(pending, file)
			.slice(0, MAX_PLAN_ISSUES)
			.map((entry) => describeIssue(entry, file));
		const more = pending.length - errors.length + omitted;
		if (more > 0) {
			errors.push({ path: '$', message: `${more} more problem${more === 1 ? '' : 's'} not listed` });
		}
		return { ok: false, errors };
	} catch (error) {
		// Only exotic in-memory inputs (a Proxy or getter that throws) get here; JSON never does.
		const reason = error instanceof Error ? error.message : 'unknown error';
		return { ok: false, errors: [{ path: '$', message: `could not be read: ${reason}` }] };
	}
}

/**
 * Parses the text of a plan file. A byte-order mark is ignored (editors on Windows add one); a
 * JSON syntax error becomes one issue at `$` with its line and column.
 */
export function parsePlanText(text: string): PlanParseResult {
	const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	let value: unknown;
	try {
		value = JSON.parse(source);
	} catch (error) {
		return { ok: false, errors: [jsonSyntaxIssue(source, error)] };
	}
	return parsePlan(value);
}

function jsonSyntaxIssue(source: string, error: unknown): PlanIssue {
	const found = findJsonSyntaxError(source);
	if (found) {
		return {
			path: '$',
			message: `not valid JSON at line ${found.line}, column ${found.column}: ${found.message}`
		};
	}
	// The scanner and the engine disagree (e.g. the engine ran out of memory): use the engine's words.
	const reason = error instanceof Error ? error.message : String(error);
	return { path: '$', message: `not valid JSON: ${reason}` };
}

/** `"<path>: <message>"`, the one-line form the CLI and logs use. */
export function formatPlanIssue(issue: PlanIssue): string {
	return `${issue.path}: ${issue.message}`;
}

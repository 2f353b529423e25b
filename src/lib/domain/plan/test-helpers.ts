/**
 * Helpers for this folder's tests only (not exported from index.ts): reading the shared example
 * plans and making small edits to a valid plan file.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { EXAMPLES_DIR } from '../../test-data/examples';
import { formatPlanIssue, parsePlan } from './parse';
import type { PlanIssue, PlanParseResult } from './types';

export { EXAMPLES_DIR };

/** Every `*.plan.json` example as [file name, text]. */
export function readExamplePlans(): [string, string][] {
	if (!existsSync(EXAMPLES_DIR)) throw new Error(`examples folder not found: ${EXAMPLES_DIR}`);
	return readdirSync(EXAMPLES_DIR)
		.filter((name) => name.endsWith('.plan.json'))
		.sort()
		.map((name) => [name, readFileSync(path.join(EXAMPLES_DIR, name), 'utf8')]);
}

/** A fresh mutable copy of an example plan, as plain JSON. */
export function exampleFile(name: string): Record<string, any> {
	return JSON.parse(readFileSync(path.join(EXAMPLES_DIR, name), 'utf8')) as Record<string, any>;
}

/** A fresh copy of the zh-CN ARS example, the richest valid file to break in tests. */
export function arsFile(): Record<string, any> {
	return exampleFile('deep-marketing-ars.plan.json');
}

/** The issues of a refused result; fails the test when the plan was accepted. */
export function errorsOf(result: PlanParseResult): PlanIssue[] {
	if (result.ok) throw new Error('expected the plan to be refused');
	return result.errors;
}

/** The one-line form of every issue parsePlan reports for `input`. */
export function issueLines(input: unknown): string[] {
	return errorsOf(parsePlan(input)).map(formatPlanIssue);
}

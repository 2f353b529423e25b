/**
 * Formula problems are values, not exceptions (STYLE rule 5): a variable whose expression is
 * broken carries one of these, and a partly broken plan still evaluates everything else.
 * `message` is plain English for logs and the CLI; the UI renders `kind` and its fields through i18n.
 */
export type FormulaError =
	| { kind: 'parse'; message: string }
	| { kind: 'refused'; construct: string; message: string }
	| { kind: 'too-long'; length: number; limit: number; message: string }
	| { kind: 'too-deep'; depth: number; limit: number; message: string }
	| { kind: 'unknown'; names: string[]; message: string }
	| { kind: 'cycle'; members: string[]; message: string }
	| { kind: 'not-finite'; message: string }
	| { kind: 'dependency'; names: string[]; message: string }
	| { kind: 'unavailable'; message: string };

export type FormulaErrorKind = FormulaError['kind'];

/** The outcome of evaluating one name: a finite number or an error value. */
export type CellResult = { ok: true; value: number } | { ok: false; error: FormulaError };

/** Thrown only for programming misuse of the engine API, never for bad user input. */
export class FormulaEngineMisuseError extends Error {
	override name = 'FormulaEngineMisuseError';
}

export const ok = (value: number): CellResult => ({ ok: true, value });
export const fail = (error: FormulaError): CellResult => ({ ok: false, error });

/** True when two results would display the same (used to report only real changes). */
export function sameResult(a: CellResult | undefined, b: CellResult | undefined): boolean {
	if (a === b) return true;
	if (!a || !b || a.ok !== b.ok) return false;
	if (a.ok && b.ok) return Object.is(a.value, b.value);
	if (!a.ok && !b.ok) return a.error.message === b.error.message && a.error.kind === b.error.kind;
	return false;
}

/** A cycle error naming every member (group ids such as `@finance` left out by the caller). */
export function cycleError(members: string[]): FormulaError {
	return { kind: 'cycle', members, message: `circular reference: ${members.join(', ')} depend on each other` };
}

export function unknownError(names: string[]): FormulaError {
	return { kind: 'unknown', names, message: `unknown name${names.length > 1 ? 's' : ''}: ${names.join(', ')}` };
}

export function dependencyError(names: string[]): FormulaError {
	return { kind: 'dependency', names, message: `depends on ${names.join(', ')}, which ${names.length > 1 ? 'have' : 'has'} an error` };
}

/**
 * A formula problem (domain/formula/errors.ts) in the UI's language. The engine's own `message` is
 * English for logs and the CLI; people read these, built from the error's kind and fields.
 */
import type { FormulaError } from '$lib/domain/formula/errors';
import type { Translate } from './translate-fn';

/** Names in a message: a cycle or unknown list stays short enough to read. */
function list(names: readonly string[]): string {
	const shown = names.slice(0, 5).join(', ');
	return names.length > 5 ? `${shown}, …` : shown;
}

export function formulaErrorText(error: FormulaError, t: Translate): string {
	switch (error.kind) {
		case 'parse':
			return t('editor.formulaError.parse');
		case 'refused':
			return t('editor.formulaError.refused', { construct: error.construct });
		case 'too-long':
			return t('editor.formulaError.tooLong', { length: error.length, limit: error.limit });
		case 'too-deep':
			return t('editor.formulaError.tooDeep', { depth: error.depth, limit: error.limit });
		case 'unknown':
			return t('editor.formulaError.unknown', { names: list(error.names) });
		case 'cycle':
			return t('editor.formulaError.cycle', { members: list(error.members) });
		case 'not-finite':
			return t('editor.formulaError.notFinite');
		case 'dependency':
			return t('editor.formulaError.dependency', { names: list(error.names) });
		case 'unavailable':
			return t('editor.formulaError.unavailable');
	}
}

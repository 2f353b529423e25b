/**
 * What a live reference chip in prose shows: the current value formatted by the plan, or — when
 * the name is unknown, deleted or its result is an error — a flag with the name and the reason.
 * A flagged chip never shows a number, so a stale figure can never be read as current. Before the
 * plan's numbers are first worked out, a chip says so, rather than flag a name as unknown.
 */
import type { ReferenceSource } from '$lib/state/plan-view';
import { formulaErrorText } from '../shared/formula-error-text';
import type { Translate } from '../shared/translate-fn';

export type ReferenceState = 'ok' | 'pending' | 'unknown' | 'error';

export interface ReferenceView {
	/** The chip's text: a formatted value, "…" before the first computation, or "⚠ name". */
	text: string;
	/** The tooltip: label and name, or what is wrong. */
	title: string;
	state: ReferenceState;
}

/**
 * Describes the chip for `name`.
 * @param label the candidate's label, when the caller has it (saves a candidates() lookup)
 */
export function describeReference(name: string, source: ReferenceSource, t: Translate, label?: string): ReferenceView {
	const result = name === '' ? undefined : source.get(name);
	if (!result && !source.computed) {
		return { text: t('editor.reference.pending'), title: t('editor.reference.pendingTitle', { name }), state: 'pending' };
	}
	if (!result) {
		return { text: t('editor.reference.flagged', { name }), title: t('editor.reference.unknown', { name }), state: 'unknown' };
	}
	if (!result.ok) {
		return {
			text: t('editor.reference.flagged', { name }),
			title: t('editor.reference.error', { name, error: formulaErrorText(result.error, t) }),
			state: 'error'
		};
	}
	return {
		text: source.format(name, result.value),
		title: t('editor.reference.title', { label: label || name, name }),
		state: 'ok'
	};
}

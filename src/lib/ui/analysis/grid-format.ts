/** How the scenario grid writes its values and deltas (the plan's locale and currency). */
import type { GridRowName } from '$lib/domain/model/analysis';
import { formatFigure, NO_VALUE, type FigureDisplay } from '$lib/domain/format';
import type { Translate } from '../shared/translate-fn';

export function gridValueText(row: GridRowName, value: number | null, display: FigureDisplay, t: Translate): string {
	if (value === null) return NO_VALUE;
	if (row === 'payback_month') return t('analysis.grid.paybackValue', { month: value });
	return formatFigure(row, value, display);
}

/** A signed difference to base ("+¥12万", "−3"); empty when there is none to show. */
export function gridDeltaText(row: GridRowName, delta: number | null, display: FigureDisplay): string {
	if (delta === null || Math.abs(delta) < 1e-9) return '';
	const magnitude = row === 'payback_month' ? String(Math.abs(delta)) : formatFigure(row, Math.abs(delta), display);
	return `${delta > 0 ? '+' : '−'}${magnitude}`;
}

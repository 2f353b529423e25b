/**
 * The scenario grid as a chart: revenue, contribution and profit of the base plan and every
 * scenario side by side (grouped bars), so a manager sees at a glance which price scenario earns
 * most. Scenarios that cannot be computed are left out of the bars (the grid says why).
 */
import type { ScenarioGrid } from '$lib/domain/model/analysis';
import { money } from '../chart-format';
import type { ChartContext, ChartSpec } from '../chart-spec';
import { BASE_OPTIONS, COLORS, axisStyle, legend, withAlpha } from '../chart-theme';

const SERIES = [
	{ row: 'revenue', color: COLORS.revenue },
	{ row: 'contribution', color: COLORS.accent },
	{ row: 'profit', color: COLORS.profit }
] as const;

/** The comparison chart, or null with no scenario to compare. */
export function scenariosChart(grid: ScenarioGrid, ctx: ChartContext): ChartSpec | null {
	const columns = grid.columns.filter((c) => c.ok);
	if (columns.length < 2) return null;
	const { t } = ctx;
	const labels = columns.map((c) => (c.index < 0 ? t('analysis.grid.base') : c.name));
	const best = columns.reduce((a, b) => ((b.values.profit ?? -Infinity) > (a.values.profit ?? -Infinity) ? b : a));
	return {
		id: 'scenarios',
		title: t('charts.scenarios.title'),
		summary: t('charts.scenarios.summary', { name: best.index < 0 ? t('analysis.grid.base') : best.name, profit: money(best.values.profit ?? 0, ctx) }),
		config: {
			type: 'bar',
			data: {
				labels,
				datasets: SERIES.map((s) => ({
					label: t(`finance.${s.row}`),
					data: columns.map((c) => c.values[s.row]),
					backgroundColor: withAlpha(s.color, 0.8),
					borderColor: s.color,
					borderWidth: 1
				}))
			},
			options: {
				...BASE_OPTIONS,
				scales: {
					x: { type: 'category', ...axisStyle(t('charts.scenarios.scenario')) },
					y: { type: 'linear', ...axisStyle(t('charts.amount')), ticks: { color: COLORS.text, callback: (v: number | string) => money(Number(v), ctx) } }
				},
				plugins: { legend: legend(true) }
			}
		},
		table: {
			columns: [t('charts.scenarios.scenario'), ...SERIES.map((s) => t(`finance.${s.row}`))],
			rows: columns.map((c, i) => [labels[i] as string, ...SERIES.map((s) => (c.values[s.row] === null ? '—' : money(c.values[s.row] as number, ctx)))])
		}
	};
}

/**
 * ABC accounts as a Pareto chart: account values as bars, largest first, coloured by class, with
 * the cumulative share as a line on a 0–100 % axis and the 80 % / 95 % class limits drawn across.
 * Terminal management in ARS spends its visit time by class; the chart shows where the limits cut.
 */
import { ABC_LIMITS, type AbcClass, type AbcRow } from '$lib/domain/finance/abc';
import { money, percent, ticks } from '../chart-format';
import type { ChartContext, ChartSpec } from '../chart-spec';
import { BASE_OPTIONS, COLORS, axisStyle, legend, markerLine } from '../chart-theme';

export type AbcChartRow = AbcRow & { value: number };

const CLASSES: readonly AbcClass[] = ['A', 'B', 'C'];
const CLASS_COLORS: Readonly<Record<AbcClass, string>> = { A: COLORS.classA, B: COLORS.classB, C: COLORS.classC };

/** The Pareto chart, or null when the plan lists no accounts. */
export function abcChart(input: readonly AbcChartRow[], ctx: ChartContext): ChartSpec | null {
	if (input.length === 0) return null;
	const { t } = ctx;
	// One bar dataset per class (null elsewhere) so the legend names the colours; grouped: false
	// keeps each bar centred on its account instead of leaving room for the other classes.
	const classBars = CLASSES.filter((c) => input.some((r) => r.class === c)).map((c) => ({
		type: 'bar' as const,
		label: t('charts.abc.classLabel', { class: c }),
		data: input.map((r) => (r.class === c ? r.value : null)),
		backgroundColor: CLASS_COLORS[c],
		grouped: false,
		yAxisID: 'y',
		order: 1
	}));

	return {
		id: 'abc',
		title: t('charts.abc.title'),
		config: {
			type: 'bar',
			data: {
				labels: input.map((r) => r.name),
				datasets: [
					{
						type: 'line',
						label: t('charts.abc.cumulative'),
						data: input.map((r) => r.cumulative_share * 100),
						borderColor: COLORS.cumulative,
						backgroundColor: COLORS.cumulative,
						borderWidth: 2,
						pointRadius: 3,
						yAxisID: 'y1',
						order: 0
					},
					...classBars
				]
			},
			options: {
				...BASE_OPTIONS,
				interaction: { mode: 'index', intersect: false },
				scales: {
					x: { type: 'category', ...axisStyle(t('charts.abc.account')) },
					y: { type: 'linear', beginAtZero: true, position: 'left', ...axisStyle(t('charts.abc.value')), ticks: { color: COLORS.text, callback: ticks(money, ctx) } },
					y1: {
						type: 'linear',
						min: 0,
						max: 100,
						position: 'right',
						...axisStyle(t('charts.abc.cumulative')),
						grid: { drawOnChartArea: false },
						ticks: { color: COLORS.text, callback: ticks((v) => percent(v / 100, ctx), ctx) }
					}
				},
				plugins: {
					legend: legend(),
					tooltip: {
						callbacks: {
							label: (item: { datasetIndex: number; dataset: { label?: string }; raw: unknown }) =>
								item.datasetIndex === 0 ? `${item.dataset.label ?? ''}: ${percent(Number(item.raw) / 100, ctx)}` : `${item.dataset.label ?? ''}: ${money(Number(item.raw), ctx)}`
						}
					},
					annotation: {
						annotations: {
							limitA: markerLine({ scaleID: 'y1', value: ABC_LIMITS.A * 100, label: t('charts.abc.limitA', { share: percent(ABC_LIMITS.A, ctx) }), color: COLORS.classA, position: 'start' }),
							limitB: markerLine({ scaleID: 'y1', value: ABC_LIMITS.B * 100, label: t('charts.abc.limitB', { share: percent(ABC_LIMITS.B, ctx) }), color: COLORS.classB, position: 'start' })
						}
					}
				}
			}
		},
		table: {
			columns: [t('charts.abc.account'), t('charts.abc.value'), t('charts.abc.class'), t('charts.abc.cumulative')],
			rows: input.map((r) => [r.name, money(r.value, ctx), r.class, percent(r.cumulative_share, ctx)])
		}
	};
}

/**
 * The twelve-month plan: revenue and profit per month as bars, cumulative profit as a line, and the
 * payback month (the first month the cumulative line is at or above zero) marked. Seasonality and
 * campaign months show up as the bar heights; fixed costs spread evenly pull early months negative.
 */
import type { AnnotationOptions } from 'chartjs-plugin-annotation';
import type { MonthRow } from '$lib/domain/finance/monthly';
import { count, money, ticks } from '../chart-format';
import type { ChartContext, ChartSpec } from '../chart-spec';
import { BASE_OPTIONS, COLORS, axisStyle, legend, markerLine, withAlpha } from '../chart-theme';

export interface MonthlyChartInput {
	months: readonly MonthRow[];
	/** Month number (1–12) of payback, or null when the year does not pay back. */
	paybackMonth: number | null;
}

/** The monthly chart, or null when the plan has no monthly figures. */
export function monthlyChart(input: MonthlyChartInput, ctx: ChartContext): ChartSpec | null {
	if (input.months.length === 0) return null;
	const { t } = ctx;
	const payback = input.paybackMonth;
	const paybackIndex = payback === null ? -1 : input.months.findIndex((m) => m.month === payback);
	const annotations: Record<string, AnnotationOptions> = {};
	// On a category axis a number is a bar index; the line runs through the payback month's bars.
	if (paybackIndex >= 0 && payback !== null) {
		annotations.payback = markerLine({ scaleID: 'x', value: paybackIndex, label: t('charts.monthly.payback', { month: payback }), color: COLORS.profit, position: 'start' });
	}
	const monthTick = (m: MonthRow): string => t('charts.monthly.monthLabel', { month: m.month });

	return {
		id: 'monthly',
		title: t('charts.monthly.title'),
		summary: payback === null ? t('charts.monthly.summaryNone') : t('charts.monthly.summary', { month: payback }),
		config: {
			type: 'bar',
			data: {
				labels: input.months.map(monthTick),
				datasets: [
					{ type: 'line', label: t('charts.monthly.cumulative'), data: input.months.map((m) => m.cumulative_profit), borderColor: COLORS.cumulative, backgroundColor: COLORS.cumulative, borderWidth: 2, pointRadius: 3, order: 0 },
					{ type: 'bar', label: t('charts.monthly.revenue'), data: input.months.map((m) => m.revenue), backgroundColor: withAlpha(COLORS.revenue, 0.35), order: 2 },
					{
						type: 'bar',
						label: t('charts.monthly.profit'),
						data: input.months.map((m) => m.profit),
						backgroundColor: input.months.map((m) => (m.profit < 0 ? withAlpha(COLORS.cost, 0.8) : withAlpha(COLORS.profit, 0.8))),
						order: 1
					}
				]
			},
			options: {
				...BASE_OPTIONS,
				interaction: { mode: 'index', intersect: false },
				scales: {
					x: { type: 'category', ...axisStyle(t('charts.monthly.month')) },
					y: { type: 'linear', ...axisStyle(t('charts.amount')), ticks: { color: COLORS.text, callback: ticks(money, ctx) } }
				},
				plugins: {
					legend: legend(),
					tooltip: {
						callbacks: {
							label: (item: { dataset: { label?: string }; raw: unknown }) => `${item.dataset.label ?? ''}: ${money(Number(item.raw), ctx)}`
						}
					},
					annotation: { annotations }
				}
			}
		},
		table: {
			columns: [t('charts.monthly.month'), t('charts.monthly.units'), t('charts.monthly.revenue'), t('charts.monthly.profit'), t('charts.monthly.cumulative')],
			rows: input.months.map((m) => [monthTick(m), count(m.units, ctx), money(m.revenue, ctx), money(m.profit, ctx), money(m.cumulative_profit, ctx)])
		}
	};
}

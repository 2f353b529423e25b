/**
 * Core-dealer ranking: each surveyed dealer's weighted score as a horizontal bar, best at the top,
 * in the rank order scoring produced (ties already broken by name), so the chart and the table of
 * the dealer survey never disagree about who is first.
 */
import type { DealerScore } from '$lib/domain/finance/dealers';
import { plain, ticks } from '../chart-format';
import type { ChartContext, ChartSpec } from '../chart-spec';
import { BASE_OPTIONS, COLORS, axisStyle, legend, withAlpha } from '../chart-theme';

/** The dealer ranking chart, or null when no dealer was scored. */
export function dealersChart(input: readonly DealerScore[], ctx: ChartContext): ChartSpec | null {
	if (input.length === 0) return null;
	const { t } = ctx;
	const ranked = [...input].sort((a, b) => a.rank - b.rank);
	return {
		id: 'dealers',
		title: t('charts.dealers.title'),
		config: {
			type: 'bar',
			data: {
				labels: ranked.map((d) => d.name),
				datasets: [
					{
						label: t('charts.dealers.score'),
						data: ranked.map((d) => d.score),
						// The leader stands out: the survey exists to pick the core dealer.
						backgroundColor: ranked.map((d) => (d.rank === 1 ? withAlpha(COLORS.profit, 0.85) : withAlpha(COLORS.revenue, 0.6)))
					}
				]
			},
			options: {
				...BASE_OPTIONS,
				indexAxis: 'y',
				scales: {
					x: { type: 'linear', beginAtZero: true, ...axisStyle(t('charts.dealers.score')), ticks: { color: COLORS.text, callback: ticks(plain, ctx) } },
					y: { type: 'category', ...axisStyle(t('charts.dealers.dealer')) }
				},
				plugins: { legend: legend(false), tooltip: { callbacks: { label: (item: { raw: unknown }) => plain(Number(item.raw), ctx) } } }
			}
		},
		table: {
			columns: [t('charts.dealers.rank'), t('charts.dealers.dealer'), t('charts.dealers.score')],
			rows: ranked.map((d) => [String(d.rank), d.name, plain(d.score, ctx)])
		}
	};
}

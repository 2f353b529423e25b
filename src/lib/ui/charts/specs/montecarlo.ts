/**
 * Monte Carlo profit histogram: how often each profit range came up across the trials, the loss
 * bins in a warning colour, and the 5th, 50th and 95th percentiles marked, so a manager reads both
 * "how likely is a loss" and "how bad is a bad year" from one picture.
 */
import type { AnnotationOptions } from 'chartjs-plugin-annotation';
import { count, money, percent, ticks } from '../chart-format';
import type { ChartContext, ChartSpec, MonteCarloChartInput } from '../chart-spec';
import { BASE_OPTIONS, COLORS, axisStyle, legend, markerLine, withAlpha } from '../chart-theme';

/** The histogram chart, or null before a run (or when no trial had a finite profit). */
export function montecarloChart(input: MonteCarloChartInput | null, ctx: ChartContext): ChartSpec | null {
	if (!input || input.trials <= 0 || input.histogram.counts.length === 0) return null;
	const { t } = ctx;
	const { min, binWidth, counts } = input.histogram;
	const centres = counts.map((_, i) => min + binWidth * (i + 0.5));
	const total = counts.reduce((s, c) => s + c, 0);
	const isLoss = centres.map((c) => c < 0);

	const markers: [string, number, 'charts.montecarlo.p5' | 'charts.montecarlo.p50' | 'charts.montecarlo.p95', 'start' | 'center' | 'end'][] = [
		['p5', input.p5, 'charts.montecarlo.p5', 'start'],
		['p50', input.p50, 'charts.montecarlo.p50', 'center'],
		['p95', input.p95, 'charts.montecarlo.p95', 'end']
	];
	const annotations: Record<string, AnnotationOptions> = {};
	for (const [id, value, key, position] of markers) {
		if (!Number.isFinite(value)) continue;
		annotations[id] = markerLine({
			scaleID: 'x',
			value: binPosition(value, input.histogram),
			label: t(key, { value: money(value, ctx) }),
			color: id === 'p50' ? COLORS.text : COLORS.marker,
			position
		});
	}

	return {
		id: 'montecarlo',
		title: t('charts.montecarlo.title'),
		summary: t('charts.montecarlo.summary', { pLoss: percent(input.pLoss, ctx), trials: count(input.trials, ctx), mean: money(input.mean, ctx) }),
		config: {
			type: 'bar',
			data: {
				labels: centres.map((c) => money(c, ctx)),
				datasets: [
					{
						label: t('charts.montecarlo.lossBins'),
						data: counts.map((c, i) => (isLoss[i] ? c : null)),
						backgroundColor: withAlpha(COLORS.loss, 0.85),
						grouped: false,
						barPercentage: 1,
						categoryPercentage: 0.96
					},
					{
						label: t('charts.montecarlo.gainBins'),
						data: counts.map((c, i) => (isLoss[i] ? null : c)),
						backgroundColor: withAlpha(COLORS.profit, 0.75),
						grouped: false,
						barPercentage: 1,
						categoryPercentage: 0.96
					}
				]
			},
			options: {
				...BASE_OPTIONS,
				scales: {
					x: { type: 'category', ...axisStyle(t('charts.montecarlo.profit')), ticks: { color: COLORS.text, maxRotation: 0, autoSkip: true } },
					y: { type: 'linear', beginAtZero: true, ...axisStyle(t('charts.montecarlo.trials')), ticks: { color: COLORS.text, precision: 0, callback: ticks(count, ctx) } }
				},
				plugins: {
					legend: legend(isLoss.some(Boolean)),
					tooltip: {
						callbacks: {
							title: (items: { dataIndex: number }[]) => rangeText(items[0]?.dataIndex ?? 0, input, ctx),
							label: (item: { raw: unknown }) => `${count(Number(item.raw), ctx)} (${percent(Number(item.raw) / total, ctx)})`
						}
					},
					annotation: { annotations }
				}
			}
		},
		table: {
			columns: [t('charts.montecarlo.range'), t('charts.montecarlo.trials'), t('charts.montecarlo.share')],
			rows: counts.map((c, i) => [rangeText(i, input, ctx), count(c, ctx), percent(total > 0 ? c / total : 0, ctx)])
		}
	};
}

/**
 * Where `profit` falls on the category axis, as a fractional bar index: bar i is centred on index
 * i, so a bin's lower edge sits at i − 0.5. The annotation plugin passes numbers to the scale
 * unrounded, so a percentile lands inside its bar, not snapped to a bar centre.
 */
export function binPosition(profit: number, histogram: MonteCarloChartInput['histogram']): number {
	const bins = histogram.counts.length;
	if (!(histogram.binWidth > 0)) return 0;
	const index = (profit - histogram.min) / histogram.binWidth - 0.5;
	return Math.min(bins - 0.5, Math.max(-0.5, index));
}

function rangeText(i: number, input: MonteCarloChartInput, ctx: ChartContext): string {
	const { min, binWidth } = input.histogram;
	return `${money(min + binWidth * i, ctx)} – ${money(min + binWidth * (i + 1), ctx)}`;
}

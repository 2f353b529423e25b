/**
 * The sales funnel, stages top to bottom in pipeline order. With the stages' opportunity values
 * the bars compare each stage's value with what it is expected to bring (value × the chance of
 * passing every later stage); without them, the win probability per stage. The analysis result
 * itself carries no stage values, hence the optional `stageValues` (the plan's funnel rows).
 */
import type { FunnelResult } from '$lib/domain/finance/funnel';
import { money, percent, plain, ticks } from '../chart-format';
import type { ChartContext, ChartSpec } from '../chart-spec';
import { BASE_OPTIONS, COLORS, axisStyle, legend, withAlpha } from '../chart-theme';

export interface FunnelChartInput {
	result: FunnelResult | null;
	/** Opportunity value of each stage, in the same order; used only when one per stage. */
	stageValues?: readonly number[] | undefined;
}

/** The funnel chart, or null when the plan has no funnel. */
export function funnelChart(input: FunnelChartInput, ctx: ChartContext): ChartSpec | null {
	const result = input.result;
	if (!result || result.stages.length === 0) return null;
	const { t } = ctx;
	const stages = result.stages;
	const values = input.stageValues && input.stageValues.length === stages.length ? input.stageValues : null;
	const labels = stages.map((s) => s.stage);
	const summary = t('charts.funnel.summary', { value: money(result.expected_value, ctx) });
	const closeMonths = (months: number): string => plain(months, ctx);

	if (!values) {
		return {
			id: 'funnel',
			title: t('charts.funnel.title'),
			summary,
			config: {
				type: 'bar',
				data: { labels, datasets: [{ label: t('charts.funnel.winProbability'), data: stages.map((s) => s.win_probability * 100), backgroundColor: withAlpha(COLORS.revenue, 0.8) }] },
				options: {
					...BASE_OPTIONS,
					indexAxis: 'y',
					scales: {
						x: { type: 'linear', min: 0, max: 100, ...axisStyle(t('charts.funnel.winProbability')), ticks: { color: COLORS.text, callback: ticks((v) => `${v}%`, ctx) } },
						y: { type: 'category', ...axisStyle(t('charts.funnel.stage')) }
					},
					plugins: { legend: legend(false), tooltip: { callbacks: { label: (item: { raw: unknown }) => percent(Number(item.raw) / 100, ctx) } } }
				}
			},
			table: {
				columns: [t('charts.funnel.stage'), t('charts.funnel.winProbability'), t('charts.funnel.closeMonth')],
				rows: stages.map((s) => [s.stage, percent(s.win_probability, ctx), closeMonths(s.close_month)])
			}
		};
	}

	const expected = stages.map((s, i) => (values[i] ?? 0) * s.win_probability);
	return {
		id: 'funnel',
		title: t('charts.funnel.title'),
		summary,
		config: {
			type: 'bar',
			data: {
				labels,
				datasets: [
					{ label: t('charts.funnel.value'), data: [...values], backgroundColor: withAlpha(COLORS.revenue, 0.35), borderColor: COLORS.revenue, borderWidth: 1 },
					{ label: t('charts.funnel.expected'), data: expected, backgroundColor: withAlpha(COLORS.profit, 0.85) }
				]
			},
			options: {
				...BASE_OPTIONS,
				indexAxis: 'y',
				scales: {
					x: { type: 'linear', beginAtZero: true, ...axisStyle(t('charts.amount')), ticks: { color: COLORS.text, callback: ticks(money, ctx) } },
					y: { type: 'category', ...axisStyle(t('charts.funnel.stage')) }
				},
				plugins: {
					legend: legend(),
					tooltip: { callbacks: { label: (item: { dataset: { label?: string }; raw: unknown }) => `${item.dataset.label ?? ''}: ${money(Number(item.raw), ctx)}` } }
				}
			}
		},
		table: {
			columns: [t('charts.funnel.stage'), t('charts.funnel.value'), t('charts.funnel.winProbability'), t('charts.funnel.expected'), t('charts.funnel.closeMonth')],
			rows: stages.map((s, i) => [s.stage, money(values[i] ?? Number.NaN, ctx), percent(s.win_probability, ctx), money(expected[i] ?? Number.NaN, ctx), closeMonths(s.close_month)])
		}
	};
}

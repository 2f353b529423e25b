/**
 * Tornado chart: for each typed-in assumption, profit with that input 10 % lower and 10 % higher,
 * everything else at base. Bars start at base profit, so their length is the swing and their side
 * says whether raising the input helps; the rows come sorted by swing, widest first, which is the
 * order a planner should verify the assumptions in.
 */
import type { SensitivityRow } from '$lib/domain/simulate/sensitivity';
import { money, plain, ticks } from '../chart-format';
import type { ChartContext, ChartSpec } from '../chart-spec';
import { BASE_OPTIONS, COLORS, axisStyle, legend, markerLine, withAlpha } from '../chart-theme';

export interface TornadoChartInput {
	/** Sensitivity rows in display order (the analysis sorts them by swing). */
	rows: readonly SensitivityRow[];
	/** Profit of the base plan, where every bar starts. */
	baseProfit: number | null;
	/** The variables' own labels ("零售价" for `price`), shown instead of names where given. */
	labels?: Readonly<Record<string, string>> | undefined;
}

type Bar = [number, number] | null;

/** The tornado chart, or null without rows or without a base profit to measure from. */
export function tornadoChart(input: TornadoChartInput, ctx: ChartContext): ChartSpec | null {
	const base = input.baseProfit;
	if (input.rows.length === 0 || base === null || !Number.isFinite(base)) return null;
	const { t } = ctx;
	const bar = (profit: number): Bar => (Number.isFinite(profit) ? [base, profit] : null);
	const nameOf = (name: string): string => {
		const label = input.labels && Object.hasOwn(input.labels, name) ? input.labels[name]?.trim() : '';
		return label || name;
	};

	return {
		id: 'tornado',
		title: t('charts.tornado.title'),
		config: {
			type: 'bar',
			data: {
				labels: input.rows.map((r) => nameOf(r.name)),
				datasets: [
					// grouped: false puts both bars of an input on one row, either side of base profit.
					{ label: t('charts.tornado.low'), data: input.rows.map((r) => bar(r.outputAtLow)), backgroundColor: withAlpha(COLORS.cost, 0.75), borderColor: COLORS.cost, borderWidth: 1, grouped: false },
					{ label: t('charts.tornado.high'), data: input.rows.map((r) => bar(r.outputAtHigh)), backgroundColor: withAlpha(COLORS.revenue, 0.75), borderColor: COLORS.revenue, borderWidth: 1, grouped: false }
				]
			},
			options: {
				...BASE_OPTIONS,
				indexAxis: 'y',
				scales: {
					x: { type: 'linear', ...axisStyle(t('charts.tornado.profit')), ticks: { color: COLORS.text, callback: ticks(money, ctx) } },
					y: { type: 'category', ...axisStyle(t('charts.tornado.input')) }
				},
				plugins: {
					legend: legend(),
					tooltip: {
						callbacks: {
							label: (item: { dataset: { label?: string }; raw: unknown }) => `${item.dataset.label ?? ''}: ${money((item.raw as [number, number])[1], ctx)}`
						}
					},
					annotation: {
						annotations: {
							baseProfit: markerLine({ scaleID: 'x', value: base, label: t('charts.tornado.base', { profit: money(base, ctx) }), color: COLORS.fixed, position: 'start' })
						}
					}
				}
			}
		},
		table: {
			columns: [t('charts.tornado.input'), t('charts.tornado.low'), t('charts.tornado.high'), t('charts.tornado.swing')],
			rows: input.rows.map((r) => [`${nameOf(r.name)} (${plain(r.base, ctx)})`, money(r.outputAtLow, ctx), money(r.outputAtHigh, ctx), money(r.swing, ctx)])
		}
	};
}

/**
 * Cost-volume-profit chart: revenue and total cost against units sold, the fixed-cost floor, and
 * where they cross (breakeven) next to where the plan expects to sell (forecast). The gap between
 * the two marker lines is the margin of safety the deep-marketing training asks planners to read.
 */
import type { AnnotationOptions } from 'chartjs-plugin-annotation';
import type { CvpChart } from '$lib/domain/model/analysis';
import { count, money, percent, ticks } from '../chart-format';
import type { ChartContext, ChartSpec } from '../chart-spec';
import { BASE_OPTIONS, COLORS, axisStyle, legend, markerLine, markerPoint, withAlpha } from '../chart-theme';

interface Point {
	x: number;
	y: number;
}

/** The CVP chart, or null when the plan has no finance model to draw. */
export function cvpChart(input: CvpChart | null, ctx: ChartContext): ChartSpec | null {
	if (!input || input.units.length === 0) return null;
	const { t } = ctx;
	const along = (ys: readonly number[]): Point[] => input.units.map((x, i) => ({ x, y: ys[i] ?? Number.NaN }));
	const breakeven = input.breakevenUnits;

	const annotations: Record<string, AnnotationOptions> = {
		forecast: markerLine({
			scaleID: 'x',
			value: input.forecastUnits,
			label: t('charts.cvp.forecast', { units: count(input.forecastUnits, ctx) }),
			color: COLORS.forecast,
			position: 'end'
		})
	};
	if (breakeven !== null) {
		annotations.breakeven = markerLine({
			scaleID: 'x',
			value: breakeven,
			label: t('charts.cvp.breakeven', { units: count(breakeven, ctx) }),
			position: 'start'
		});
		// Revenue equals total cost there: fixed + the cost line's slope × units.
		annotations.breakevenPoint = markerPoint({ x: breakeven, y: costAt(input, breakeven), color: COLORS.marker });
	}

	const amount = t('charts.amount');
	return {
		id: 'cvp',
		title: t('charts.cvp.title'),
		summary: summary(input, ctx),
		config: {
			type: 'line',
			data: {
				datasets: [
					{ label: t('charts.cvp.revenue'), data: along(input.revenue), borderColor: COLORS.revenue, backgroundColor: COLORS.revenue, pointRadius: 0, borderWidth: 2 },
					{ label: t('charts.cvp.totalCost'), data: along(input.totalCost), borderColor: COLORS.cost, backgroundColor: COLORS.cost, pointRadius: 0, borderWidth: 2 },
					{
						label: t('charts.cvp.fixedCost'),
						data: input.units.map((x) => ({ x, y: input.fixedCost })),
						borderColor: COLORS.fixed,
						backgroundColor: withAlpha(COLORS.fixed, 0.12),
						borderDash: [4, 4],
						pointRadius: 0,
						borderWidth: 1.5
					}
				]
			},
			options: {
				...BASE_OPTIONS,
				interaction: { mode: 'index', intersect: false },
				scales: {
					x: { type: 'linear', min: 0, max: input.units[input.units.length - 1], ...axisStyle(t('charts.cvp.units')), ticks: { color: COLORS.text, callback: ticks(count, ctx) } },
					y: { type: 'linear', ...axisStyle(amount), ticks: { color: COLORS.text, callback: ticks(money, ctx) } }
				},
				plugins: {
					legend: legend(),
					tooltip: {
						callbacks: {
							title: (items: { raw: unknown }[]) => `${t('charts.cvp.units')}: ${count((items[0]?.raw as Point | undefined)?.x ?? Number.NaN, ctx)}`,
							label: (item: { dataset: { label?: string }; raw: unknown }) => `${item.dataset.label ?? ''}: ${money((item.raw as Point).y, ctx)}`
						}
					},
					annotation: { annotations }
				}
			}
		},
		table: {
			columns: [t('charts.cvp.units'), t('charts.cvp.revenue'), t('charts.cvp.totalCost'), t('charts.cvp.profit')],
			rows: input.units.map((units, i) => {
				const revenue = input.revenue[i] ?? Number.NaN;
				const cost = input.totalCost[i] ?? Number.NaN;
				return [count(units, ctx), money(revenue, ctx), money(cost, ctx), money(revenue - cost, ctx)];
			})
		}
	};
}

/** Total cost at `units`, from the sampled line (it is straight: fixed + unit cost × units). */
function costAt(input: CvpChart, units: number): number {
	const lastIndex = input.units.length - 1;
	const top = input.units[lastIndex] ?? 0;
	const slope = top > 0 ? ((input.totalCost[lastIndex] ?? input.fixedCost) - input.fixedCost) / top : 0;
	return input.fixedCost + slope * units;
}

function summary(input: CvpChart, ctx: ChartContext): string {
	const forecast = count(input.forecastUnits, ctx);
	if (input.breakevenUnits === null) return ctx.t('charts.cvp.summaryNoBreakeven', { forecast });
	const margin = input.forecastUnits > 0 ? (input.forecastUnits - input.breakevenUnits) / input.forecastUnits : Number.NaN;
	return ctx.t('charts.cvp.summary', { breakeven: count(input.breakevenUnits, ctx), forecast, margin: percent(margin, ctx) });
}

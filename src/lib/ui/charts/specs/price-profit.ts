/**
 * Profit against price: the curve the price optimiser climbs (0.5× to 2× the plan's price, with
 * demand following the elasticity), the plan's own point, the best price, and each scenario where
 * it lands. Shows at a glance whether a proposed price cut moves towards or away from the peak.
 */
import type { AnnotationOptions } from 'chartjs-plugin-annotation';
import type { PriceProfitChart } from '$lib/domain/model/analysis';
import { money, ticks } from '../chart-format';
import type { ChartContext, ChartSpec } from '../chart-spec';
import { BASE_OPTIONS, COLORS, axisStyle, legend, markerPoint } from '../chart-theme';

interface Point {
	x: number;
	y: number;
}

/** The profit-against-price chart, or null when the plan has no `price` to vary. */
export function priceProfitChart(input: PriceProfitChart | null, ctx: ChartContext): ChartSpec | null {
	if (!input || input.points.length === 0) return null;
	const { t } = ctx;
	const all = [...input.points, ...input.scenarios, { x: input.basePrice, y: input.baseProfit }];
	const xs = all.map((p) => p.x);
	const ys = all.map((p) => p.y);
	const extent: Extent = { xLo: Math.min(...xs), xHi: Math.max(...xs), yLo: Math.min(...ys), yHi: Math.max(...ys) };
	const annotations: Record<string, AnnotationOptions> = {
		base: markerPoint({ x: input.basePrice, y: input.baseProfit, color: COLORS.revenue }),
		baseLabel: pointLabel({ x: input.basePrice, y: input.baseProfit }, t('charts.priceProfit.base'), COLORS.revenue, extent, 'beside')
	};
	if (input.optimum) {
		annotations.optimum = markerPoint({ x: input.optimum.x, y: input.optimum.y, color: COLORS.profit, style: 'triangle' });
		annotations.optimumLabel = pointLabel(input.optimum, t('charts.priceProfit.optimum'), COLORS.profit, extent, 'above');
	}
	input.scenarios.forEach((s, i) => {
		annotations[`scenario${i}`] = pointLabel(s, s.name, COLORS.accent, extent, s.y >= input.baseProfit ? 'above' : 'below');
	});

	const row = (label: string, p: Point): string[] => [label, money(p.x, ctx), money(p.y, ctx)];
	const marked: string[][] = [
		row(t('charts.priceProfit.base'), { x: input.basePrice, y: input.baseProfit }),
		...(input.optimum ? [row(t('charts.priceProfit.optimum'), input.optimum)] : []),
		...input.scenarios.map((s) => row(s.name, s))
	];
	const names = input.scenarios.map((s) => s.name);

	return {
		id: 'price-profit',
		title: t('charts.priceProfit.title'),
		...(input.optimum
			? {
					summary: t('charts.priceProfit.summary', {
						price: money(input.optimum.x, ctx),
						profit: money(input.optimum.y, ctx),
						basePrice: money(input.basePrice, ctx),
						baseProfit: money(input.baseProfit, ctx)
					})
				}
			: {}),
		config: {
			type: 'line',
			data: {
				datasets: [
					{ label: t('charts.priceProfit.curve'), data: input.points.map((p) => ({ x: p.x, y: p.y })), borderColor: COLORS.profit, backgroundColor: COLORS.profit, pointRadius: 0, borderWidth: 2 },
					{
						label: t('charts.priceProfit.scenarios'),
						data: input.scenarios.map((s) => ({ x: s.x, y: s.y })),
						showLine: false,
						pointRadius: 6,
						pointStyle: 'rectRot',
						borderColor: COLORS.accent,
						backgroundColor: COLORS.accent
					}
				]
			},
			options: {
				...BASE_OPTIONS,
				scales: {
					x: { type: 'linear', ...axisStyle(t('charts.priceProfit.price')), ticks: { color: COLORS.text, callback: ticks(money, ctx) } },
					y: { type: 'linear', ...axisStyle(t('charts.priceProfit.profit')), ticks: { color: COLORS.text, callback: ticks(money, ctx) } }
				},
				plugins: {
					legend: legend(),
					tooltip: {
						callbacks: {
							label: (item: { datasetIndex: number; dataIndex: number; raw: unknown }) => {
								const p = item.raw as Point;
								const name = item.datasetIndex === 1 ? `${names[item.dataIndex] ?? ''}: ` : '';
								return `${name}${money(p.x, ctx)} → ${money(p.y, ctx)}`;
							}
						}
					},
					annotation: { annotations }
				}
			}
		},
		table: {
			columns: [t('charts.priceProfit.point'), t('charts.priceProfit.price'), t('charts.priceProfit.profit')],
			rows: [...marked, ...input.points.map((p) => row(t('charts.priceProfit.curve'), p))]
		}
	};
}

/** The data extent the labels are placed within. */
interface Extent {
	xLo: number;
	xHi: number;
	yLo: number;
	yHi: number;
}

function share(value: number, lo: number, hi: number): number {
	return hi > lo ? (value - lo) / (hi - lo) : 0.5;
}

/**
 * A small text tag by a marked point, so scenarios are named on the chart itself. Scenarios sit
 * above or below (on their side of base profit) and the current plan beside its point, since
 * scenarios often share its price. Near an edge of the plot a tag turns inward: annotations are
 * clipped to the chart area.
 */
function pointLabel(p: Point, text: string, color: string, extent: Extent, side: 'above' | 'below' | 'beside'): AnnotationOptions {
	const rx = share(p.x, extent.xLo, extent.xHi);
	const ry = share(p.y, extent.yLo, extent.yHi);
	const common = { type: 'label' as const, xValue: p.x, yValue: p.y, content: text, color, font: { size: 11, weight: 'bold' as const }, backgroundColor: 'rgba(255, 255, 255, 0.75)', padding: 2 };
	if (side === 'beside') {
		const left = rx > 0.6;
		return { ...common, position: { x: left ? 'end' : 'start', y: 'center' }, xAdjust: left ? -10 : 10 };
	}
	const under = ry > 0.85 ? true : ry < 0.15 ? false : side === 'below';
	return { ...common, position: { x: rx > 0.8 ? 'end' : rx < 0.2 ? 'start' : 'center', y: under ? 'start' : 'end' }, yAdjust: under ? 8 : -8 };
}

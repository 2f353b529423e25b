/**
 * The price chain as a waterfall, from what the consumer pays down to what the maker nets: each
 * tier's bar is the slice it keeps (its margin or markup on its purchase price), then the maker's
 * rebates, then the net price as a full bar. Answers the channel question of the deep-marketing
 * price rules: is each tier paid enough to push the product, and what is left for us.
 */
import type { WaterfallStep } from '$lib/domain/model/analysis';
import { money, percent, ticks } from '../chart-format';
import { tierLabel } from '../chart-names';
import type { ChartContext, ChartSpec } from '../chart-spec';
import { BASE_OPTIONS, COLORS, axisStyle, legend, withAlpha } from '../chart-theme';

/** The waterfall chart, or null when the plan has no price chain. */
export function waterfallChart(steps: readonly WaterfallStep[], ctx: ChartContext): ChartSpec | null {
	const first = steps[0];
	const last = steps[steps.length - 1];
	if (!first || !last || steps.length < 2) return null;
	const { t } = ctx;
	const stepLabel = (s: WaterfallStep): string =>
		s.kind === 'consumer' ? t('charts.waterfall.consumer') : s.kind === 'rebate' ? t('charts.waterfall.rebate') : t('charts.waterfall.tier', { tier: tierLabel(s.label, ctx) });
	const net = last.value;
	// The first bar stands on zero; each later step floats from the price after it up to the price before it.
	const bars: [number, number][] = [...steps.map((s): [number, number] => (s.kind === 'consumer' ? [0, s.value] : [s.value, s.value + s.change])), [0, net]];
	const labels = [...steps.map(stepLabel), t('charts.waterfall.net')];
	const colors = bars.map((_, i) => (i === 0 || i === bars.length - 1 ? withAlpha(COLORS.revenue, 0.85) : withAlpha(COLORS.cost, 0.7)));

	return {
		id: 'waterfall',
		title: t('charts.waterfall.title'),
		summary: t('charts.waterfall.summary', { consumer: money(first.value, ctx), net: money(net, ctx), share: percent(first.value !== 0 ? net / first.value : Number.NaN, ctx) }),
		config: {
			type: 'bar',
			data: {
				labels,
				datasets: [{ label: t('charts.waterfall.price'), data: bars, backgroundColor: colors, borderWidth: 0, barPercentage: 0.7 }]
			},
			options: {
				...BASE_OPTIONS,
				scales: {
					x: { type: 'category', ...axisStyle(t('charts.waterfall.step')) },
					y: { type: 'linear', beginAtZero: true, ...axisStyle(t('charts.waterfall.price')), ticks: { color: COLORS.text, callback: ticks(money, ctx) } }
				},
				plugins: {
					legend: legend(false),
					tooltip: {
						callbacks: {
							label: (item: { dataIndex: number }) => {
								const step = steps[item.dataIndex];
								if (!step || step.kind === 'consumer') return money(step?.value ?? net, ctx);
								return `−${money(step.change, ctx)} → ${money(step.value, ctx)}`;
							}
						}
					}
				}
			}
		},
		table: {
			columns: [t('charts.waterfall.step'), t('charts.waterfall.after'), t('charts.waterfall.change')],
			rows: [...steps.map((s) => [stepLabel(s), money(s.value, ctx), s.kind === 'consumer' ? '' : money(s.change, ctx)]), [t('charts.waterfall.net'), money(net, ctx), '']]
		}
	};
}

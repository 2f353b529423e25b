/**
 * Budget by category as horizontal bars, largest first (the order the analysis sorts them in):
 * bars rather than a doughnut, because planners compare categories against each other and against
 * last year, which lengths show better than angles.
 */
import { money, percent, ticks } from '../chart-format';
import { categoryLabel } from '../chart-names';
import type { ChartContext, ChartSpec } from '../chart-spec';
import { BASE_OPTIONS, COLORS, axisStyle, legend, withAlpha } from '../chart-theme';

export interface BudgetCategory {
	category: string;
	amount: number;
}

/** The budget chart, or null when the plan has no budget lines. */
export function budgetChart(input: readonly BudgetCategory[], ctx: ChartContext): ChartSpec | null {
	if (input.length === 0) return null;
	const { t } = ctx;
	const total = input.reduce((s, c) => s + c.amount, 0);
	const labels = input.map((c) => categoryLabel(c.category, ctx));

	return {
		id: 'budget',
		title: t('charts.budget.title'),
		summary: t('charts.budget.summary', { total: money(total, ctx) }),
		config: {
			type: 'bar',
			data: {
				labels,
				datasets: [{ label: t('charts.budget.amount'), data: input.map((c) => c.amount), backgroundColor: withAlpha(COLORS.accent, 0.8), borderColor: COLORS.accent, borderWidth: 1 }]
			},
			options: {
				...BASE_OPTIONS,
				indexAxis: 'y',
				scales: {
					x: { type: 'linear', beginAtZero: true, ...axisStyle(t('charts.budget.amount')), ticks: { color: COLORS.text, callback: ticks(money, ctx) } },
					y: { type: 'category', ...axisStyle(t('charts.budget.category')) }
				},
				plugins: {
					legend: legend(false),
					tooltip: {
						callbacks: {
							label: (item: { raw: unknown }) => {
								const amount = Number(item.raw);
								return `${money(amount, ctx)} (${percent(total !== 0 ? amount / total : 0, ctx)})`;
							}
						}
					}
				}
			}
		},
		table: {
			columns: [t('charts.budget.category'), t('charts.budget.amount'), t('charts.budget.share')],
			rows: input.map((c, i) => [labels[i] ?? c.category, money(c.amount, ctx), percent(total !== 0 ? c.amount / total : 0, ctx)])
		}
	};
}

import { describe, expect, it } from 'vitest';
import { summarize } from '$lib/domain/simulate/stats';
import type { ChartSpec } from '../chart-spec';
import { abcChart } from './abc';
import { budgetChart } from './budget';
import { cvpChart } from './cvp';
import { dealersChart } from './dealers';
import { funnelChart } from './funnel';
import { ganttChart } from './gantt';
import { montecarloChart } from './montecarlo';
import { monthlyChart } from './monthly';
import { priceProfitChart } from './price-profit';
import { tornadoChart } from './tornado';
import { waterfallChart } from './waterfall';
import { contextOf, exampleAnalysis, examplePlan } from './spec-fixtures';

type Example = Parameters<typeof examplePlan>[0];

/** Every spec of an example, built the way AnalysisCharts builds them. */
function allSpecs(name: Example): (ChartSpec | null)[] {
	const plan = examplePlan(name);
	const a = exampleAnalysis(name);
	const ctx = contextOf(plan);
	const s = summarize([-5, 1, 2, 3, 8], { bins: 4 });
	return [
		cvpChart(a.cvp, ctx),
		priceProfitChart(a.priceProfit, ctx),
		tornadoChart({ rows: a.tornado, baseProfit: a.outputs?.profit ?? null }, ctx),
		montecarloChart({ histogram: s.histogram, mean: s.mean, p5: s.p5, p50: s.p50, p95: s.p95, pLoss: 0.2, trials: 5 }, ctx),
		monthlyChart({ months: a.monthly, paybackMonth: a.paybackMonth }, ctx),
		budgetChart(a.budgetByCategory, ctx),
		waterfallChart(a.waterfall, ctx),
		funnelChart({ result: a.funnel }, ctx),
		dealersChart(a.dealers, ctx),
		abcChart(a.abc, ctx),
		ganttChart(a.schedule, ctx)
	];
}

/** Every string in a value (labels, titles, annotation text), for untranslated-key checks. */
function strings(value: unknown): string[] {
	if (typeof value === 'string') return [value];
	if (Array.isArray(value)) return value.flatMap(strings);
	if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
	return [];
}

describe('every chart spec', () => {
	it('the Chinese example with every data set draws all eleven charts', () => {
		const ids = allSpecs('deep-marketing-ars').map((s) => s?.id);
		expect(ids).toEqual(['cvp', 'price-profit', 'tornado', 'montecarlo', 'monthly', 'budget', 'waterfall', 'funnel', 'dealers', 'abc', 'gantt']);
	});

	it('plans without the data sets leave those charts out', () => {
		const ids = allSpecs('breakeven-basic').flatMap((s) => (s ? [s.id] : []));
		expect(ids).toEqual(['cvp', 'price-profit', 'tornado', 'montecarlo', 'monthly']);
	});

	it.each(['deep-marketing-ars', 'price-scenarios', 'breakeven-basic'] as const)('%s: static, sized by its frame, fully translated, tables rectangular', (name) => {
		for (const spec of allSpecs(name)) {
			if (!spec) continue;
			expect(spec.config.options, spec.id).toMatchObject({ animation: false, responsive: true, maintainAspectRatio: false });
			for (const text of [spec.title, spec.summary ?? '', ...spec.table.columns, ...strings(spec.config.data), ...strings(spec.config.options)]) {
				expect(text, spec.id).not.toMatch(/^charts\.|\{\w+\}/);
			}
			expect(spec.table.rows.length, spec.id).toBeGreaterThan(0);
			for (const row of spec.table.rows) expect(row, spec.id).toHaveLength(spec.table.columns.length);
		}
	});

	it('configs are plain data apart from callbacks and the Gantt plugin', () => {
		for (const spec of allSpecs('deep-marketing-ars')) {
			if (!spec) continue;
			const { plugins, ...rest } = spec.config;
			const json = JSON.parse(JSON.stringify(rest)) as unknown;
			expect(json, spec.id).toBeTruthy();
			expect(plugins === undefined || spec.id === 'gantt', spec.id).toBe(true);
		}
	});
});

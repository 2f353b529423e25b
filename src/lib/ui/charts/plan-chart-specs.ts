/**
 * Every chart a plan supports as specs, outside a component: for the print view and for the
 * images a browser-made DOCX carries. Same builders, same order as the simulation views.
 */
import type { Analysis } from '$lib/domain/model/analysis';
import type { Plan } from '$lib/domain/plan/types';
import type { ChartContext, ChartSpec } from './chart-spec';
import { abcChart } from './specs/abc';
import { budgetChart } from './specs/budget';
import { cvpChart } from './specs/cvp';
import { dealersChart } from './specs/dealers';
import { funnelChart } from './specs/funnel';
import { ganttChart } from './specs/gantt';
import { monthlyChart } from './specs/monthly';
import { priceProfitChart } from './specs/price-profit';
import { scenariosChart } from './specs/scenarios';
import { tornadoChart } from './specs/tornado';
import { waterfallChart } from './specs/waterfall';

export function planChartSpecs(plan: Plan, analysis: Analysis, context: ChartContext): ChartSpec[] {
	const labels = Object.fromEntries(plan.variables.flatMap((v) => (v.label ? [[v.name, v.label]] : [])));
	return [
		scenariosChart(analysis.grid, context),
		cvpChart(analysis.cvp, context),
		priceProfitChart(analysis.priceProfit, context),
		tornadoChart({ rows: analysis.tornado, baseProfit: analysis.outputs?.profit ?? null, labels }, context),
		monthlyChart({ months: analysis.monthly, paybackMonth: analysis.paybackMonth }, context),
		budgetChart(analysis.budgetByCategory, context),
		waterfallChart(analysis.waterfall, context),
		funnelChart({ result: analysis.funnel, stageValues: plan.data.funnel?.map((s) => s.value) }, context),
		dealersChart(analysis.dealers, context),
		abcChart(analysis.abc, context),
		ganttChart(analysis.schedule, context)
	].filter((s): s is ChartSpec => s !== null);
}

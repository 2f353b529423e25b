/**
 * Shared set-up of the chart builder tests: the example plans analysed exactly as the browser
 * does, and a chart context speaking the plan's language through the real catalogues.
 */
import type { AnnotationOptions } from 'chartjs-plugin-annotation';
import { analyzePlan, type Analysis } from '$lib/domain/model/analysis';
import { parsePlanText } from '$lib/domain/plan/parse';
import type { Plan } from '$lib/domain/plan/types';
import { translate } from '$lib/i18n';
import { exampleText } from '$lib/test-data/examples';
import type { ChartContext, ChartSpec } from '../chart-spec';

/** The example plan `name`, parsed; throws when it does not parse, which fails the test. */
export function examplePlan(name: 'deep-marketing-ars' | 'price-scenarios' | 'breakeven-basic'): Plan {
	const parsed = parsePlanText(exampleText(name));
	if (!parsed.ok) throw new Error(`example ${name} does not parse: ${JSON.stringify(parsed.errors)}`);
	return parsed.plan;
}

/** The analysis of an example plan. */
export function exampleAnalysis(name: Parameters<typeof examplePlan>[0]): Analysis {
	return analyzePlan(examplePlan(name));
}

/** A chart context in `locale`, with the real message catalogue. */
export function chartContext(locale: 'en' | 'zh-CN', currency = locale === 'zh-CN' ? 'CNY' : 'USD'): ChartContext {
	return { locale, currency, t: (key, params) => translate(locale, key, params) };
}

/** The context of an example plan: its own locale and currency. */
export function contextOf(plan: Plan): ChartContext {
	return chartContext(plan.meta.locale, plan.meta.currency);
}

/** The named annotations of a spec (every builder names its markers). */
export function annotationsOf(spec: ChartSpec): Record<string, AnnotationOptions | undefined> {
	const annotations = spec.config.options?.plugins?.annotation?.annotations;
	if (!annotations || Array.isArray(annotations)) throw new Error(`${spec.id}: no named annotations`);
	// The config type deep-partials every option; builders always write complete annotations.
	return annotations as Record<string, AnnotationOptions | undefined>;
}

/** The line annotation `id`: where it is and what it says. */
export function markerLineOf(spec: ChartSpec, id: string): { scaleID: unknown; value: unknown; label: unknown } {
	const a = annotationsOf(spec)[id];
	if (!a || a.type !== 'line') throw new Error(`${spec.id}: no line annotation "${id}"`);
	return { scaleID: a.scaleID, value: a.value, label: a.label?.content };
}

/** The point annotation `id`'s coordinates. */
export function markerPointOf(spec: ChartSpec, id: string): { x: unknown; y: unknown } {
	const a = annotationsOf(spec)[id];
	if (!a || a.type !== 'point') throw new Error(`${spec.id}: no point annotation "${id}"`);
	return { x: a.xValue, y: a.yValue };
}

/** The data of the dataset labelled `label`. */
export function dataOf(spec: ChartSpec, label: string): unknown[] {
	const dataset = spec.config.data.datasets.find((d) => d.label === label);
	if (!dataset) throw new Error(`${spec.id}: no dataset "${label}" in ${spec.config.data.datasets.map((d) => d.label).join(', ')}`);
	return [...dataset.data];
}

/**
 * The contract between the pure chart builders (specs/*.ts) and the one component that draws them
 * (ChartFrame.svelte). A spec is plain data plus a few tick/tooltip callbacks: builders run in Node
 * tests without a DOM, and the frame can swap a new spec into a live chart without recreating it.
 */
import type { ChartConfiguration } from 'chart.js';
import type { Histogram } from '$lib/domain/simulate/stats';
import type { MessageKey, MessageParams } from '$lib/i18n';

/**
 * How a chart speaks: the plan's language and currency (not the UI's, so a Chinese plan prints
 * Chinese charts for an English-speaking editor) and the message lookup for that language.
 */
export interface ChartContext {
	locale: 'en' | 'zh-CN';
	currency: string;
	t: (key: MessageKey, params?: MessageParams) => string;
}

/** The chart's data as already formatted text: the accessible alternative to the canvas. */
export interface ChartTable {
	columns: string[];
	rows: string[][];
}

/** One chart, ready to draw. */
export interface ChartSpec {
	/** Stable per kind of chart (`cvp`, `gantt` …); the frame recreates the chart only when it changes. */
	id: string;
	title: string;
	/**
	 * The key finding in one sentence (breakeven, payback, P(loss) …), shown under the title as
	 * text, so screen readers and printouts get it without reading the canvas.
	 */
	summary?: string;
	config: ChartConfiguration;
	table: ChartTable;
}

/**
 * What the Monte Carlo chart needs from a finished run: the profit histogram and its markers.
 * `pLoss` is a share (0.12 = 12 %), `trials` the number of trials run.
 */
export interface MonteCarloChartInput {
	histogram: Histogram;
	mean: number;
	p5: number;
	p50: number;
	p95: number;
	pLoss: number;
	trials: number;
}

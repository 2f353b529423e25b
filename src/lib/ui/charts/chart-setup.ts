/**
 * Registers with Chart.js exactly what the chart specs use, so the bundle carries only those
 * controllers, elements, scales and plugins (`chart.js/auto` would pull in every chart type).
 * Idempotent without module state: whether it already ran is read from Chart.js's own registry.
 * Add an item here when a spec starts using a new chart type, scale or plugin.
 */
import {
	BarController,
	BarElement,
	CategoryScale,
	Chart,
	Legend,
	LineController,
	LineElement,
	LinearScale,
	PointElement,
	Tooltip
} from 'chart.js';
import annotationPlugin from 'chartjs-plugin-annotation';

/** Line and bar charts (mixed too) on category and linear axes, with legend, tooltip and markers. */
const ITEMS = [BarController, LineController, BarElement, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip, annotationPlugin];

/** Makes Chart.js ready to draw every spec and returns its Chart class. */
export function registerCharts(): typeof Chart {
	// The annotation plugin goes in last, in the same call, so its presence means all are there.
	if (Chart.registry.plugins.get(annotationPlugin.id) !== annotationPlugin) Chart.register(...ITEMS);
	return Chart;
}

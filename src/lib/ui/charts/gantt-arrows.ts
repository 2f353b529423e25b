/**
 * A small Chart.js plugin for the Gantt chart: an elbow arrow from each predecessor bar's end to its
 * successor bar's start (finish-to-start, the only dependency the schedule data set records). The
 * links travel in `options.plugins.ganttArrows`, not in a closure, so a chart updated in place with
 * a new spec draws the new links; the plugin object itself is a constant.
 */
import type { ChartType, Plugin } from 'chart.js';

/** Finish-to-start link between two bars, by their index in the dataset. */
export interface GanttLink {
	from: number;
	to: number;
}

export interface GanttArrowsOptions {
	links: GanttLink[];
	color: string;
}

declare module 'chart.js' {
	interface PluginOptionsByType<TType extends ChartType> {
		ganttArrows: GanttArrowsOptions;
	}
}

/** A horizontal bar's geometry in pixels: value ends `x` and `base`, centre line `y`, thickness. */
export interface BarBox {
	x: number;
	base: number;
	y: number;
	height: number;
}

interface Pt {
	x: number;
	y: number;
}

/** Horizontal run out of the predecessor and into the successor, in pixels. */
const GAP = 8;
const HEAD = 5;

/**
 * The arrow's polyline from `from`'s right end to `to`'s left end. When the successor starts far
 * enough right, one elbow; when it starts before the predecessor ends (an overlap the planner may
 * mean as lead time), the line drops between the rows and comes back to approach from the left,
 * so the arrowhead always points right, into the bar.
 */
export function arrowPath(from: BarBox, to: BarBox): Pt[] {
	const start = { x: Math.max(from.x, from.base), y: from.y };
	const end = { x: Math.min(to.x, to.base), y: to.y };
	const out = start.x + GAP;
	if (end.x - GAP >= out) return [start, { x: out, y: start.y }, { x: out, y: end.y }, end];
	const between = start.y + (end.y - start.y) / 2;
	const back = end.x - GAP;
	return [start, { x: out, y: start.y }, { x: out, y: between }, { x: back, y: between }, { x: back, y: end.y }, end];
}

/** The dependency-arrow plugin; add to a bar chart's `plugins` with `options.plugins.ganttArrows`. */
export const ganttArrowsPlugin: Plugin<ChartType, GanttArrowsOptions> = {
	id: 'ganttArrows',
	afterDatasetsDraw(chart, _args, options) {
		const links = options.links ?? [];
		if (links.length === 0) return;
		const bars = chart.getDatasetMeta(0).data;
		const g = chart.ctx;
		g.save();
		g.strokeStyle = options.color;
		g.fillStyle = options.color;
		g.lineWidth = 1.5;
		for (const link of links) {
			const a = bars[link.from];
			const b = bars[link.to];
			if (!a || !b) continue;
			const points = arrowPath(a.getProps(['x', 'base', 'y', 'height'], true) as BarBox, b.getProps(['x', 'base', 'y', 'height'], true) as BarBox);
			const tip = points[points.length - 1] as Pt;
			g.beginPath();
			points.forEach((p, i) => (i === 0 ? g.moveTo(p.x, p.y) : g.lineTo(p.x, p.y)));
			g.stroke();
			g.beginPath();
			g.moveTo(tip.x, tip.y);
			g.lineTo(tip.x - HEAD, tip.y - HEAD);
			g.lineTo(tip.x - HEAD, tip.y + HEAD);
			g.closePath();
			g.fill();
		}
		g.restore();
	}
};

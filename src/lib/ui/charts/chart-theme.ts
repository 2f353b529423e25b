/**
 * Colours and the option blocks every chart shares. Colours are mid-tones that read on the light
 * and the dark theme and in greyscale print (lines also differ in dash), since a canvas cannot
 * follow CSS variables. Options are plain objects, so specs stay data a test can inspect.
 */
import type { LineAnnotationOptions, PointAnnotationOptions } from 'chartjs-plugin-annotation';

/** Series colours, by meaning rather than position, so revenue is the same blue in every chart. */
export const COLORS = {
	revenue: '#3a7bd5',
	cost: '#d64545',
	fixed: '#7a8594',
	profit: '#2e9e5b',
	cumulative: '#e08a00',
	loss: '#d9822b',
	accent: '#8e6cc4',
	marker: '#b0413e',
	forecast: '#3a7bd5',
	text: '#6b7785',
	grid: 'rgba(128, 140, 153, 0.22)',
	classA: '#3a7bd5',
	classB: '#e08a00',
	classC: '#9aa5b1'
} as const;

/** `color` with `alpha` opacity, for fills behind lines and secondary bars. */
export function withAlpha(hex: string, alpha: number): string {
	const n = Number.parseInt(hex.slice(1), 16);
	return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

/**
 * Options every chart shares: no animation (a chart must follow an edit within 100 ms and print
 * its final state, not a frame of a transition), and a size taken from the frame's container.
 */
export const BASE_OPTIONS = {
	responsive: true,
	maintainAspectRatio: false,
	animation: false
} as const;

/** Legend at the bottom, where it does not squeeze the plot of a short chart. */
export function legend(display = true) {
	return { display, position: 'bottom' as const, labels: { color: COLORS.text, boxWidth: 14 } };
}

/** An axis with a title, muted ticks and light grid lines. */
export function axisStyle(title: string) {
	return {
		title: { display: title !== '', text: title, color: COLORS.text },
		ticks: { color: COLORS.text },
		grid: { color: COLORS.grid }
	};
}

/** A dashed marker line across the plot at `value` on `scaleID`, labelled. */
export function markerLine(options: {
	scaleID: string;
	value: number;
	label: string;
	color?: string;
	position?: 'start' | 'center' | 'end';
}): LineAnnotationOptions & { type: 'line' } {
	const color = options.color ?? COLORS.marker;
	return {
		type: 'line',
		scaleID: options.scaleID,
		value: options.value,
		borderColor: color,
		borderWidth: 2,
		borderDash: [6, 4],
		label: {
			display: options.label !== '',
			content: options.label,
			position: options.position ?? 'start',
			backgroundColor: color,
			color: '#ffffff',
			font: { size: 11 },
			padding: 4
		}
	};
}

/** A marked point (optimum, current plan) at data coordinates. */
export function markerPoint(options: { x: number; y: number; color: string; style?: 'circle' | 'rectRot' | 'triangle' }): PointAnnotationOptions & { type: 'point' } {
	return {
		type: 'point',
		xValue: options.x,
		yValue: options.y,
		backgroundColor: options.color,
		borderColor: '#ffffff',
		borderWidth: 1,
		radius: 6,
		pointStyle: options.style ?? 'circle'
	};
}

/**
 * Charts drawn off-screen to PNG, for documents made in the browser (the DOCX export): a detached
 * canvas of fixed size, no animation, on white, one chart at a time.
 */
import type { ChartConfiguration, Plugin } from 'chart.js';
import type { ChartImage } from '$lib/export/chart-image';
import { registerCharts } from './chart-setup';
import type { ChartSpec } from './chart-spec';

const SIZE = { width: 1000, height: 500 };

/** Paints the canvas white first: a transparent PNG shows black in some viewers. */
const whiteBackground: Plugin = {
	id: 'planbookWhiteBackground',
	beforeDraw(chart) {
		const { ctx, width, height } = chart;
		ctx.save();
		ctx.globalCompositeOperation = 'destination-over';
		ctx.fillStyle = '#ffffff';
		ctx.fillRect(0, 0, width, height);
		ctx.restore();
	}
};

export async function drawChartImages(specs: readonly ChartSpec[]): Promise<ChartImage[]> {
	const Chart = registerCharts();
	const images: ChartImage[] = [];
	for (const spec of specs) {
		const canvas = document.createElement('canvas');
		canvas.width = SIZE.width;
		canvas.height = SIZE.height;
		const config = {
			...spec.config,
			options: { ...spec.config.options, responsive: false, animation: false, devicePixelRatio: 1 },
			plugins: [...(spec.config.plugins ?? []), whiteBackground]
		} as ChartConfiguration;
		const chart = new Chart(canvas, config);
		try {
			const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
			if (blob) images.push({ title: spec.title, png: new Uint8Array(await blob.arrayBuffer()), ...SIZE });
		} finally {
			chart.destroy();
		}
	}
	return images;
}

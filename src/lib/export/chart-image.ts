/** A chart drawn by the browser, as a PNG for documents (exporters never draw charts themselves). */
export interface ChartImage {
	title: string;
	png: Uint8Array;
	/** Pixel size of the drawing, for its aspect ratio on the page. */
	width: number;
	height: number;
}

/** Reads one sample (`name` or `name{labels}`) from Prometheus text; NaN when absent. */
export function metricValue(text: string, sample: string): number {
	const line = text.split('\n').find((l) => l.startsWith(`${sample} `));
	return line ? Number(line.slice(sample.length + 1)) : Number.NaN;
}

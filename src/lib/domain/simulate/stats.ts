/**
 * Summary statistics of Monte Carlo samples: moments, percentiles and a histogram for charts.
 *
 * Built for up to millions of samples: the finite values are copied into a Float64Array and sorted
 * there (numeric typed-array sort, no boxed numbers, no comparator calls), and every statistic is
 * read from that one sorted copy. The caller's array is never modified.
 */

/** Equal-width histogram over [min, max]; bin i covers [min + i·binWidth, min + (i+1)·binWidth). */
export interface Histogram {
	min: number;
	max: number;
	binWidth: number;
	/** Samples per bin; the last bin also holds samples equal to `max`. */
	counts: number[];
}

/**
 * Statistics of the finite samples. With no finite samples every statistic is NaN (null in JSON)
 * and the histogram has no bins.
 */
export interface SampleSummary {
	/** Number of finite samples, the ones every other statistic describes. */
	count: number;
	/** Number of skipped samples that were NaN or ±Infinity (e.g. a trial dividing by zero). */
	invalid: number;
	mean: number;
	/** Sample standard deviation (divisor n − 1); 0 when count < 2. */
	sd: number;
	min: number;
	max: number;
	/** 5th, 50th and 95th percentiles, type 7 (see `percentile`). */
	p5: number;
	p50: number;
	p95: number;
	histogram: Histogram;
}

/** Options for `summarize`. */
export interface SummarizeOptions {
	/** Number of histogram bins, a positive integer; default 30. */
	bins?: number | undefined;
}

const DEFAULT_BINS = 30;

/**
 * The p-quantile of ascending-sorted values by linear interpolation between order statistics:
 * with h = (n − 1)·p, the result is x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋ + 1] − x[⌊h⌋]) (0-based). This is
 * Hyndman & Fan's type 7, the default of R's `quantile`, NumPy's `percentile` and Excel's
 * PERCENTILE.INC. NaN for an empty input. The input is trusted to be sorted and finite.
 * @param p the quantile as a share in [0, 1] (0.95 for the 95th percentile).
 * @throws RangeError when p is outside [0, 1] or NaN.
 */
export function percentile(sortedAsc: ArrayLike<number>, p: number): number {
	if (!(p >= 0 && p <= 1)) throw new RangeError(`percentile: p must be in [0, 1], got ${p}`);
	const n = sortedAsc.length;
	if (n === 0) return Number.NaN;
	const h = (n - 1) * p;
	const lowerIndex = Math.floor(h);
	const lower = sortedAsc[lowerIndex] as number;
	if (lowerIndex >= n - 1) return lower;
	const upper = sortedAsc[lowerIndex + 1] as number;
	const fraction = h - lowerIndex;
	// Equal neighbours return exactly that value (no 0·x rounding noise).
	return fraction === 0 || lower === upper ? lower : lower + fraction * (upper - lower);
}

/**
 * Summarises samples (non-finite ones are skipped and counted in `invalid`). Identical samples
 * give sd 0 and a single bin of width 0 holding all of them.
 * @throws RangeError when `opts.bins` is not a positive integer.
 */
export function summarize(
	samples: Float64Array | number[],
	opts: SummarizeOptions = {}
): SampleSummary {
	const bins = opts.bins ?? DEFAULT_BINS;
	if (!Number.isInteger(bins) || bins < 1) {
		throw new RangeError(`summarize: bins must be a positive integer, got ${bins}`);
	}
	const sorted = finiteSorted(samples);
	const count = sorted.length;
	const invalid = samples.length - count;
	if (count === 0) {
		const nan = Number.NaN;
		return {
			count,
			invalid,
			mean: nan,
			sd: nan,
			min: nan,
			max: nan,
			p5: nan,
			p50: nan,
			p95: nan,
			histogram: { min: nan, max: nan, binWidth: nan, counts: [] }
		};
	}
	const min = sorted[0] as number;
	const max = sorted[count - 1] as number;
	const mean = meanOf(sorted);
	return {
		count,
		invalid,
		mean,
		sd: sampleSd(sorted, mean),
		min,
		max,
		p5: percentile(sorted, 0.05),
		p50: percentile(sorted, 0.5),
		p95: percentile(sorted, 0.95),
		histogram: histogramOf(sorted, min, max, bins)
	};
}

function finiteSorted(samples: Float64Array | number[]): Float64Array {
	const finite = new Float64Array(samples.length);
	let count = 0;
	for (let i = 0; i < samples.length; i++) {
		const x = samples[i] as number;
		if (Number.isFinite(x)) finite[count++] = x;
	}
	// subarray shares the buffer, so the copy above is the only allocation of the sample size.
	return finite.subarray(0, count).sort();
}

/** Neumaier-compensated mean: plain summation of a million profits can lose several digits. */
function meanOf(values: Float64Array): number {
	let sum = 0;
	let compensation = 0;
	for (let i = 0; i < values.length; i++) {
		const x = values[i] as number;
		const t = sum + x;
		compensation += Math.abs(sum) >= Math.abs(x) ? sum - t + x : x - t + sum;
		sum = t;
	}
	const mean = (sum + compensation) / values.length;
	// Rounding can put the mean of near-identical values a hair outside [min, max]; keep it inside.
	const min = values[0] as number;
	const max = values[values.length - 1] as number;
	return mean < min ? min : mean > max ? max : mean;
}

/** Two-pass sample sd around the known mean (stable, unlike Σx² − n·mean²). */
function sampleSd(values: Float64Array, mean: number): number {
	const n = values.length;
	if (n < 2 || values[0] === values[n - 1]) return 0;
	let squares = 0;
	let deviations = 0;
	for (let i = 0; i < n; i++) {
		const deviation = (values[i] as number) - mean;
		squares += deviation * deviation;
		deviations += deviation;
	}
	// The second term corrects for the rounding error left in `mean` (corrected two-pass algorithm).
	return Math.sqrt(Math.max(0, (squares - (deviations * deviations) / n) / (n - 1)));
}

function histogramOf(sorted: Float64Array, min: number, max: number, bins: number): Histogram {
	if (min === max) return { min, max, binWidth: 0, counts: [sorted.length] };
	const binWidth = (max - min) / bins;
	const range = max - min;
	const counts = new Array<number>(bins).fill(0);
	for (let i = 0; i < sorted.length; i++) {
		// Scale by the range, not by binWidth: for a tiny range binWidth underflows to 0 and the
		// division would give NaN for the minimum.
		const index = Math.floor((((sorted[i] as number) - min) / range) * bins);
		// max itself (and rounding at the top edge) belongs to the last bin.
		const bin = index >= bins ? bins - 1 : index;
		counts[bin] = (counts[bin] as number) + 1;
	}
	return { min, max, binWidth, counts };
}

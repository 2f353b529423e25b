/**
 * One-dimensional solvers for goal seek ("what price gives profit = target?") and the price
 * optimiser (DESIGN §5.13). Plan functions are evaluated through the formula engine, so they may be
 * non-smooth, non-concave, or undefined (NaN, ±Infinity, null) on parts of the interval; both
 * solvers start with a coarse scan of the whole interval instead of trusting a local method.
 */

/** A plan quantity as a function of one input; null, NaN and ±Infinity mean "undefined here". */
export type RealFunction = (x: number) => number | null;

/** Input of `findRoot`. */
export interface FindRootOptions {
	f: RealFunction;
	min: number;
	max: number;
	/** Width of the final bracket as a share of max − min (plus a few ulps of x); default 1e-9. */
	tolerance?: number | undefined;
	/** Cap on refinement steps per sign change; default 200 (Brent needs far fewer). */
	maxIterations?: number | undefined;
}

/**
 * Result of `findRoot`; failures are values because they come from the plan, not from misuse.
 * `iterations` counts Brent steps (0 when a scan point was an exact zero).
 */
export type FindRootResult =
	| { ok: true; x: number; iterations: number }
	| { ok: false; reason: 'no-sign-change' | 'not-finite'; message: string };

/** Input of `maximize`. */
export interface MaximizeOptions {
	f: RealFunction;
	min: number;
	max: number;
	/** Points of the initial scan, endpoints included, at least 2; default 201. */
	gridPoints?: number | undefined;
	/** Width of the final golden-section bracket as a share of max − min; default 1e-9. */
	tolerance?: number | undefined;
}

/** Result of `maximize`: the best point found and f there. */
export type MaximizeResult =
	| { ok: true; x: number; value: number }
	| { ok: false; message: string };

const SCAN_INTERVALS = 64;
const DEFAULT_TOLERANCE = 1e-9;
const DEFAULT_MAX_ITERATIONS = 200;
const DEFAULT_GRID_POINTS = 201;
const GOLDEN_SECTION_MAX_ITERATIONS = 200;
const INVERSE_PHI = (Math.sqrt(5) - 1) / 2;

/**
 * Finds x in [min, max] with f(x) = 0. Scans 65 evenly spaced points (64 sub-intervals, endpoints
 * included) from min upwards, skipping points where f is not finite; returns the first scan point
 * where f is exactly 0, or refines the first pair of consecutive finite scan values with opposite
 * signs with Brent's method. A sign change across a pole (|f| grows while the bracket shrinks, as
 * in 1/x) is not a root and the scan goes on to the next one.
 * @throws RangeError when min or max is not finite or min > max (programming misuse).
 */
export function findRoot(options: FindRootOptions): FindRootResult {
	const { f, min, max } = options;
	checkInterval('findRoot', min, max);
	const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
	const maxIterations = options.maxIterations ?? DEFAULT_MAX_ITERATIONS;
	const absoluteTolerance = tolerance * (max - min);
	const intervals = min === max ? 0 : SCAN_INTERVALS;

	let previousX = Number.NaN;
	let previousY = Number.NaN;
	let sawFinite = false;
	let lostAt: number | null = null;
	for (let i = 0; i <= intervals; i++) {
		const x = i === intervals ? max : min + ((max - min) * i) / intervals;
		const y = evaluate(f, x);
		// Undefined points are skipped, not reset: a sign change across a gap is still tried, and
		// Brent reports 'not-finite' if the gap really hides the crossing.
		if (y === null) continue;
		sawFinite = true;
		if (y === 0) return { ok: true, x, iterations: 0 };
		if (Number.isFinite(previousY) && (previousY > 0) !== (y > 0)) {
			const refined = brent(f, previousX, x, previousY, y, absoluteTolerance, maxIterations);
			if (refined.kind === 'root') {
				return { ok: true, x: refined.x, iterations: refined.iterations };
			}
			if (refined.kind === 'not-finite') lostAt ??= refined.x;
		}
		previousX = x;
		previousY = y;
	}
	const interval = `[${formatBound(min)}, ${formatBound(max)}]`;
	if (!sawFinite) {
		return {
			ok: false,
			reason: 'not-finite',
			message: `no finite value of the function in ${interval}`
		};
	}
	if (lostAt !== null) {
		const near = formatBound(lostAt);
		return {
			ok: false,
			reason: 'not-finite',
			message: `no solution in ${interval}: the function is not finite near x = ${near}`
		};
	}
	return { ok: false, reason: 'no-sign-change', message: `no solution in ${interval}` };
}

/**
 * Maximises f over [min, max] when it may have several local maxima: evaluates an even grid, then
 * refines around the best finite grid point by golden-section search on its two neighbouring grid
 * cells. Returns the best point evaluated, so the result is never worse than the grid. A peak
 * narrower than the grid spacing can be missed; raise `gridPoints` for such functions.
 * @throws RangeError for a non-finite or reversed interval or fewer than 2 grid points.
 */
export function maximize(options: MaximizeOptions): MaximizeResult {
	const { f, min, max } = options;
	checkInterval('maximize', min, max);
	const gridPoints = options.gridPoints ?? DEFAULT_GRID_POINTS;
	if (!Number.isInteger(gridPoints) || gridPoints < 2) {
		throw new RangeError(`maximize: gridPoints must be an integer ≥ 2, got ${gridPoints}`);
	}
	const absoluteTolerance = (options.tolerance ?? DEFAULT_TOLERANCE) * (max - min);
	const intervals = min === max ? 0 : gridPoints - 1;
	const gridX = (i: number): number =>
		i === intervals ? max : min + ((max - min) * i) / intervals;

	let bestIndex = -1;
	let best = { x: Number.NaN, value: Number.NEGATIVE_INFINITY };
	for (let i = 0; i <= intervals; i++) {
		const x = gridX(i);
		const value = evaluate(f, x);
		// Strictly greater: on ties the leftmost grid point wins, which keeps results stable.
		if (value !== null && value > best.value) {
			best = { x, value };
			bestIndex = i;
		}
	}
	if (bestIndex < 0) {
		return {
			ok: false,
			message: `no finite value of the function in [${formatBound(min)}, ${formatBound(max)}]`
		};
	}
	if (intervals > 0) {
		const lower = gridX(Math.max(0, bestIndex - 1));
		const upper = gridX(Math.min(intervals, bestIndex + 1));
		const refined = goldenSection(f, lower, upper, absoluteTolerance);
		if (refined.value > best.value) best = refined;
	}
	return { ok: true, x: best.x, value: best.value };
}

type BrentOutcome =
	| { kind: 'root'; x: number; iterations: number }
	| { kind: 'pole' }
	| { kind: 'not-finite'; x: number };

/**
 * Brent's method (Brent 1973, as in Numerical Recipes' zbrent): inverse quadratic interpolation or
 * secant steps, falling back to bisection whenever they would not shrink the bracket fast enough,
 * so convergence is never slower than bisection. fa and fb are finite with opposite signs.
 */
function brent(
	f: RealFunction,
	start: number,
	end: number,
	fStart: number,
	fEnd: number,
	tolerance: number,
	maxIterations: number
): BrentOutcome {
	const endpointScale = Math.max(Math.abs(fStart), Math.abs(fEnd));
	let a = start;
	let b = end;
	let c = end;
	let fa = fStart;
	let fb = fEnd;
	let fc = fEnd;
	let d = b - a;
	let e = d;
	let iterations = 0;
	for (;;) {
		if ((fb > 0) === (fc > 0)) {
			// Keep the root between b (best estimate) and c (contrapoint).
			c = a;
			fc = fa;
			d = b - a;
			e = d;
		}
		if (Math.abs(fc) < Math.abs(fb)) {
			[a, b, c] = [b, c, b];
			[fa, fb, fc] = [fb, fc, fb];
		}
		const tolerance1 = 2 * Number.EPSILON * Math.abs(b) + 0.5 * tolerance;
		const halfBracket = 0.5 * (c - b);
		if (Math.abs(halfBracket) <= tolerance1 || fb === 0 || iterations >= maxIterations) {
			// A continuous f shrinks towards 0 at a root; a pole's |f| grows past the scan values.
			return Math.abs(fb) <= endpointScale ? { kind: 'root', x: b, iterations } : { kind: 'pole' };
		}
		if (Math.abs(e) >= tolerance1 && Math.abs(fa) > Math.abs(fb)) {
			const s = fb / fa;
			let p: number;
			let q: number;
			if (a === c) {
				p = 2 * halfBracket * s; // secant
				q = 1 - s;
			} else {
				const qa = fa / fc; // inverse quadratic interpolation
				const r = fb / fc;
				p = s * (2 * halfBracket * qa * (qa - r) - (b - a) * (r - 1));
				q = (qa - 1) * (r - 1) * (s - 1);
			}
			if (p > 0) q = -q;
			p = Math.abs(p);
			if (2 * p < Math.min(3 * halfBracket * q - Math.abs(tolerance1 * q), Math.abs(e * q))) {
				e = d;
				d = p / q;
			} else {
				d = halfBracket;
				e = d;
			}
		} else {
			d = halfBracket;
			e = d;
		}
		a = b;
		fa = fb;
		const step = Math.abs(d) > tolerance1 ? d : halfBracket > 0 ? tolerance1 : -tolerance1;
		iterations++;
		let next = evaluate(f, b + step);
		if (next === null) {
			// Undefined at the interpolated point (a hole, or the edge of an undefined region): probe
			// the bracket at its middle and quarters before giving up; any finite point inside the
			// bracket keeps Brent's invariants.
			const probe = probeFinite(f, b, 2 * halfBracket);
			if (probe === null) return { kind: 'not-finite', x: b + halfBracket };
			d = probe.x - b;
			e = d;
			b = probe.x;
			next = probe.y;
		} else {
			b += step;
		}
		fb = next;
	}
}

const PROBE_SHARES = [0.5, 0.25, 0.75] as const;

/** The first finite point of f at the middle or quarters of [from, from + span]. */
function probeFinite(f: RealFunction, from: number, span: number): { x: number; y: number } | null {
	for (const share of PROBE_SHARES) {
		const x = from + share * span;
		const y = evaluate(f, x);
		if (y !== null) return { x, y };
	}
	return null;
}

/** Golden-section search for a maximum on [lower, upper]; undefined values count as −Infinity. */
function goldenSection(
	f: RealFunction,
	lower: number,
	upper: number,
	tolerance: number
): { x: number; value: number } {
	const g = (x: number): number => evaluate(f, x) ?? Number.NEGATIVE_INFINITY;
	let a = lower;
	let b = upper;
	let c = b - INVERSE_PHI * (b - a);
	let d = a + INVERSE_PHI * (b - a);
	let fc = g(c);
	let fd = g(d);
	let best = fc >= fd ? { x: c, value: fc } : { x: d, value: fd };
	for (let i = 0; i < GOLDEN_SECTION_MAX_ITERATIONS && b - a > tolerance; i++) {
		if (fc >= fd) {
			b = d;
			d = c;
			fd = fc;
			c = b - INVERSE_PHI * (b - a);
			fc = g(c);
			if (fc > best.value) best = { x: c, value: fc };
		} else {
			a = c;
			c = d;
			fc = fd;
			d = a + INVERSE_PHI * (b - a);
			fd = g(d);
			if (fd > best.value) best = { x: d, value: fd };
		}
	}
	return best;
}

/** f(x) when it is a finite number, else null. */
function evaluate(f: RealFunction, x: number): number | null {
	const y = f(x);
	return typeof y === 'number' && Number.isFinite(y) ? y : null;
}

function checkInterval(solver: string, min: number, max: number): void {
	if (!Number.isFinite(min) || !Number.isFinite(max) || min > max) {
		throw new RangeError(`${solver}: need finite min ≤ max, got [${min}, ${max}]`);
	}
}

/** Bounds for messages: up to 6 significant digits, no exponent noise for everyday values. */
function formatBound(x: number): string {
	return String(Number(x.toPrecision(6)));
}

/**
 * Samplers for the uncertainty distributions of plan variables (see `distribution-types.ts`).
 *
 * Determinism: samplers use only arithmetic, `Math.sqrt` (exact by IEEE-754) and `Math.log` /
 * `Math.exp` (V8 ships its own fdlibm port, so they agree across machines running V8 and Node),
 * and draw from the `Random` they are given. The randomness each draw consumes is fixed by the
 * seed and call order:
 * - normal, lognormal: Marsaglia polar method, one or more pairs of `next()` (rejection); the
 *   second value of the accepted pair is discarded rather than cached, so a sampler has no state
 *   and any number of samplers may share one `Random` in any order.
 * - triangular, uniform: exactly one `next()`.
 * - PERT: two Marsaglia–Tsang gamma draws, each a variable number of normals plus `next()`s.
 * - Zero-width distributions (sd = 0, sigma = 0, min = max) consume NOTHING and return the point
 *   value exactly, so pinning one variable does not shift the random streams of the others.
 */
import type { Distribution } from './distribution-types';
import type { Random } from './random';

/** Draws one value of a distribution from the given random stream. */
export type Sampler = (rng: Random) => number;

/** Thrown by `createSampler` for parameters `validateDistribution` rejects (programming misuse). */
export class InvalidDistributionError extends Error {
	override readonly name = 'InvalidDistributionError';
}

/**
 * Checks a distribution's parameters.
 * @returns null when valid, else one message for the first problem, e.g.
 *   "triangular: min ≤ mode ≤ max required".
 */
export function validateDistribution(d: Distribution): string | null {
	// `d` may come from parsed JSON, so the type tag and numbers are checked at run time too.
	const type: unknown = (d as { type?: unknown }).type;
	switch (d.type) {
		case 'normal':
			return (
				nonFinite(d.type, { mean: d.mean, sd: d.sd }) ??
				(d.sd >= 0 ? null : 'normal: sd ≥ 0 required')
			);
		case 'lognormal':
			return (
				nonFinite(d.type, { mu: d.mu, sigma: d.sigma }) ??
				(d.sigma >= 0 ? null : 'lognormal: sigma ≥ 0 required')
			);
		case 'uniform':
			return (
				nonFinite(d.type, { min: d.min, max: d.max }) ??
				(d.min <= d.max ? null : 'uniform: min ≤ max required')
			);
		case 'triangular':
		case 'pert':
			return (
				nonFinite(d.type, { min: d.min, mode: d.mode, max: d.max }) ??
				(d.min <= d.mode && d.mode <= d.max ? null : `${d.type}: min ≤ mode ≤ max required`)
			);
		default:
			return `unknown distribution type ${JSON.stringify(type)}`;
	}
}

function nonFinite(type: string, params: Record<string, number>): string | null {
	for (const [key, param] of Object.entries(params)) {
		if (typeof param !== 'number' || !Number.isFinite(param)) {
			return `${type}: ${key} must be a finite number`;
		}
	}
	return null;
}

/**
 * The exact mean (expected value): normal `mean`; lognormal exp(mu + sigma²/2); triangular
 * (min + mode + max) / 3; uniform (min + max) / 2; PERT (min + 4·mode + max) / 6.
 */
export function distributionMean(d: Distribution): number {
	switch (d.type) {
		case 'normal':
			return d.mean;
		case 'lognormal':
			return Math.exp(d.mu + (d.sigma * d.sigma) / 2);
		case 'triangular':
			return (d.min + d.mode + d.max) / 3;
		case 'uniform':
			return (d.min + d.max) / 2;
		case 'pert':
			return (d.min + 4 * d.mode + d.max) / 6;
	}
}

/**
 * Builds a sampler for `d`. Triangular, uniform and PERT samples always lie in [min, max].
 * @throws InvalidDistributionError when `validateDistribution(d)` reports a problem.
 */
export function createSampler(d: Distribution): Sampler {
	const problem = validateDistribution(d);
	if (problem !== null) throw new InvalidDistributionError(problem);
	switch (d.type) {
		case 'normal':
			return normalSampler(d.mean, d.sd);
		case 'lognormal':
			return lognormalSampler(d.mu, d.sigma);
		case 'triangular':
			return triangularSampler(d.min, d.mode, d.max);
		case 'uniform':
			return uniformSampler(d.min, d.max);
		case 'pert':
			return pertSampler(d.min, d.mode, d.max);
	}
}

/** Standard normal by Marsaglia's polar method (no trigonometry, whose results vary by engine). */
export function standardNormal(rng: Random): number {
	for (;;) {
		const u = 2 * rng.next() - 1;
		const v = 2 * rng.next() - 1;
		const s = u * u + v * v;
		if (s > 0 && s < 1) return u * Math.sqrt((-2 * Math.log(s)) / s);
	}
}

function constant(pointValue: number): Sampler {
	return () => pointValue;
}

function normalSampler(mean: number, sd: number): Sampler {
	if (sd === 0) return constant(mean);
	return (rng) => mean + sd * standardNormal(rng);
}

function lognormalSampler(mu: number, sigma: number): Sampler {
	if (sigma === 0) return constant(Math.exp(mu));
	return (rng) => Math.exp(mu + sigma * standardNormal(rng));
}

function uniformSampler(min: number, max: number): Sampler {
	if (min === max) return constant(min);
	const width = max - min;
	// The clamp only matters when rounding of min + width·u lands on or past max.
	return (rng) => Math.min(max, min + width * rng.next());
}

function triangularSampler(min: number, mode: number, max: number): Sampler {
	if (min === max) return constant(mode);
	const width = max - min;
	const left = mode - min;
	const right = max - mode;
	const modeCdf = left / width;
	// Inverse CDF; the clamp guards against rounding just outside [min, max].
	return (rng) => {
		const u = rng.next();
		const x =
			u < modeCdf ? min + Math.sqrt(u * width * left) : max - Math.sqrt((1 - u) * width * right);
		return x < min ? min : x > max ? max : x;
	};
}

/**
 * Beta-PERT with λ = 4: min + (max − min)·Beta(α, β), α = 1 + 4(mode − min)/(max − min),
 * β = 1 + 4(max − mode)/(max − min); the beta draw is X/(X + Y) with X ~ Gamma(α), Y ~ Gamma(β).
 */
function pertSampler(min: number, mode: number, max: number): Sampler {
	if (min === max) return constant(mode);
	const width = max - min;
	const alpha = 1 + (4 * (mode - min)) / width;
	const beta = 1 + (4 * (max - mode)) / width;
	const gammaAlpha = gammaSampler(alpha);
	const gammaBeta = gammaSampler(beta);
	return (rng) => {
		const x = gammaAlpha(rng);
		const y = gammaBeta(rng);
		const total = x + y;
		// Both gammas are 0 only if both draws hit u = 0 exactly; fall back to the midpoint then.
		const share = total > 0 ? x / total : 0.5;
		const value = min + width * share;
		return value < min ? min : value > max ? max : value;
	};
}

/**
 * Gamma(shape, 1) for shape ≥ 1 by Marsaglia & Tsang (2000), "A simple method for generating gamma
 * variables". PERT shapes are always in [1, 5], so the shape < 1 boost is not needed.
 */
function gammaSampler(shape: number): Sampler {
	const d = shape - 1 / 3;
	const c = 1 / Math.sqrt(9 * d);
	return (rng) => {
		for (;;) {
			const x = standardNormal(rng);
			const t = 1 + c * x;
			if (t <= 0) continue;
			const v = t * t * t;
			const u = rng.next();
			const x2 = x * x;
			// Squeeze test first: it accepts ~98 % of draws without a logarithm.
			if (u < 1 - 0.0331 * x2 * x2) return d * v;
			if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v;
		}
	};
}

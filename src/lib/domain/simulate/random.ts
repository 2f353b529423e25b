/**
 * Seeded pseudo-random numbers for Monte Carlo.
 *
 * Why this and not Math.random: a plan's simulation must give the same numbers for the same seed
 * in every browser, in Node, in a Web Worker and in the CLI (DESIGN §8: "same seed, same numbers").
 * So everything here is 32-bit integer arithmetic (`Math.imul`, shifts, `>>> 0`), which is exact
 * and identical on every JavaScript engine; the only floating-point step is the final, exact
 * conversion of 53 random bits to a double.
 *
 * Generator: sfc32 (Chris Doty-Humphrey's "small fast chaotic" generator from PractRand; 128-bit
 * state with a counter, so no bad all-zero state; passes PractRand and BigCrush).
 * Seeding: the seed is turned into 32-bit words, hashed by two MurmurHash3-style lanes into 64
 * bits, expanded to the 4 state words with splitmix32, and the first 12 outputs are discarded as
 * PractRand's own seeding does, so that nearby seeds (1, 2, 3…) diverge immediately.
 *
 * There is no module-level generator: callers create one and pass it in (house rule 7).
 */

/** The 4 unsigned 32-bit state words of sfc32: a, b, c and the counter. */
export type RandomState = readonly [number, number, number, number];

/** A deterministic stream of random numbers. */
export interface Random {
	/**
	 * Uniform in [0, 1) with 53-bit resolution (every multiple of 2^-53 is equally likely);
	 * consumes two 32-bit outputs.
	 */
	next(): number;
	/** Uniform unsigned 32-bit integer in [0, 2^32); consumes one 32-bit output. */
	nextUint32(): number;
	/** A snapshot of the state; `randomFromState(r.state)` continues exactly where `r` is. */
	readonly state: RandomState;
	/** An independent copy that will produce the same sequence from here on. */
	clone(): Random;
}

/** Thrown for a seed or state that cannot define a stream: programming misuse, not a plan error. */
export class InvalidSeedError extends Error {
	override readonly name = 'InvalidSeedError';
}

const TWO_POW_26 = 67_108_864;
const TWO_POW_32 = 4_294_967_296;
const TWO_POW_53 = 9_007_199_254_740_992;

// Tags keep the number 42 and the string "42" (and integer vs. fractional numbers) apart.
const TAG_INTEGER = 1;
const TAG_FLOAT = 2;
const TAG_STRING = 3;

/** Outputs discarded after seeding, as PractRand's sfc32 seeding does. */
const WARM_UP_ROUNDS = 12;

class Sfc32 implements Random {
	#a: number;
	#b: number;
	#c: number;
	#counter: number;

	constructor(state: RandomState) {
		this.#a = state[0];
		this.#b = state[1];
		this.#c = state[2];
		this.#counter = state[3];
	}

	nextUint32(): number {
		// `| 0` keeps every intermediate an int32 so V8 stays on its integer fast path; the
		// bit patterns equal those of the reference uint32 C code.
		const a = this.#a;
		const b = this.#b;
		const c = this.#c;
		const tmp = (((a + b) | 0) + this.#counter) | 0;
		this.#counter = (this.#counter + 1) | 0;
		this.#a = b ^ (b >>> 9);
		this.#b = (c + (c << 3)) | 0;
		this.#c = (((c << 21) | (c >>> 11)) + tmp) | 0;
		return tmp >>> 0;
	}

	next(): number {
		const high = this.nextUint32() >>> 5; // 27 bits
		const low = this.nextUint32() >>> 6; // 26 bits
		return (high * TWO_POW_26 + low) / TWO_POW_53;
	}

	get state(): RandomState {
		return [this.#a >>> 0, this.#b >>> 0, this.#c >>> 0, this.#counter >>> 0];
	}

	clone(): Random {
		return new Sfc32(this.state);
	}
}

/**
 * Creates a generator from a seed. Numbers and strings give different streams even when they
 * print alike (42 vs "42"); integers are used exactly (all 53 bits), other finite numbers by their
 * IEEE-754 bits; strings by their UTF-16 code units. -0 and 0 are the same seed.
 * @throws InvalidSeedError for NaN or ±Infinity.
 */
export function createRandom(seed: number | string): Random {
	const words = seedWords(seed);
	const h1 = murmurWords(words, 0x243f6a88);
	const h2 = murmurWords(words, 0x85a308d3);
	const first = splitmix32(h1);
	const second = splitmix32(h2);
	const random = new Sfc32([first(), first(), second(), second()]);
	for (let i = 0; i < WARM_UP_ROUNDS; i++) random.nextUint32();
	return random;
}

/**
 * Recreates a generator from a `state` snapshot (for example one saved with a paused simulation).
 * @throws InvalidSeedError unless every word is an integer in [0, 2^32).
 */
export function randomFromState(state: RandomState): Random {
	if (state.length !== 4 || !state.every((w) => Number.isInteger(w) && w >= 0 && w < TWO_POW_32)) {
		throw new InvalidSeedError('random state must be 4 unsigned 32-bit integers');
	}
	return new Sfc32([state[0], state[1], state[2], state[3]]);
}

function seedWords(seed: number | string): number[] {
	if (typeof seed === 'string') {
		const words = [TAG_STRING, seed.length];
		for (let i = 0; i < seed.length; i++) words.push(seed.charCodeAt(i));
		return words;
	}
	if (!Number.isFinite(seed)) {
		throw new InvalidSeedError(`seed must be a finite number or a string, got ${String(seed)}`);
	}
	if (Number.isSafeInteger(seed)) {
		// Two's-complement split into low and high 32 bits, so negative seeds are distinct too.
		return [TAG_INTEGER, seed >>> 0, Math.floor(seed / TWO_POW_32) >>> 0];
	}
	// Fractional or huge numbers: their exact bits, read little-endian so the result does not
	// depend on the machine's byte order.
	const view = new DataView(new ArrayBuffer(8));
	view.setFloat64(0, seed, true);
	return [TAG_FLOAT, view.getUint32(0, true), view.getUint32(4, true)];
}

/** MurmurHash3 (x86, 32-bit) over 32-bit words instead of bytes. */
function murmurWords(words: readonly number[], seed: number): number {
	let h = seed | 0;
	for (const word of words) {
		let k = Math.imul(word | 0, 0xcc9e2d51);
		k = (k << 15) | (k >>> 17);
		k = Math.imul(k, 0x1b873593);
		h ^= k;
		h = (h << 13) | (h >>> 19);
		h = (Math.imul(h, 5) + 0xe6546b64) | 0;
	}
	h ^= words.length;
	h ^= h >>> 16;
	h = Math.imul(h, 0x85ebca6b);
	h ^= h >>> 13;
	h = Math.imul(h, 0xc2b2ae35);
	h ^= h >>> 16;
	return h >>> 0;
}

/** splitmix32 (Weyl increment + hash-prospector finaliser): a stream of well-mixed words. */
function splitmix32(seed: number): () => number {
	let x = seed | 0;
	return () => {
		x = (x + 0x9e3779b9) | 0;
		let t = x ^ (x >>> 16);
		t = Math.imul(t, 0x21f0aaad);
		t ^= t >>> 15;
		t = Math.imul(t, 0x735a2d97);
		t ^= t >>> 15;
		return t >>> 0;
	};
}

/**
 * The only functions a formula may call (DESIGN §4). Each works on plain numbers; mathjs is used
 * for parsing only, so nothing here can reach mathjs' evaluator, units, matrices or `import`.
 */
type NumFn = (args: number[]) => number;

const needArgs = (name: string, min: number, max: number) => (n: number) =>
	n < min || n > max
		? `${name}() takes ${min === max ? min : `${min} to ${max === Infinity ? 'any number of' : max}`} argument${max === 1 ? '' : 's'}, got ${n}`
		: null;

interface FunctionSpec {
	arity: (n: number) => string | null;
	fn: NumFn;
}

const unary = (name: string, f: (x: number) => number): FunctionSpec => ({
	arity: needArgs(name, 1, 1),
	fn: (a) => f(a[0] as number)
});

function roundTo(x: number, digits: number): number {
	if (!Number.isInteger(digits) || digits < 0 || digits > 15) return NaN;
	const f = 10 ** digits;
	// Round half away from zero like mathjs' round, on the scaled value.
	return (Math.sign(x) * Math.round(Math.abs(x) * f)) / f;
}

export const FORMULA_FUNCTIONS: Readonly<Record<string, FunctionSpec>> = Object.freeze({
	min: { arity: needArgs('min', 1, Infinity), fn: (a) => Math.min(...a) },
	max: { arity: needArgs('max', 1, Infinity), fn: (a) => Math.max(...a) },
	sum: { arity: needArgs('sum', 1, Infinity), fn: (a) => a.reduce((s, x) => s + x, 0) },
	mean: { arity: needArgs('mean', 1, Infinity), fn: (a) => a.reduce((s, x) => s + x, 0) / a.length },
	abs: unary('abs', Math.abs),
	floor: unary('floor', Math.floor),
	ceil: unary('ceil', Math.ceil),
	sqrt: unary('sqrt', Math.sqrt),
	exp: unary('exp', Math.exp),
	log: {
		arity: needArgs('log', 1, 2),
		fn: (a) => (a.length === 2 ? Math.log(a[0] as number) / Math.log(a[1] as number) : Math.log(a[0] as number))
	},
	log10: unary('log10', Math.log10),
	pow: { arity: needArgs('pow', 2, 2), fn: (a) => Math.pow(a[0] as number, a[1] as number) },
	round: {
		arity: needArgs('round', 1, 2),
		fn: (a) => roundTo(a[0] as number, a.length === 2 ? (a[1] as number) : 0)
	},
	clamp: {
		arity: needArgs('clamp', 3, 3),
		fn: (a) => Math.min(Math.max(a[0] as number, a[1] as number), a[2] as number)
	}
});

export const FORMULA_FUNCTION_NAMES: readonly string[] = Object.keys(FORMULA_FUNCTIONS);

export function isFormulaFunction(name: string): boolean {
	return Object.prototype.hasOwnProperty.call(FORMULA_FUNCTIONS, name);
}

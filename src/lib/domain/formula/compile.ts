/**
 * Turns a checked expression tree into a closure over a slot array of numbers. Booleans are 1 / 0,
 * comparisons use mathjs' relative tolerance so `0.1 + 0.2 == 0.3` holds as it does in mathjs, and
 * `a ? b : c` evaluates only the branch it takes (so `x > 0 ? 1 / x : 0` is safe).
 */
import type { Ir } from './expression.js';
import { FORMULA_FUNCTIONS } from './functions.js';

export type Slots = ArrayLike<number>;
export type Compiled = (v: Slots) => number;

const REL_TOL = 1e-12;
const ABS_TOL = 1e-15;

function nearlyEqual(a: number, b: number): boolean {
	if (a === b) return true;
	if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
	const diff = Math.abs(a - b);
	return diff <= ABS_TOL || diff <= Math.max(Math.abs(a), Math.abs(b)) * REL_TOL;
}

const truth = (x: number) => x !== 0 && !Number.isNaN(x);

// mathjs' mod: the result takes the sign of the divisor.
const mod = (x: number, y: number) => (y === 0 ? x : x - y * Math.floor(x / y));

const BIN: Record<string, (a: number, b: number) => number> = {
	add: (a, b) => a + b,
	subtract: (a, b) => a - b,
	multiply: (a, b) => a * b,
	divide: (a, b) => a / b,
	mod,
	pow: (a, b) => Math.pow(a, b),
	smaller: (a, b) => (a < b && !nearlyEqual(a, b) ? 1 : 0),
	larger: (a, b) => (a > b && !nearlyEqual(a, b) ? 1 : 0),
	smallerEq: (a, b) => (a <= b || nearlyEqual(a, b) ? 1 : 0),
	largerEq: (a, b) => (a >= b || nearlyEqual(a, b) ? 1 : 0),
	equal: (a, b) => (nearlyEqual(a, b) ? 1 : 0),
	unequal: (a, b) => (nearlyEqual(a, b) ? 0 : 1),
	and: (a, b) => (truth(a) && truth(b) ? 1 : 0),
	or: (a, b) => (truth(a) || truth(b) ? 1 : 0),
	xor: (a, b) => (truth(a) !== truth(b) ? 1 : 0)
};

/** Compiles `ir`; `slotOf` maps each referenced name to its index in the slot array. */
export function compileIr(ir: Ir, slotOf: (name: string) => number): Compiled {
	switch (ir.t) {
		case 'num': {
			const v = ir.v;
			return () => v;
		}
		case 'ref': {
			const i = slotOf(ir.name);
			return (s) => s[i] as number;
		}
		case 'un': {
			const a = compileIr(ir.a, slotOf);
			if (ir.op === 'unaryMinus') return (s) => -a(s);
			if (ir.op === 'unaryPlus') return a;
			return (s) => (truth(a(s)) ? 0 : 1);
		}
		case 'bin': {
			const a = compileIr(ir.a, slotOf);
			const b = compileIr(ir.b, slotOf);
			// The hot arithmetic cases are inlined; the rest go through the table.
			switch (ir.op) {
				case 'add':
					return (s) => a(s) + b(s);
				case 'subtract':
					return (s) => a(s) - b(s);
				case 'multiply':
					return (s) => a(s) * b(s);
				case 'divide':
					return (s) => a(s) / b(s);
				default: {
					const f = BIN[ir.op] as (x: number, y: number) => number;
					return (s) => f(a(s), b(s));
				}
			}
		}
		case 'cond': {
			const c = compileIr(ir.c, slotOf);
			const a = compileIr(ir.a, slotOf);
			const b = compileIr(ir.b, slotOf);
			return (s) => (truth(c(s)) ? a(s) : b(s));
		}
		case 'call': {
			const fn = (FORMULA_FUNCTIONS[ir.name] as { fn: (args: number[]) => number }).fn;
			const args = ir.args.map((x) => compileIr(x, slotOf));
			return (s) => fn(args.map((g) => g(s)));
		}
	}
}

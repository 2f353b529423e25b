/**
 * Hardened formulas: mathjs parses, then a whitelist walk turns the mathjs tree into a tiny IR of
 * numbers, names, arithmetic, comparison, logic, `a ? b : c` and calls of FORMULA_FUNCTIONS.
 * Nothing is ever evaluated by mathjs itself, so its evaluator CVEs, `import`, `createUnit`,
 * `evaluate`, units, matrices and strings are unreachable. Checks run cheapest first: length, then
 * bracket depth by a character scan (so 5,000 nested parentheses never reach the recursive parser),
 * then parse, then the tree walk with its own depth bound.
 */
import { create, parseDependencies, type MathNode } from 'mathjs';
import type { FormulaError } from './errors.js';
import { FORMULA_FUNCTIONS, isFormulaFunction } from './functions.js';
import { MAX_EXPRESSION_DEPTH, MAX_EXPRESSION_LENGTH } from './limits.js';

// mathjs types its dependency maps as optional; a missing one is a broken install, not user input.
if (!parseDependencies) throw new Error('mathjs parseDependencies are missing');
const math = create({ parseDependencies }, {});

type BinaryOp =
	| 'add' | 'subtract' | 'multiply' | 'divide' | 'mod' | 'pow'
	| 'smaller' | 'larger' | 'smallerEq' | 'largerEq' | 'equal' | 'unequal'
	| 'and' | 'or' | 'xor';
type UnaryOp = 'unaryMinus' | 'unaryPlus' | 'not';

/** The whitelisted expression tree. */
export type Ir =
	| { t: 'num'; v: number }
	| { t: 'ref'; name: string }
	| { t: 'un'; op: UnaryOp; a: Ir }
	| { t: 'bin'; op: BinaryOp; a: Ir; b: Ir }
	| { t: 'cond'; c: Ir; a: Ir; b: Ir }
	| { t: 'call'; name: string; args: Ir[] };

const BINARY = new Set<string>([
	'add', 'subtract', 'multiply', 'divide', 'mod', 'pow',
	'smaller', 'larger', 'smallerEq', 'largerEq', 'equal', 'unequal', 'and', 'or', 'xor'
]);
const UNARY = new Set<string>(['unaryMinus', 'unaryPlus', 'not']);

const CONSTRUCT_NAMES: Record<string, string> = {
	AccessorNode: 'property access',
	ArrayNode: 'matrices',
	AssignmentNode: 'assignments',
	BlockNode: 'multiple statements',
	FunctionAssignmentNode: 'function definitions',
	IndexNode: 'indexing',
	ObjectNode: 'objects',
	RangeNode: 'ranges'
};

/** An expression that passed every check: its referenced names and its tree. */
export interface CheckedExpression {
	readonly source: string;
	readonly refs: readonly string[];
	readonly ir: Ir;
}

class Refusal {
	constructor(readonly error: FormulaError) {}
}

const refuse = (construct: string, message: string) =>
	new Refusal({ kind: 'refused', construct, message });

function bracketDepth(expr: string): number {
	let depth = 0;
	let max = 0;
	for (let i = 0; i < expr.length; i++) {
		const c = expr.charCodeAt(i);
		if (c === 40 || c === 91 || c === 123) max = Math.max(max, ++depth);
		else if (c === 41 || c === 93 || c === 125) depth--;
	}
	return max;
}

function toIr(node: MathNode, depth: number, refs: Set<string>): Ir {
	if (depth > MAX_EXPRESSION_DEPTH) {
		throw new Refusal({
			kind: 'too-deep',
			depth,
			limit: MAX_EXPRESSION_DEPTH,
			message: `expression is nested more than ${MAX_EXPRESSION_DEPTH} levels deep`
		});
	}
	const n = node as MathNode & Record<string, unknown>;
	switch (node.type) {
		case 'ConstantNode': {
			const v = n.value;
			if (typeof v === 'number') return { t: 'num', v };
			if (typeof v === 'boolean') return { t: 'num', v: v ? 1 : 0 };
			throw refuse('text', `only numbers are allowed, not ${v === null ? 'null' : 'text'}`);
		}
		case 'SymbolNode': {
			const name = n.name as string;
			refs.add(name);
			return { t: 'ref', name };
		}
		case 'ParenthesisNode':
			return toIr(n.content as MathNode, depth + 1, refs);
		case 'ConditionalNode':
			return {
				t: 'cond',
				c: toIr(n.condition as MathNode, depth + 1, refs),
				a: toIr(n.trueExpr as MathNode, depth + 1, refs),
				b: toIr(n.falseExpr as MathNode, depth + 1, refs)
			};
		case 'OperatorNode': {
			const fn = n.fn as string;
			const args = n.args as MathNode[];
			if (args.length === 2 && BINARY.has(fn)) {
				const [a, b] = args as [MathNode, MathNode];
				return { t: 'bin', op: fn as BinaryOp, a: toIr(a, depth + 1, refs), b: toIr(b, depth + 1, refs) };
			}
			if (args.length === 1 && UNARY.has(fn)) {
				return { t: 'un', op: fn as UnaryOp, a: toIr(args[0] as MathNode, depth + 1, refs) };
			}
			if (fn === 'to') throw refuse('units', 'unit conversion is not allowed');
			throw refuse(`operator ${String(n.op)}`, `operator "${String(n.op)}" is not allowed`);
		}
		case 'RelationalNode': {
			// a < b <= c means (a < b) and (b <= c), as in mathjs.
			const ops = n.conditionals as string[];
			const params = (n.params as MathNode[]).map((p) => toIr(p, depth + 1, refs));
			let out: Ir | undefined;
			ops.forEach((op, i) => {
				if (!BINARY.has(op)) throw refuse(`operator ${op}`, `comparison "${op}" is not allowed`);
				const cmp: Ir = { t: 'bin', op: op as BinaryOp, a: params[i] as Ir, b: params[i + 1] as Ir };
				out = out ? { t: 'bin', op: 'and', a: out, b: cmp } : cmp;
			});
			if (!out) throw refuse('comparison', 'empty comparison');
			return out;
		}
		case 'FunctionNode': {
			const fnNode = n.fn as MathNode & { name?: string };
			if (fnNode.type !== 'SymbolNode' || typeof fnNode.name !== 'string') {
				throw refuse('call', 'only calls of named functions are allowed');
			}
			const name = fnNode.name;
			if (!isFormulaFunction(name)) {
				throw refuse(`function ${name}`, `function "${name}" is not allowed`);
			}
			const args = n.args as MathNode[];
			const arityProblem = FORMULA_FUNCTIONS[name]?.arity(args.length);
			if (arityProblem) throw new Refusal({ kind: 'parse', message: arityProblem });
			return { t: 'call', name, args: args.map((a) => toIr(a, depth + 1, refs)) };
		}
		default: {
			const construct = CONSTRUCT_NAMES[node.type] ?? node.type;
			throw refuse(construct, `${construct} are not allowed in formulas`);
		}
	}
}

/** Parses and checks one expression. Never throws; a refusal or syntax error comes back as a value. */
export function checkExpression(source: string): CheckedExpression | FormulaError {
	if (typeof source !== 'string') return { kind: 'parse', message: 'expression must be text' };
	if (source.length > MAX_EXPRESSION_LENGTH) {
		return {
			kind: 'too-long',
			length: source.length,
			limit: MAX_EXPRESSION_LENGTH,
			message: `expression is ${source.length} characters long; the limit is ${MAX_EXPRESSION_LENGTH}`
		};
	}
	const depth = bracketDepth(source);
	if (depth > MAX_EXPRESSION_DEPTH) {
		return {
			kind: 'too-deep',
			depth,
			limit: MAX_EXPRESSION_DEPTH,
			message: `expression is nested more than ${MAX_EXPRESSION_DEPTH} levels deep`
		};
	}
	if (source.trim() === '') return { kind: 'parse', message: 'expression is empty' };
	let tree: MathNode;
	try {
		tree = math.parse(source);
	} catch (e) {
		const message = e instanceof RangeError ? 'expression is too complex' : (e as Error).message;
		return { kind: 'parse', message: `syntax error: ${message}` };
	}
	const refs = new Set<string>();
	try {
		const ir = toIr(tree, 0, refs);
		return { source, refs: [...refs], ir };
	} catch (e) {
		if (e instanceof Refusal) return e.error;
		if (e instanceof RangeError) return { kind: 'parse', message: 'expression is too complex' };
		throw e;
	}
}

export function isFormulaError(x: CheckedExpression | FormulaError): x is FormulaError {
	return 'kind' in x;
}

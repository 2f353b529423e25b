/**
 * The baseline the incremental engine is measured against: what a spreadsheet without a dependency
 * graph does on every edit. Expressions are compiled once by a full mathjs instance and put in
 * topological order once (both cheap, one-off costs a naive sheet would also cache); each edit then
 * re-evaluates every expression in that order with mathjs' own evaluator.
 */
import { all, create, type EvalFunction, type MathNode } from 'mathjs';
import type { VariableDefinition } from '../src/lib/domain/formula/engine';

// mathjs types `all` as optional; a missing one is a broken install, not a benchmark result.
if (!all) throw new Error('mathjs `all` factories are missing');
const math = create(all, {});

/** A plan evaluated the naive way: every expression, by mathjs, on every edit. */
export class MathjsSheet {
	readonly #order: string[];
	readonly #compiled = new Map<string, EvalFunction>();
	readonly #scope = new Map<string, number>();

	constructor(definitions: readonly VariableDefinition[]) {
		const depsOf = new Map<string, string[]>();
		const defined = new Set(definitions.map((d) => d.name));
		for (const d of definitions) {
			const tree = math.parse(d.expr);
			this.#compiled.set(d.name, tree.compile());
			depsOf.set(d.name, referencedNames(tree, defined));
		}
		this.#order = topologicalOrder(definitions.map((d) => d.name), depsOf);
	}

	/** Replaces one expression, as an edit does; the order is unchanged (inputs have no deps). */
	setExpression(name: string, expr: string): void {
		if (!this.#compiled.has(name)) throw new RangeError(`unknown variable "${name}"`);
		this.#compiled.set(name, math.compile(expr));
	}

	/** Evaluates every expression in dependency order: the full pass a naive sheet runs per edit. */
	evaluateAll(): void {
		const scope = this.#scope;
		for (const name of this.#order) {
			scope.set(name, (this.#compiled.get(name) as EvalFunction).evaluate(scope) as number);
		}
	}

	/** The number `name` evaluated to in the last full pass. */
	value(name: string): number | undefined {
		return this.#scope.get(name);
	}

	get size(): number {
		return this.#order.length;
	}
}

/** Names of plan variables an expression reads (function names like `max` are not variables). */
function referencedNames(tree: MathNode, defined: ReadonlySet<string>): string[] {
	const names = new Set<string>();
	tree.traverse((node) => {
		const name = (node as MathNode & { name?: unknown }).name;
		if (node.type === 'SymbolNode' && typeof name === 'string' && defined.has(name)) names.add(name);
	});
	return [...names];
}

/**
 * Kahn's algorithm. The generator already emits definitions in order, but the baseline must not
 * rely on that, any more than a real sheet could.
 * @throws Error on a cycle: the benchmark plan is acyclic by construction.
 */
function topologicalOrder(names: readonly string[], depsOf: ReadonlyMap<string, readonly string[]>): string[] {
	const pending = new Map<string, number>();
	const readers = new Map<string, string[]>();
	for (const name of names) {
		const deps = depsOf.get(name) ?? [];
		pending.set(name, deps.length);
		for (const dep of deps) {
			const list = readers.get(dep);
			if (list) list.push(name);
			else readers.set(dep, [name]);
		}
	}
	const ready = names.filter((n) => pending.get(n) === 0);
	const order: string[] = [];
	while (ready.length > 0) {
		const name = ready.pop() as string;
		order.push(name);
		for (const reader of readers.get(name) ?? []) {
			const left = (pending.get(reader) as number) - 1;
			pending.set(reader, left);
			if (left === 0) ready.push(reader);
		}
	}
	if (order.length !== names.length) throw new Error('benchmark plan has a cycle');
	return order;
}

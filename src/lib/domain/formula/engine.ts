/**
 * The incremental formula engine (HyperFormula's model, STYLE rule 6): variables and external
 * groups (the finance model) form one dependency graph; an edit recomputes only what depends on it,
 * in dependency order, and returns the list of names whose result changed.
 *
 * Invariants:
 * - `dependents` is keyed by every referenced name, defined or not, so defining a name that others
 *   already reference wakes them up.
 * - Every defined node has a result after any public call returns.
 * - A node is re-evaluated in a pass only if it was edited, one of its inputs changed in this pass,
 *   or it sits in a cycle (or just left one); everything else keeps its result.
 */
import { compileIr, type Compiled } from './compile.js';
import {
	cycleError,
	dependencyError,
	fail,
	FormulaEngineMisuseError,
	ok,
	sameResult,
	unknownError,
	type CellResult,
	type FormulaError
} from './errors.js';
import { checkExpression, isFormulaError } from './expression.js';
import { stronglyConnected } from './scc.js';

/**
 * A computation outside the formula language that reads some names and defines others, such as
 * the finance model. Its id must not be a valid variable name (use a prefix like `@`).
 */
export interface ExternalGroup {
	readonly id: string;
	readonly inputs: readonly string[];
	readonly outputs: readonly string[];
	compute(read: (name: string) => CellResult | undefined): Readonly<Record<string, CellResult>>;
}

/** One name whose result changed; `result` is null when the name was removed. */
export interface Change {
	name: string;
	result: CellResult | null;
}

export interface VariableDefinition {
	name: string;
	expr: string;
}

/** `rank` is the node's place in evaluation order, valid while `#order` is. */
type Node = { name: string; deps: readonly string[]; rank: number } & (
	| { kind: 'var'; expr: string; compiled: Compiled | null; staticError: FormulaError | null }
	| { kind: 'group'; group: ExternalGroup }
	| { kind: 'output'; groupId: string }
);

const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function sameNames(a: readonly string[], b: readonly string[]): boolean {
	return a.length === b.length && a.every((x, i) => x === b[i]);
}

export class FormulaEngine {
	readonly #nodes = new Map<string, Node>();
	readonly #dependents = new Map<string, Set<string>>();
	readonly #slots = new Map<string, number>();
	readonly #values: number[] = [];
	readonly #results = new Map<string, CellResult>();
	readonly #groupResults = new Map<string, Readonly<Record<string, CellResult>>>();
	/**
	 * Evaluation rank of every node and the members of cycles, valid while the graph's structure
	 * (who reads whom) is unchanged. Most edits change a value, not the structure, so they skip
	 * Tarjan and just sort the affected nodes by rank.
	 */
	#order: { cyclic: Set<string> } | null = null;

	constructor(options: { groups?: readonly ExternalGroup[]; variables?: readonly VariableDefinition[] } = {}) {
		for (const group of options.groups ?? []) this.#addGroup(group);
		for (const v of options.variables ?? []) this.#defineVariable(v.name, v.expr);
		this.#recompute([...this.#nodes.keys()], new Set(this.#nodes.keys()));
	}

	/** Adds or replaces a variable's expression. */
	setVariable(name: string, expr: string): Change[] {
		this.#defineVariable(name, expr);
		return this.#recompute([name]);
	}

	/** Replaces many expressions at once and recomputes their dependents in one pass. */
	setVariables(defs: readonly VariableDefinition[]): Change[] {
		for (const d of defs) this.#defineVariable(d.name, d.expr);
		return this.#recompute(defs.map((d) => d.name));
	}

	removeVariable(name: string): Change[] {
		const node = this.#nodes.get(name);
		if (!node) return [];
		if (node.kind !== 'var') throw new FormulaEngineMisuseError(`"${name}" is not a variable`);
		this.#unlink(node);
		this.#nodes.delete(name);
		this.#order = null;
		return this.#recompute([name]);
	}

	/** Recomputes a group whose hidden inputs (plan data) changed, and everything downstream. */
	invalidateGroup(id: string): Change[] {
		if (this.#nodes.get(id)?.kind !== 'group') throw new FormulaEngineMisuseError(`no group "${id}"`);
		return this.#recompute([id], new Set([id]));
	}

	result(name: string): CellResult | undefined {
		return this.#results.get(name);
	}

	/** The value of `name`, or undefined when it is missing or in error. */
	value(name: string): number | undefined {
		const r = this.#results.get(name);
		return r?.ok ? r.value : undefined;
	}

	hasVariable(name: string): boolean {
		return this.#nodes.get(name)?.kind === 'var';
	}

	variableNames(): string[] {
		return [...this.#nodes.values()].filter((n) => n.kind === 'var').map((n) => n.name);
	}

	expressionOf(name: string): string | undefined {
		const n = this.#nodes.get(name);
		return n?.kind === 'var' ? n.expr : undefined;
	}

	/** Names a node reads (for variables: the names in its expression). */
	dependenciesOf(name: string): readonly string[] {
		return this.#nodes.get(name)?.deps ?? [];
	}

	/** Names that read `name` directly. */
	dependentsOf(name: string): string[] {
		return [...(this.#dependents.get(name) ?? [])];
	}

	/** Whether `name` is reserved by a group output or id and so may not be a variable. */
	isReserved(name: string): boolean {
		const n = this.#nodes.get(name);
		return n !== undefined && n.kind !== 'var';
	}

	#addGroup(group: ExternalGroup): void {
		this.#order = null;
		if (VARIABLE_NAME.test(group.id)) {
			throw new FormulaEngineMisuseError(`group id "${group.id}" could clash with a variable name`);
		}
		this.#link({ kind: 'group', name: group.id, deps: [...group.inputs], rank: -1, group });
		for (const out of group.outputs) {
			if (this.#nodes.has(out)) throw new FormulaEngineMisuseError(`"${out}" is defined twice`);
			this.#link({ kind: 'output', name: out, deps: [group.id], rank: -1, groupId: group.id });
		}
	}

	#defineVariable(name: string, expr: string): void {
		if (!VARIABLE_NAME.test(name)) throw new FormulaEngineMisuseError(`invalid variable name "${name}"`);
		const existing = this.#nodes.get(name);
		if (existing && existing.kind !== 'var') {
			throw new FormulaEngineMisuseError(`"${name}" is reserved and cannot be a variable`);
		}
		if (existing) this.#unlink(existing);
		const checked = checkExpression(expr);
		const deps = isFormulaError(checked) ? [] : checked.refs;
		if (!existing || !sameNames(existing.deps, deps)) this.#order = null;
		// Same structure: the replacement node keeps its place in the cached order.
		const rank = this.#order && existing ? existing.rank : -1;
		if (isFormulaError(checked)) {
			this.#link({ kind: 'var', name, expr, deps, rank, compiled: null, staticError: checked });
			return;
		}
		const compiled = compileIr(checked.ir, (ref) => this.#slot(ref));
		this.#link({ kind: 'var', name, expr, deps, rank, compiled, staticError: null });
	}

	#slot(name: string): number {
		let i = this.#slots.get(name);
		if (i === undefined) {
			i = this.#values.length;
			this.#values.push(NaN);
			this.#slots.set(name, i);
		}
		return i;
	}

	#link(node: Node): void {
		this.#nodes.set(node.name, node);
		this.#slot(node.name);
		for (const dep of node.deps) {
			let set = this.#dependents.get(dep);
			if (!set) this.#dependents.set(dep, (set = new Set()));
			set.add(node.name);
		}
	}

	#unlink(node: Node): void {
		for (const dep of node.deps) this.#dependents.get(dep)?.delete(node.name);
	}

	/**
	 * Re-evaluates `start` and everything downstream. `forceDirty` names nodes that must be
	 * evaluated even though no input changed (a group whose hidden data changed, the initial load).
	 */
	#recompute(start: readonly string[], forceDirty: ReadonlySet<string> = new Set(start)): Change[] {
		const affected = new Set<string>();
		const queue = [...start];
		while (queue.length > 0) {
			const name = queue.pop() as string;
			if (affected.has(name)) continue;
			affected.add(name);
			for (const d of this.#dependents.get(name) ?? []) if (!affected.has(d)) queue.push(d);
		}
		const changed = new Set<string>();
		const changes: Change[] = [];
		const record = (name: string, result: CellResult | null) => {
			const before = this.#results.get(name) ?? null;
			if (result === null) {
				if (before === null) return;
				this.#results.delete(name);
			} else {
				if (before !== null && sameResult(before, result)) return;
				this.#results.set(name, result);
				this.#values[this.#slot(name)] = result.ok ? result.value : NaN;
			}
			changed.add(name);
			changes.push({ name, result });
		};
		for (const name of start) if (!this.#nodes.has(name)) record(name, null);

		for (const component of this.#componentsOf(affected)) {
			const first = component[0] as string;
			if (component.length > 1 || this.#isSelfLoop(first)) {
				const members = component.filter((m) => !m.startsWith('@')).sort();
				const error = cycleError(members);
				for (const m of component) {
					if (this.#nodes.get(m)?.kind === 'group') {
						this.#groupResults.delete(m);
						this.#results.set(m, fail(error));
						changed.add(m);
					} else record(m, fail(error));
				}
				continue;
			}
			const node = this.#nodes.get(first) as Node;
			const prior = this.#results.get(first);
			const dirty =
				forceDirty.has(first) ||
				prior === undefined ||
				(!prior.ok && prior.error.kind === 'cycle') ||
				node.deps.some((d) => changed.has(d));
			if (!dirty) continue;
			if (node.kind === 'group') {
				// A group's own result is a placeholder; its outputs always re-read what it computed.
				this.#results.set(first, this.#evaluate(node));
				changed.add(first);
			} else record(first, this.#evaluate(node));
		}
		return changes;
	}

	#isSelfLoop(name: string): boolean {
		return this.#nodes.get(name)?.deps.includes(name) ?? false;
	}

	/**
	 * The affected nodes grouped into strongly connected components, in evaluation order. With an
	 * unchanged structure this is a sort by cached rank; after a structural change the whole graph
	 * is ordered again once (Tarjan), which later value edits reuse.
	 */
	#componentsOf(affected: ReadonlySet<string>): string[][] {
		if (!this.#order) {
			const cyclic = new Set<string>();
			const all = stronglyConnected(this.#nodes.keys(), (n) => this.#nodes.get(n)?.deps ?? [], (n) => this.#nodes.has(n));
			all.forEach((component, i) => {
				for (const m of component) (this.#nodes.get(m) as Node).rank = i;
				if (component.length > 1 || this.#isSelfLoop(component[0] as string)) for (const m of component) cyclic.add(m);
			});
			this.#order = { cyclic };
		}
		const { cyclic } = this.#order;
		const present: Node[] = [];
		for (const name of affected) {
			const node = this.#nodes.get(name);
			if (node) present.push(node);
		}
		present.sort((a, b) => a.rank - b.rank);
		const out: string[][] = [];
		let lastRank = -1;
		for (const node of present) {
			const last = out[out.length - 1];
			// Members of one cycle share a rank and so sit next to each other after the sort.
			if (last && cyclic.has(node.name) && lastRank === node.rank) last.push(node.name);
			else out.push([node.name]);
			lastRank = node.rank;
		}
		return out;
	}

	#evaluate(node: Node): CellResult {
		if (node.kind === 'group') {
			const out = node.group.compute((name) => (this.#nodes.has(name) ? this.#results.get(name) : undefined));
			this.#groupResults.set(node.name, out);
			return ok(0);
		}
		if (node.kind === 'output') {
			const group = this.#results.get(node.groupId);
			if (group && !group.ok) return group;
			return (
				this.#groupResults.get(node.groupId)?.[node.name] ??
				fail({ kind: 'unavailable', message: `${node.name} is not available` })
			);
		}
		if (node.staticError) return fail(node.staticError);
		let unknown: string[] | null = null;
		let broken: string[] | null = null;
		for (const dep of node.deps) {
			if (!this.#nodes.has(dep)) (unknown ??= []).push(dep);
			else if (!this.#results.get(dep)?.ok) (broken ??= []).push(dep);
		}
		if (unknown) {
			return fail(unknownError(unknown));
		}
		if (broken) {
			return fail(dependencyError(broken));
		}
		const value = (node.compiled as Compiled)(this.#values);
		if (!Number.isFinite(value)) {
			return fail({
				kind: 'not-finite',
				message: Number.isNaN(value) ? 'result is not a number' : 'result is infinite (division by zero or overflow?)'
			});
		}
		return ok(value);
	}
}

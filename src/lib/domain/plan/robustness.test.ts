/**
 * parsePlan and parsePlanText must never throw, whatever they are given: the server feeds them
 * request bodies and the CLI feeds them any file on disk.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePlan, parsePlanText } from './parse';
import { createPlanFromTemplate, TEMPLATE_IDS } from './templates/index';
import { exampleFile } from './test-helpers';
import type { PlanParseResult } from './types';

/** Every result has the documented shape; a refusal always says something. */
function expectWellFormed(result: PlanParseResult): void {
	if (result.ok) {
		expect(result.plan.format).toBe('planbook.plan/v1');
		return;
	}
	expect(result.errors.length).toBeGreaterThan(0);
	for (const issue of result.errors) {
		expect(issue.path).toMatch(/^(\$|[A-Za-z_])/);
		expect(issue.message.length).toBeGreaterThan(0);
	}
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Step = string | number;

/** Every path to a value inside `value`, the root included. */
function pathsOf(value: Json, prefix: Step[] = []): Step[][] {
	const here = [prefix];
	if (Array.isArray(value)) return here.concat(value.flatMap((item, index) => pathsOf(item, [...prefix, index])));
	if (value !== null && typeof value === 'object') {
		return here.concat(Object.entries(value).flatMap(([key, item]) => pathsOf(item, [...prefix, key])));
	}
	return here;
}

type Mutation = { kind: 'replace'; value: Json } | { kind: 'delete' } | { kind: 'add'; key: string; value: Json };

/** Applies a mutation at `path` of a deep copy of `root`. */
function mutate(root: Json, path: Step[], mutation: Mutation): Json {
	const copy = JSON.parse(JSON.stringify(root)) as Json;
	if (path.length === 0) return mutation.kind === 'replace' ? mutation.value : copy;
	let parent: any = copy;
	for (const step of path.slice(0, -1)) parent = parent[step];
	const last = path[path.length - 1] as Step;
	if (mutation.kind === 'replace') parent[last] = mutation.value;
	else if (mutation.kind === 'delete') {
		if (Array.isArray(parent)) parent.splice(Number(last), 1);
		else delete parent[last];
	} else {
		const target = parent[last];
		if (target !== null && typeof target === 'object' && !Array.isArray(target)) {
			target[mutation.key] = mutation.value;
		}
	}
	return copy;
}

const validFiles: Json[] = [
	exampleFile('deep-marketing-ars.plan.json') as Json,
	exampleFile('price-scenarios.plan.json') as Json,
	...TEMPLATE_IDS.map((id) => JSON.parse(JSON.stringify(createPlanFromTemplate(id))) as Json)
];

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
	fc.record({ kind: fc.constant('replace' as const), value: fc.jsonValue() as fc.Arbitrary<Json> }),
	fc.record({ kind: fc.constant('delete' as const) }),
	fc.record({ kind: fc.constant('add' as const), key: fc.string(), value: fc.jsonValue() as fc.Arbitrary<Json> })
);

describe('parsePlan never throws', () => {
	it('on arbitrary JSON values', () => {
		fc.assert(
			fc.property(fc.jsonValue(), (value) => {
				expectWellFormed(parsePlan(value));
			}),
			{ numRuns: 500 }
		);
	});

	it('on arbitrary values with a plan-like top level', () => {
		const planLike = fc.record(
			{
				format: fc.oneof(fc.constant('planbook.plan/v1'), fc.jsonValue()),
				meta: fc.jsonValue(),
				sections: fc.array(fc.jsonValue()),
				variables: fc.array(fc.jsonValue()),
				data: fc.dictionary(fc.constantFrom('budget', 'dealers', 'schedule', 'swot', 'x'), fc.jsonValue()),
				scenarios: fc.jsonValue()
			},
			{ requiredKeys: [] }
		);
		fc.assert(fc.property(planLike, (value) => expectWellFormed(parsePlan(value))), { numRuns: 300 });
	});

	it('on mutated valid plans, and a plan it accepts parses to itself', () => {
		const caseArb = fc
			.constantFrom(...validFiles)
			.chain((file) =>
				fc.tuple(fc.constant(file), fc.constantFrom(...pathsOf(file)), mutationArb)
			);
		fc.assert(
			fc.property(caseArb, ([file, path, mutation]) => {
				const result = parsePlan(mutate(file, path, mutation));
				expectWellFormed(result);
				if (result.ok) {
					expect(parsePlan(JSON.parse(JSON.stringify(result.plan)))).toEqual(result);
				}
			}),
			{ numRuns: 500 }
		);
	});

	it('on texts cut or spliced from a valid file', () => {
		const text = JSON.stringify(validFiles[0], null, 1);
		fc.assert(
			fc.property(fc.nat(text.length), fc.nat(text.length), fc.string(), (from, to, insert) => {
				const spliced = text.slice(0, Math.min(from, to)) + insert + text.slice(Math.max(from, to));
				expectWellFormed(parsePlanText(spliced));
			}),
			{ numRuns: 300 }
		);
	});

	it('on exotic in-memory inputs', () => {
		const cyclic: Record<string, unknown> = { format: 'planbook.plan/v1' };
		cyclic.meta = cyclic;
		const throwing = new Proxy(
			{},
			{
				get() {
					throw new Error('boom');
				},
				ownKeys() {
					throw new Error('boom');
				}
			}
		);
		const inputs: unknown[] = [
			undefined,
			null,
			0,
			'',
			[],
			[[[]]],
			() => 1,
			Symbol('s'),
			10n,
			new Date(0),
			new Map(),
			Object.create(null),
			cyclic,
			throwing,
			{ format: 'planbook.plan/v1', meta: throwing },
			'x'.repeat(10_000_000)
		];
		for (const input of inputs) expectWellFormed(parsePlan(input));
	});

	it('on deeply nested garbage', () => {
		let deep: unknown = 1;
		for (let depth = 0; depth < 100_000; depth++) deep = [deep];
		expectWellFormed(parsePlan(deep));
		expectWellFormed(parsePlan({ format: 'planbook.plan/v1', meta: deep, extra: deep }));
		const text = '['.repeat(100_000) + ']'.repeat(100_000);
		expectWellFormed(parsePlanText(text));
		expectWellFormed(parsePlanText('['.repeat(100_000)));
	});

	it('handles 10 MB texts quickly', () => {
		const started = performance.now();
		expectWellFormed(parsePlanText(`"${'x'.repeat(10_000_000)}"`));
		expectWellFormed(parsePlanText(`"${'x'.repeat(10_000_000)}`));
		expectWellFormed(parsePlanText(`{"format": "${'x'.repeat(10_000_000)}"}`));
		expectWellFormed(parsePlanText(' '.repeat(10_000_000)));
		expect(performance.now() - started).toBeLessThan(5000);
	});
});

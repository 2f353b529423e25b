import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FormulaEngine, type ExternalGroup } from './engine.js';
import { ok, type CellResult } from './errors.js';

const defs = (o: Record<string, string>) => Object.entries(o).map(([name, expr]) => ({ name, expr }));

describe('FormulaEngine', () => {
	it('evaluates variables in dependency order regardless of definition order', () => {
		const e = new FormulaEngine({ variables: defs({ c: 'a + b', b: 'a * 2', a: '3' }) });
		expect(e.value('c')).toBe(9);
	});

	it('returns only what changed after an edit, and recomputes only dependents', () => {
		const e = new FormulaEngine({ variables: defs({ a: '1', b: 'a + 1', c: '5', d: 'c * 2' }) });
		const changes = e.setVariable('a', '2');
		expect(changes.map((c) => c.name)).toEqual(['a', 'b']);
		expect(e.value('b')).toBe(3);
		expect(e.setVariable('c', '5')).toEqual([]);
	});

	it('stops propagating when a value does not change', () => {
		const e = new FormulaEngine({ variables: defs({ a: '1', b: 'a > 0 ? 1 : 0', c: 'b * 10' }) });
		expect(e.setVariable('a', '2').map((c) => c.name)).toEqual(['a']);
	});

	it('reports cycles naming every member, and everything reading them as dependency errors', () => {
		const e = new FormulaEngine({ variables: defs({ a: 'c + 1', b: 'a + 1', c: 'b + 1', d: 'a * 2', s: 's + 1' }) });
		for (const n of ['a', 'b', 'c']) {
			expect(e.result(n)).toMatchObject({ ok: false, error: { kind: 'cycle', members: ['a', 'b', 'c'] } });
		}
		expect(e.result('s')).toMatchObject({ ok: false, error: { kind: 'cycle', members: ['s'] } });
		expect(e.result('d')).toMatchObject({ ok: false, error: { kind: 'dependency', names: ['a'] } });
		e.setVariable('c', '10');
		expect([e.value('a'), e.value('b'), e.value('c'), e.value('d')]).toEqual([11, 12, 10, 22]);
	});

	it('keeps a cycle error when a member is set again with the same references', () => {
		const e = new FormulaEngine({ variables: defs({ a: '0' }) });
		e.setVariable('g', 'a + a');
		e.setVariable('a', 'g + 1');
		e.setVariable('a', 'g + 2');
		expect(e.result('a')).toMatchObject({ ok: false, error: { kind: 'cycle', members: ['a', 'g'] } });
		expect(e.result('g')).toMatchObject({ ok: false, error: { kind: 'cycle', members: ['a', 'g'] } });
	});

	it('flags unknown names and resolves them once defined', () => {
		const e = new FormulaEngine({ variables: defs({ x: 'y * 2 + z' }) });
		expect(e.result('x')).toMatchObject({ ok: false, error: { kind: 'unknown', names: ['y', 'z'] } });
		e.setVariable('y', '1');
		const changes = e.setVariable('z', '1');
		expect(changes.map((c) => c.name)).toEqual(['z', 'x']);
		expect(e.value('x')).toBe(3);
		const removed = e.removeVariable('y');
		expect(removed[0]).toEqual({ name: 'y', result: null });
		expect(e.result('x')).toMatchObject({ ok: false, error: { kind: 'unknown', names: ['y'] } });
	});

	it('turns non-finite results into errors on that variable only', () => {
		const e = new FormulaEngine({ variables: defs({ a: '0', b: '1 / a', c: '10^10^10', d: 'a + 1' }) });
		expect(e.result('b')).toMatchObject({ ok: false, error: { kind: 'not-finite' } });
		expect(e.result('c')).toMatchObject({ ok: false, error: { kind: 'not-finite' } });
		expect(e.value('d')).toBe(1);
	});

	it('keeps hostile expressions as errors and evaluates the rest', () => {
		const start = performance.now();
		const e = new FormulaEngine({
			variables: defs({
				a: 'import({}, {override: true})',
				b: 'createUnit("x")',
				c: 'evaluate("1")',
				d: '('.repeat(5000) + '1' + ')'.repeat(5000),
				f: '10^10^10',
				ok1: '42'
			})
		});
		expect(performance.now() - start).toBeLessThan(100);
		for (const n of ['a', 'b', 'c', 'd', 'f']) expect(e.result(n)?.ok).toBe(false);
		expect(e.value('ok1')).toBe(42);
	});

	it('feeds groups and exposes their outputs as read-only names', () => {
		let calls = 0;
		const group: ExternalGroup = {
			id: '@double',
			inputs: ['x'],
			outputs: ['twice'],
			compute(read) {
				calls++;
				const x = read('x');
				return { twice: x?.ok ? ok(x.value * 2) : ({ ok: false, error: { kind: 'unavailable', message: 'no x' } } as CellResult) };
			}
		};
		const e = new FormulaEngine({ groups: [group], variables: defs({ x: '2', y: 'twice + 1' }) });
		expect(e.value('y')).toBe(5);
		expect(e.setVariable('x', '3').map((c) => c.name)).toEqual(['x', 'twice', 'y']);
		expect(e.isReserved('twice')).toBe(true);
		expect(() => e.setVariable('twice', '1')).toThrow(/reserved/);
		e.removeVariable('x');
		expect(e.result('y')).toMatchObject({ ok: false, error: { kind: 'dependency' } });
		// A cycle through a group: x reads the group's output, which reads x.
		e.setVariable('x', 'twice');
		expect(e.result('x')).toMatchObject({ ok: false, error: { kind: 'cycle', members: ['twice', 'x'] } });
		const before = calls;
		e.invalidateGroup('@double');
		expect(calls).toBeGreaterThanOrEqual(before);
	});

	it('throws named errors on API misuse only', () => {
		const e = new FormulaEngine();
		expect(() => e.setVariable('1bad', '1')).toThrow(/invalid variable name/);
		expect(() => e.invalidateGroup('@none')).toThrow(/no group/);
	});

	it('handles a 20,000-long chain without a stack overflow', () => {
		const vars = [{ name: 'v0', expr: '1' }];
		for (let i = 1; i < 20000; i++) vars.push({ name: `v${i}`, expr: `v${i - 1} + 1` });
		const e = new FormulaEngine({ variables: vars });
		expect(e.value('v19999')).toBe(20000);
		e.setVariable('v0', '2');
		expect(e.value('v19999')).toBe(20001);
	});

	it('property: after any sequence of edits, incremental results equal a full evaluation', () => {
		const names = ['a', 'b', 'c', 'd', 'e', 'f'];
		const exprArb = fc.oneof(
			fc.integer({ min: -5, max: 5 }).map(String),
			fc.tuple(fc.constantFrom(...names), fc.constantFrom('+', '-', '*', '/'), fc.constantFrom(...names, '2')).map(([x, op, y]) => `${x} ${op} ${y}`),
			fc.tuple(fc.constantFrom(...names), fc.constantFrom(...names)).map(([x, y]) => `${x} > 0 ? ${y} : 1`),
			fc.constant('1 +'),
			fc.constant('g + 1')
		);
		const editArb = fc.oneof(
			fc.tuple(fc.constantFrom(...names, 'g'), exprArb).map(([name, expr]) => ({ kind: 'set' as const, name, expr })),
			fc.constantFrom(...names, 'g').map((name) => ({ kind: 'remove' as const, name }))
		);
		fc.assert(
			fc.property(fc.array(editArb, { maxLength: 30 }), (edits) => {
				const live = new FormulaEngine({ variables: names.map((n, i) => ({ name: n, expr: String(i) })) });
				const defsNow = new Map(names.map((n, i) => [n, String(i)]));
				for (const edit of edits) {
					if (edit.kind === 'set') {
						live.setVariable(edit.name, edit.expr);
						defsNow.set(edit.name, edit.expr);
					} else {
						live.removeVariable(edit.name);
						defsNow.delete(edit.name);
					}
				}
				const full = new FormulaEngine({ variables: [...defsNow].map(([name, expr]) => ({ name, expr })) });
				for (const name of [...names, 'g']) expect(live.result(name)).toEqual(full.result(name));
			}),
			{ numRuns: 1000 }
		);
	});
});

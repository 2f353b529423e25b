import { describe, expect, it } from 'vitest';
import {
	PLAN_MIGRATIONS,
	PlanMigrationRegistryError,
	assertValidMigrations,
	migratePlanFile,
	type PlanMigration
} from './migrations';
import { PLAN_FORMAT } from './schema';
import { exampleFile } from './test-helpers';

/** A made-up history: v0 called the plan's title `name`. */
const v0ToV1: PlanMigration = {
	name: 'v0-to-v1-rename-title',
	from: 'planbook.plan/v0',
	to: PLAN_FORMAT,
	migrate: (file) => {
		const { name, ...meta } = file['meta'] as Record<string, unknown>;
		return { ...file, format: PLAN_FORMAT, meta: { ...meta, title: name } };
	}
};
const betaToV0: PlanMigration = {
	name: 'beta-to-v0',
	from: 'planbook.plan/beta',
	to: 'planbook.plan/v0',
	migrate: (file) => ({ ...file, format: 'planbook.plan/v0' })
};

describe('the shipped registry', () => {
	it('is valid and empty while v1 is the only format', () => {
		expect(PLAN_FORMAT).toBe('planbook.plan/v1');
		expect(PLAN_MIGRATIONS).toEqual([]);
		expect(() => assertValidMigrations(PLAN_MIGRATIONS)).not.toThrow();
	});

	it('passes a current file through unchanged (the identity)', () => {
		const file = exampleFile('breakeven-basic.plan.json');
		const result = migratePlanFile(file);
		expect(result).toEqual({ ok: true, file, applied: [] });
		if (result.ok) expect(result.file).toBe(file);
	});

	it('leaves unknown formats and non-objects for the schema to report', () => {
		for (const input of [null, 'text', [], { format: 'planbook.plan/v9' }, { format: 3 }]) {
			expect(migratePlanFile(input)).toEqual({ ok: true, file: input, applied: [] });
		}
	});
});

describe('a chain of migrations', () => {
	const registry = [betaToV0, v0ToV1];

	it('is applied in order until the current format', () => {
		expect(() => assertValidMigrations(registry)).not.toThrow();
		const old = { format: 'planbook.plan/beta', meta: { name: 'Old plan' } };
		const result = migratePlanFile(old, registry);
		expect(result).toEqual({
			ok: true,
			file: { format: PLAN_FORMAT, meta: { title: 'Old plan' } },
			applied: ['beta-to-v0', 'v0-to-v1-rename-title']
		});
		expect(old).toEqual({ format: 'planbook.plan/beta', meta: { name: 'Old plan' } });
	});

	it('reports a failing step as an issue on format', () => {
		const result = migratePlanFile({ format: 'planbook.plan/v0', meta: null }, registry);
		expect(result.ok).toBe(false);
		if (!result.ok) {
			expect(result.issue.path).toBe('format');
			expect(result.issue.message).toMatch(
				/^could not upgrade from planbook\.plan\/v0 \(v0-to-v1-rename-title\): /
			);
		}
	});

	it('stops on a looping registry instead of hanging', () => {
		const a: PlanMigration = { name: 'a', from: 'x', to: 'y', migrate: (f) => ({ ...f, format: 'y' }) };
		const b: PlanMigration = { name: 'b', from: 'y', to: 'x', migrate: (f) => ({ ...f, format: 'x' }) };
		expect(migratePlanFile({ format: 'x' }, [a, b]).ok).toBe(true);
		expect(() => assertValidMigrations([a, b])).toThrow(PlanMigrationRegistryError);
	});
});

describe('assertValidMigrations', () => {
	it.each([
		['two steps from one format', [v0ToV1, { ...v0ToV1, name: 'other' }], /two migrations start/],
		['a step out of the current format', [{ ...v0ToV1, from: PLAN_FORMAT, to: 'x' }], /migrates away/],
		['a dead end', [{ ...betaToV0 }], /no way from planbook\.plan\/v0/]
	])('refuses %s', (_label, registry, message) => {
		expect(() => assertValidMigrations(registry)).toThrow(message);
	});
});

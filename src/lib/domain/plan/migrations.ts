/**
 * Named migrations of the plan file format (STYLE rule 4). Each migration turns a file of one
 * older format id into the next; parsePlan walks the chain until it reaches PLAN_FORMAT, then
 * validates. v1 is the first format, so the registry is empty and a v1 file passes through
 * unchanged (the identity). A later v2 adds `{ name, from: 'planbook.plan/v1', to: PLAN_FORMAT }`
 * here, with a test, and bumps PLAN_FORMAT.
 */
import { PLAN_FORMAT } from './schema';
import type { PlanIssue } from './types';

/** One step from an older format id to a newer one. */
export interface PlanMigration {
	/** Stable, descriptive name, e.g. `v1-to-v2-split-budget-kind`; shown when a step fails. */
	readonly name: string;
	readonly from: string;
	readonly to: string;
	/** Returns a new object with `format` set to `to`; must not mutate its argument. */
	readonly migrate: (file: Readonly<Record<string, unknown>>) => Record<string, unknown>;
}

/** Every migration, oldest first. Empty while v1 is the only format. */
export const PLAN_MIGRATIONS: readonly PlanMigration[] = [];

/** Thrown when a migration registry is inconsistent (a programming error, caught by tests). */
export class PlanMigrationRegistryError extends Error {
	override readonly name = 'PlanMigrationRegistryError';
}

/**
 * Checks that a registry forms chains ending at PLAN_FORMAT: one step per `from`, no step out of
 * the current format, no cycles.
 */
export function assertValidMigrations(migrations: readonly PlanMigration[]): void {
	const byFrom = new Map<string, PlanMigration>();
	for (const migration of migrations) {
		if (migration.from === PLAN_FORMAT) {
			throw new PlanMigrationRegistryError(`${migration.name} migrates away from ${PLAN_FORMAT}`);
		}
		if (byFrom.has(migration.from)) {
			throw new PlanMigrationRegistryError(`two migrations start at ${migration.from}`);
		}
		byFrom.set(migration.from, migration);
	}
	for (const start of byFrom.keys()) {
		const seen = new Set<string>();
		let format = start;
		while (format !== PLAN_FORMAT) {
			if (seen.has(format)) throw new PlanMigrationRegistryError(`cycle through ${format}`);
			seen.add(format);
			const step = byFrom.get(format);
			if (!step) throw new PlanMigrationRegistryError(`no way from ${format} to ${PLAN_FORMAT}`);
			format = step.to;
		}
	}
}

/** A file brought up to PLAN_FORMAT (not yet validated), or why that failed. */
export type MigrationResult =
	| { ok: true; file: unknown; applied: string[] }
	| { ok: false; issue: PlanIssue };

/**
 * Applies the migrations that lead from the file's `format` to PLAN_FORMAT. A file that is already
 * current, has no string `format`, or has a format no migration knows is returned as it is: the
 * schema then reports the format with a precise message. Never throws.
 */
export function migratePlanFile(
	file: unknown,
	migrations: readonly PlanMigration[] = PLAN_MIGRATIONS
): MigrationResult {
	const applied: string[] = [];
	let current = file;
	// Each step is used at most once, which also stops a faulty registry from looping.
	for (let steps = 0; steps <= migrations.length; steps++) {
		if (typeof current !== 'object' || current === null || Array.isArray(current)) break;
		const record = current as Record<string, unknown>;
		const format = record['format'];
		if (format === PLAN_FORMAT || typeof format !== 'string') break;
		const step = migrations.find((migration) => migration.from === format);
		if (!step) break;
		try {
			current = step.migrate(record);
		} catch (error) {
			const reason = error instanceof Error ? error.message : String(error);
			return {
				ok: false,
				issue: { path: 'format', message: `could not upgrade from ${format} (${step.name}): ${reason}` }
			};
		}
		applied.push(step.name);
	}
	return { ok: true, file: current, applied };
}

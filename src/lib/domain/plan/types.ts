/**
 * Types of a parsed plan, inferred from the schemas so the two cannot drift. These are the types
 * after parsing: defaults are filled in (`standards`, `blocks`, `dependsOn`, `scenarios`, `data`)
 * and empty dates are gone.
 */
import type { z } from 'zod';
import type {
	accountSchema,
	competitorSchema,
	dealerCriterionSchema,
	dealerRowSchema,
	dealersSchema,
	funnelStageSchema,
	KPI_FREQUENCIES,
	kpiSchema,
	objectiveSchema,
	planDataSchema,
	scheduleRowSchema,
	segmentSchema,
	swotSchema
} from './schema-data';
import type {
	blockSchema,
	planMetaSchema,
	planSchema,
	decisionSchema,
	scenarioSchema,
	simulationSettingsSchema,
	sectionSchema,
	variableSchema
} from './schema';
import type { LOCALES, SECTION_KINDS } from './sections';

/** A parsed, valid plan. */
export type Plan = z.output<typeof planSchema>;
/** A plan as it may be written in a file, before defaults are applied. */
export type PlanInput = z.input<typeof planSchema>;
export type PlanMeta = z.output<typeof planMetaSchema>;
export type Locale = (typeof LOCALES)[number];
export type Section = z.output<typeof sectionSchema>;
export type SectionKind = (typeof SECTION_KINDS)[number];
export type Block = z.output<typeof blockSchema>;
export type BlockType = Block['type'];
export type Variable = z.output<typeof variableSchema>;
export type Scenario = z.output<typeof scenarioSchema>;
export type SimulationSettings = z.output<typeof simulationSettingsSchema>;
export type Decision = z.output<typeof decisionSchema>;
export type PlanData = z.output<typeof planDataSchema>;
/** The keys of `data`. */
export type DataSetName = keyof PlanData;
export type Objective = z.output<typeof objectiveSchema>;
export type SwotData = z.output<typeof swotSchema>;
export type Segment = z.output<typeof segmentSchema>;
export type Competitor = z.output<typeof competitorSchema>;
export type ScheduleRow = z.output<typeof scheduleRowSchema>;
export type Dealers = z.output<typeof dealersSchema>;
export type DealerCriterion = z.output<typeof dealerCriterionSchema>;
export type DealerRow = z.output<typeof dealerRowSchema>;
export type Account = z.output<typeof accountSchema>;
export type FunnelStage = z.output<typeof funnelStageSchema>;
export type Kpi = z.output<typeof kpiSchema>;
export type KpiFrequency = (typeof KPI_FREQUENCIES)[number];

/** A problem found while reading a plan file; `path` is JSON-style (`data.budget[2].amount`, root `$`). */
export interface PlanIssue {
	path: string;
	message: string;
}

/** Result of parsing: the plan, or every problem in file order. */
export type PlanParseResult = { ok: true; plan: Plan } | { ok: false; errors: PlanIssue[] };

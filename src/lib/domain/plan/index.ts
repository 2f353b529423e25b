/**
 * The `planbook.plan/v1` file format: types, schemas, parsing with readable issues, migrations,
 * section kinds and templates. Pure TypeScript, shared by browser, server and CLI.
 */
export type {
	Account,
	Block,
	BlockType,
	Competitor,
	DataSetName,
	DealerCriterion,
	DealerRow,
	Dealers,
	FunnelStage,
	Kpi,
	KpiFrequency,
	Locale,
	Objective,
	Plan,
	PlanData,
	PlanInput,
	PlanIssue,
	PlanMeta,
	PlanParseResult,
	Scenario,
	ScheduleRow,
	Section,
	SectionKind,
	Segment,
	SwotData,
	Variable
} from './types';
export type { BudgetLine, Campaign, PriceTier } from '../finance/types';
export type { Distribution } from '../simulate/distribution-types';
export {
	DATA_SET_HOME,
	DATA_SET_NAMES,
	LOCALES,
	SECTION_KINDS,
	SECTION_TITLES,
	STANDARD_SECTION_KINDS
} from './sections';
export {
	BLOCK_TYPES,
	PLAN_FORMAT,
	blockSchema,
	distributionSchema,
	planMetaSchema,
	planSchema,
	scenarioSchema,
	sectionSchema,
	variableSchema
} from './schema';
export { KPI_FREQUENCIES, planDataSchema } from './schema-data';
export {
	MAX_EXPRESSION_LENGTH,
	MAX_VARIABLE_NAME_LENGTH,
	VARIABLE_NAME_PATTERN,
	isIsoDate
} from './schema-primitives';
export { MAX_PLAN_ISSUES, formatPlanIssue, parsePlan, parsePlanText } from './parse';
export { findJsonSyntaxError, type JsonSyntaxError } from './json-syntax';
export {
	PLAN_MIGRATIONS,
	PlanMigrationRegistryError,
	assertValidMigrations,
	migratePlanFile,
	type MigrationResult,
	type PlanMigration
} from './migrations';
export {
	PlanTemplateError,
	TEMPLATE_IDS,
	createPlanFromTemplate,
	isTemplateId,
	type TemplateId,
	type TemplateOptions
} from './templates/index';

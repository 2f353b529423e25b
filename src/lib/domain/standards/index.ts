export * from './types.js';
export { checkPlan, buildRuleContext } from './check.js';
export { BUILT_IN_PACKS, DEEP_MARKETING_ID, deepMarketing } from './deep-marketing.js';
export { parsePackText, parsePackValue, resolvePack, resolvePlanStandards, type PackParseResult, type ResolveResult } from './custom-pack.js';
export type { PackDefinition, RuleDefinition } from './pack-schema.js';

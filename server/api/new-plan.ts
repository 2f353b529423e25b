/**
 * Creating a plan (`POST /api/plans`): the request names a template or carries a plan file; either
 * way the result is validated by the domain's parser, turned into a Y.Doc with the collab schema
 * and stored as the plan's first update, together with fresh owner, editor and viewer tokens.
 */
import * as Y from 'yjs';
import { docFromPlan } from '../../src/lib/collab/schema/plan-doc';
import {
	createPlanFromTemplate,
	isTemplateId,
	LOCALES,
	parsePlan,
	PlanTemplateError,
	TEMPLATE_IDS,
	type Locale,
	type Plan
} from '../../src/lib/domain/plan/index';
import { newPlanId, newRoleTokens } from '../ids';
import type { PlanStore, Role } from '../persistence/store';
import { HttpError } from './http-error';

export interface CreatedPlan {
	id: string;
	tokens: Record<Role, string>;
}

const TEMPLATE_KEYS = new Set(['template', 'locale', 'title', 'year']);

/**
 * The plan a create request asks for: `{"template": id, "locale"?, "title"?, "year"?}` or
 * `{"plan": <plan file>}`. Throws HttpError 400 with the validator's issues for a bad file.
 */
export function planFromCreateRequest(body: unknown): Plan {
	if (typeof body !== 'object' || body === null || Array.isArray(body)) {
		throw invalidRequest('the body must be a JSON object: {"template": "blank"} or {"plan": {…}}');
	}
	const fields = body as Record<string, unknown>;
	if ('plan' in fields) {
		const extra = Object.keys(fields).find((key) => key !== 'plan');
		if (extra !== undefined) throw invalidRequest(`unexpected field "${extra}" next to "plan"`);
		return validated(fields.plan);
	}
	if (!('template' in fields)) throw invalidRequest('send {"template": "<id>"} or {"plan": <plan file>}');
	const extra = Object.keys(fields).find((key) => !TEMPLATE_KEYS.has(key));
	if (extra !== undefined) throw invalidRequest(`unexpected field "${extra}"; allowed: template, locale, title, year`);
	if (!isTemplateId(fields.template)) {
		throw new HttpError(400, 'unknown-template', `unknown template ${JSON.stringify(fields.template)}; expected one of ${TEMPLATE_IDS.join(', ')}`);
	}
	const { locale, title, year } = fields;
	if (locale !== undefined && !(LOCALES as readonly unknown[]).includes(locale)) {
		throw invalidRequest(`locale must be one of ${LOCALES.join(', ')}`);
	}
	if (title !== undefined && typeof title !== 'string') throw invalidRequest('title must be a string');
	if (year !== undefined && typeof year !== 'number') throw invalidRequest('year must be a number');
	let plan: Plan;
	try {
		plan = createPlanFromTemplate(fields.template, { locale: locale as Locale | undefined, title, year });
	} catch (error) {
		if (error instanceof PlanTemplateError) throw invalidRequest(error.message);
		throw error;
	}
	// The caller's title (length, characters) is checked by the same rules as a file's.
	return validated(plan);
}

/** Stores `plan` under a new id with new tokens. */
export async function storeNewPlan(store: PlanStore, plan: Plan): Promise<CreatedPlan> {
	const doc = docFromPlan(plan);
	const initialUpdate = Y.encodeStateAsUpdate(doc);
	doc.destroy();
	const created: CreatedPlan = { id: newPlanId(), tokens: newRoleTokens() };
	await store.createPlan({ ...created, title: plan.meta.title, initialUpdate });
	return created;
}

function validated(input: unknown): Plan {
	const result = parsePlan(input);
	if (result.ok) return result.plan;
	const first = result.errors[0];
	throw new HttpError(
		400,
		'invalid-plan',
		first ? `the plan file is not valid: ${first.path}: ${first.message}` : 'the plan file is not valid',
		{ issues: result.errors }
	);
}

function invalidRequest(message: string): HttpError {
	return new HttpError(400, 'invalid-request', message);
}

/**
 * Workshops over REST: a trainer runs one case with several teams, each writing its own copy.
 *   POST /api/workshops {teams, name?, case: {"template": id, "locale"?} | {"plan": <plan file>}}
 *        → 201 {id, trainerToken, teams: [{name, planId, editorToken}]}
 *   GET  /api/workshops/<id>  (Authorization: Bearer <trainerToken>)
 *        → {id, title, createdAt, locked, teams: [{name, planId, tokens: {owner, editor, viewer}}]}
 *   POST /api/workshops/<id>/lock {locked}  (trainer) → the workshop; while locked, the teams'
 *        edit links are read-only on the server (their updates are dropped) and open team sockets
 *        reconnect so they pick up the new role.
 * Team plans are ordinary plans, created like any other (all or nothing is not needed: a plan
 * without its workshop row is just an extra plan), so the editor, checks and export work unchanged.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '../http-app';
import { newPlanId, newToken } from '../ids';
import type { Logger } from '../log';
import type { PlanStore, Workshop } from '../persistence/store';
import { HttpError } from './http-error';
import { planFromCreateRequest, storeNewPlan } from './new-plan';
import { readJsonBody } from './read-json-body';

export const MAX_TEAMS = 30;

export interface WorkshopsOptions {
	store: PlanStore;
	maxBodyBytes: number;
	log: Logger;
	bearer: (req: IncomingMessage) => string | undefined;
	/** Closes the sockets of these plans so their clients reconnect with the role they have now. */
	onRolesChanged?: (planIds: readonly string[]) => void;
}

/** Team names in the case's language: 第1组 … or Team 1 … */
function teamName(locale: string, n: number): string {
	return locale === 'zh-CN' ? `第${n}组` : `Team ${n}`;
}

export async function handleWorkshops(
	options: WorkshopsOptions,
	req: IncomingMessage,
	res: ServerResponse,
	id: string | undefined,
	action?: string
): Promise<void> {
	const method = req.method ?? 'GET';
	if (id !== undefined && action === 'lock') return lockWorkshop(options, req, res, id);
	if (action !== undefined) throw new HttpError(404, 'not-found', 'no such workshop endpoint');
	if (id === undefined) {
		if (method !== 'POST') throw new HttpError(405, 'method-not-allowed', 'use POST', {}, { Allow: 'POST' });
		return createWorkshop(options, res, await readJsonBody(req, options.maxBodyBytes));
	}
	if (method !== 'GET' && method !== 'HEAD') throw new HttpError(405, 'method-not-allowed', 'use GET', {}, { Allow: 'GET, HEAD' });
	const token = options.bearer(req);
	if (!token) throw new HttpError(401, 'unauthorized', "the trainer's token is required");
	const workshop = await options.store.findWorkshop(id, token);
	// One answer for an unknown workshop and a wrong token: neither tells the other apart.
	if (!workshop) throw new HttpError(404, 'unknown-workshop', 'no such workshop for this token');
	sendJson(res, 200, workshop);
}

async function lockWorkshop(options: WorkshopsOptions, req: IncomingMessage, res: ServerResponse, id: string): Promise<void> {
	if (req.method !== 'POST') throw new HttpError(405, 'method-not-allowed', 'use POST', {}, { Allow: 'POST' });
	const token = options.bearer(req);
	if (!token) throw new HttpError(401, 'unauthorized', "the trainer's token is required");
	const body = (await readJsonBody(req, options.maxBodyBytes)) as Record<string, unknown> | null;
	if (typeof body?.locked !== 'boolean') throw new HttpError(400, 'invalid-request', 'send {"locked": true} or {"locked": false}');
	const workshop = await options.store.setWorkshopLocked(id, token, body.locked);
	if (!workshop) throw new HttpError(404, 'unknown-workshop', 'no such workshop for this token');
	options.onRolesChanged?.(workshop.teams.map((t) => t.planId));
	options.log.info(body.locked ? 'locked a workshop' : 'unlocked a workshop', { workshop: id });
	sendJson(res, 200, workshop);
}

async function createWorkshop(options: WorkshopsOptions, res: ServerResponse, body: unknown): Promise<void> {
	const fields = (typeof body === 'object' && body !== null && !Array.isArray(body) ? body : {}) as Record<string, unknown>;
	const teams = fields.teams;
	if (typeof teams !== 'number' || !Number.isInteger(teams) || teams < 1 || teams > MAX_TEAMS) {
		throw new HttpError(400, 'invalid-request', `teams must be a whole number from 1 to ${MAX_TEAMS}`);
	}
	const plan = planFromCreateRequest(fields.case);
	const title = typeof fields.name === 'string' && fields.name.trim() !== '' ? fields.name.trim().slice(0, 120) : plan.meta.title;
	const workshop: Workshop = { id: newPlanId(), title, createdAt: new Date().toISOString(), locked: false, teams: [] };
	for (let n = 1; n <= teams; n++) {
		const name = teamName(plan.meta.locale, n);
		const created = await storeNewPlan(options.store, { ...plan, meta: { ...plan.meta, title: `${plan.meta.title} · ${name}` } });
		workshop.teams.push({ name, planId: created.id, tokens: created.tokens });
	}
	const trainerToken = newToken();
	await options.store.createWorkshop(workshop, trainerToken);
	options.log.info('created a workshop', { workshop: workshop.id, teams });
	sendJson(res, 201, {
		id: workshop.id,
		trainerToken,
		teams: workshop.teams.map((t) => ({ name: t.name, planId: t.planId, editorToken: t.tokens.editor }))
	});
}

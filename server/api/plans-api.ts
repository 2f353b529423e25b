/**
 * The REST API under `/api` (JSON in, JSON out):
 *   POST   /api/plans                      → 201 {id, tokens: {owner, editor, viewer}}
 *   GET    /api/plans/<id>                 → {id, title, role, createdAt, updatedAt}
 *   GET    /api/plans/<id>/export?format=  → the plan now as json (the plan file), md, xlsx or docx
 *   DELETE /api/plans/<id>                 → 204 (owner only), its sockets closed with 4404
 *   GET|POST /api/plans/<id>/versions[/<vid>] → version history (versions-api.ts)
 *   /api/workshops[/<id>]                   → workshops (workshops-api.ts)
 *   POST   /api/plans/<id>/tokens {role}   → {role, token}: revokes that role's link, makes a new one
 *                                            (owner only; sockets on the old token close with 4401)
 * Plan endpoints take `Authorization: Bearer <token>` (export also `?token=`, so a plain link can
 * download) and answer 401 without a valid token, 404 for an unknown plan, 403 for another plan's
 * token. Errors are `{"error": code, "message": readable}`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { authorizePlan } from '../access';
import type { DocRegistry } from '../collab/doc-registry';
import { sendJson, type HttpRoute } from '../http-app';
import type { Logger } from '../log';
import type { PlanStore, Role } from '../persistence/store';
import { HttpError, sendHttpError } from './http-error';
import { planFromCreateRequest, storeNewPlan } from './new-plan';
import { liveTitle, readCurrentPlan } from './plan-snapshot';
import { readJsonBody } from './read-json-body';
import { createVersion, readVersion } from './versions-api';
import { newToken } from '../ids';
import { handleWorkshops } from './workshops-api';
import { EXPORT_FORMATS, EXPORT_TYPES, exportFileName, exportPlan as renderExport, isExportFormat } from '../../src/lib/export/export-plan';

export interface PlansApiOptions {
	store: PlanStore;
	registry: DocRegistry;
	maxBodyBytes: number;
	log: Logger;
	/** Called with a token just revoked, so its open sockets can be closed. */
	onTokenRevoked?: (token: string) => void;
	/** Called with plans whose links changed role (a workshop locked), so their sockets reconnect. */
	onRolesChanged?: (planIds: readonly string[]) => void;
	/** Called once a plan is deleted (other processes drop it from memory too). */
	onPlanDeleted?: (planId: string) => void;
}


/** The `/api` route of the HTTP server. */
export function plansApiRoute(options: PlansApiOptions): HttpRoute {
	return {
		prefix: '/api',
		handle: async (req, res) => {
			try {
				await dispatch(options, req, res);
			} catch (error) {
				if (error instanceof HttpError) {
					// Unread request data (a refused upload) is discarded, not left to block the socket.
					req.resume();
					return sendHttpError(res, error);
				}
				options.log.error('API request failed', { method: req.method, path: req.url }, error);
				if (!res.headersSent) sendHttpError(res, new HttpError(500, 'internal', 'internal server error'));
				else res.destroy();
			}
		}
	};
}

async function dispatch(options: PlansApiOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
	const url = new URL(req.url ?? '/', 'http://localhost');
	const segments = url.pathname.split('/').filter(Boolean).map(safeDecode); // ['api', 'plans', id?, 'export'?]
	const method = req.method ?? 'GET';
	if (segments[1] === 'workshops' && segments.length <= 4) {
		return handleWorkshops({ ...options, bearer: bearerToken, onRolesChanged: options.onRolesChanged }, req, res, segments[2], segments[3]);
	}
	if (segments[1] !== 'plans' || segments.length > 5 || (segments.length === 5 && segments[3] !== 'versions')) throw new HttpError(404, 'not-found', `no API endpoint ${url.pathname}`);
	const planId = segments[2];

	if (planId === undefined) {
		if (method !== 'POST') throw methodNotAllowed('POST');
		const plan = planFromCreateRequest(await readJsonBody(req, options.maxBodyBytes));
		const created = await storeNewPlan(options.store, plan);
		options.log.info('created a plan', { plan: created.id });
		res.setHeader('Location', `/api/plans/${created.id}`);
		return sendJson(res, 201, created);
	}

	if (segments[3] === 'versions') return versions(options, req, res, planId, segments[4]);
	if (segments[3] === 'tokens' && segments.length === 4) return rotateToken(options, req, res, planId);

	if (segments.length === 4) {
		if (segments[3] !== 'export') throw new HttpError(404, 'not-found', `no API endpoint ${url.pathname}`);
		if (method !== 'GET' && method !== 'HEAD') throw methodNotAllowed('GET, HEAD');
		await authorize(options, req, planId, url.searchParams.get('token'));
		return exportPlan(options, res, planId, url.searchParams.get('format') ?? 'json');
	}

	if (method === 'GET' || method === 'HEAD') {
		const role = await authorize(options, req, planId);
		const info = await options.store.planInfo(planId);
		if (!info) throw new HttpError(404, 'unknown-plan', 'no such plan (deleted, or a wrong link)');
		return sendJson(res, 200, { ...info, title: liveTitle(options.registry, planId) ?? info.title, role });
	}
	if (method === 'DELETE') {
		const role = await authorize(options, req, planId);
		if (role !== 'owner') throw new HttpError(403, 'forbidden', 'only the owner may delete a plan');
		await options.store.deletePlan(planId);
		// After the store: a socket that connects meanwhile is refused, and an update in flight fails.
		await options.registry.discard(planId);
		options.onPlanDeleted?.(planId);
		options.log.info('deleted a plan', { plan: planId });
		res.writeHead(204, { 'Cache-Control': 'no-store' });
		res.end();
		return;
	}
	throw methodNotAllowed('GET, HEAD, DELETE');
}

async function rotateToken(options: PlansApiOptions, req: IncomingMessage, res: ServerResponse, planId: string): Promise<void> {
	if (req.method !== 'POST') throw methodNotAllowed('POST');
	const role = await authorize(options, req, planId);
	if (role !== 'owner') throw new HttpError(403, 'forbidden', 'only the owner may revoke share links');
	const body = (await readJsonBody(req, options.maxBodyBytes)) as Record<string, unknown> | null;
	const target = body?.role;
	if (target !== 'editor' && target !== 'viewer' && target !== 'owner') {
		throw new HttpError(400, 'invalid-request', 'send {"role": "editor" | "viewer" | "owner"}');
	}
	const token = newToken();
	const revoked = await options.store.rotateToken(planId, target, token);
	if (revoked === null) throw new HttpError(404, 'unknown-plan', 'no such plan (deleted, or a wrong link)');
	if (revoked) options.onTokenRevoked?.(revoked);
	options.log.info('revoked a share link', { plan: planId, role: target });
	return sendJson(res, 200, { role: target, token });
}

async function versions(options: PlansApiOptions, req: IncomingMessage, res: ServerResponse, planId: string, versionId: string | undefined): Promise<void> {
	const method = req.method ?? 'GET';
	if (versionId !== undefined) {
		if (method !== 'GET' && method !== 'HEAD') throw methodNotAllowed('GET, HEAD');
		await authorize(options, req, planId);
		return sendJson(res, 200, await readVersion(options.store, planId, versionId));
	}
	if (method === 'GET' || method === 'HEAD') {
		await authorize(options, req, planId);
		return sendJson(res, 200, await options.store.listVersions(planId));
	}
	if (method !== 'POST') throw methodNotAllowed('GET, HEAD, POST');
	const role = await authorize(options, req, planId);
	const version = await createVersion({ ...options, now: () => new Date() }, planId, role, await readJsonBody(req, options.maxBodyBytes));
	options.log.info('saved a version', { plan: planId, version: version.id });
	return sendJson(res, 201, version);
}

async function exportPlan(options: PlansApiOptions, res: ServerResponse, planId: string, format: string): Promise<void> {
	if (!isExportFormat(format)) {
		throw new HttpError(400, 'unknown-format', `unknown export format ${JSON.stringify(format)}; expected one of ${EXPORT_FORMATS.join(', ')}`);
	}
	const result = await readCurrentPlan(options.store, options.registry, planId);
	if (!result.ok) {
		// The shared doc can hold what the file format refuses (e.g. a half-typed variable name).
		throw new HttpError(422, 'invalid-plan', 'the plan does not make a valid plan file right now', { issues: result.errors });
	}
	const body = await renderExport(result.plan, format);
	const name = exportFileName(result.plan.meta.title, format);
	res.writeHead(200, {
		'Content-Type': EXPORT_TYPES[format].mime,
		'Content-Length': body.byteLength,
		// RFC 6266: an ASCII fallback, and the real (often Chinese) title in UTF-8.
		'Content-Disposition': `attachment; filename="${name.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`,
		'Cache-Control': 'no-store',
		'X-Content-Type-Options': 'nosniff'
	});
	res.end(body);
}

/** The role the request's token grants on `planId`, or an HttpError 401/403/404. */
async function authorize(options: PlansApiOptions, req: IncomingMessage, planId: string, queryToken?: string | null): Promise<Role> {
	const access = await authorizePlan(options.store, planId, bearerToken(req) ?? queryToken);
	if (!access.ok) throw new HttpError(access.status, access.code, access.message);
	return access.role;
}

function bearerToken(req: IncomingMessage): string | undefined {
	const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
	return match?.[1];
}

function methodNotAllowed(allow: string): HttpError {
	return new HttpError(405, 'method-not-allowed', `use ${allow}`, {}, { Allow: allow });
}

function safeDecode(segment: string): string {
	try {
		return decodeURIComponent(segment);
	} catch {
		return segment;
	}
}

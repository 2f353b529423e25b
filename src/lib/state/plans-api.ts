/**
 * The browser's client of planbook's REST API (DESIGN §2), on the page's own origin. Every failure
 * becomes a {@link PlansApiError} with a kind the UI can explain; `unreachable` means the request
 * never got an answer (server down, network off).
 */
import type { PlanIssue } from '../domain/plan/types';
import type { PlanRole } from '../storage/database';

export type PlansApiErrorKind = 'unreachable' | 'invalid-plan' | 'unauthorized' | 'forbidden' | 'not-found' | 'server';

export class PlansApiError extends Error {
	override readonly name = 'PlansApiError';
	constructor(
		readonly kind: PlansApiErrorKind,
		readonly status: number,
		/** The validator's issues for `invalid-plan`. */
		readonly issues: readonly PlanIssue[] = []
	) {
		super(`plans API: ${kind}${status ? ` (HTTP ${status})` : ''}`);
	}
}

export type TemplateChoice = 'deep-marketing-ars' | 'marketing-plan' | 'blank';

export interface CreatedPlan {
	id: string;
	tokens: Record<PlanRole, string>;
}

export interface PlanInfo {
	id: string;
	title: string;
	role: PlanRole;
	/** Milliseconds since the epoch, or null when the server did not say. */
	createdAt: number | null;
	updatedAt: number | null;
}

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

function timeOf(value: unknown): number | null {
	if (typeof value === 'number' && Number.isFinite(value)) return value;
	if (typeof value === 'string') {
		const ms = Date.parse(value);
		return Number.isNaN(ms) ? null : ms;
	}
	return null;
}

function roleOf(value: unknown): PlanRole {
	return value === 'owner' || value === 'editor' ? value : 'viewer';
}

function issuesOf(body: unknown): PlanIssue[] {
	const raw = (body as { issues?: unknown } | null)?.issues;
	if (!Array.isArray(raw)) return [];
	return raw
		.filter((i): i is { path: unknown; message: unknown } => typeof i === 'object' && i !== null)
		.map((i) => ({ path: String(i.path ?? '$'), message: String(i.message ?? '') }));
}

export interface CreatedWorkshop {
	id: string;
	trainerToken: string;
	teams: { name: string; planId: string; editorToken: string }[];
}

export interface WorkshopInfo {
	id: string;
	title: string;
	createdAt: string;
	locked: boolean;
	teams: { name: string; planId: string; tokens: { owner: string; editor: string; viewer: string } }[];
}

/** A saved version of a plan, as the server lists it. */
export interface VersionEntry {
	id: string;
	name: string;
	createdAt: string;
	createdBy: string;
	auto: boolean;
}

export class PlansApi {
	readonly #fetch: Fetch;
	readonly #base: string;

	/** @param fetchFn the page's fetch (SvelteKit's in load functions, a stub in tests) */
	constructor(fetchFn: Fetch, base = '') {
		this.#fetch = fetchFn;
		this.#base = base;
	}

	async createFromTemplate(request: { template: TemplateChoice; locale: 'zh-CN' | 'en'; title?: string }): Promise<CreatedPlan> {
		return this.#created(await this.#request('POST', '/api/plans', { body: request }));
	}

	/** Creates a plan from a plan file (validated again by the server). */
	async createFromFile(plan: unknown): Promise<CreatedPlan> {
		return this.#created(await this.#request('POST', '/api/plans', { body: { plan } }));
	}

	async info(id: string, token: string): Promise<PlanInfo> {
		const body = (await this.#request('GET', `/api/plans/${encodeURIComponent(id)}`, { token })) as Record<string, unknown>;
		return {
			id: typeof body.id === 'string' ? body.id : id,
			title: typeof body.title === 'string' ? body.title : '',
			role: roleOf(body.role),
			createdAt: timeOf(body.createdAt),
			updatedAt: timeOf(body.updatedAt)
		};
	}

	/** The plan file as of the plan's current state. */
	async exportJson(id: string, token: string): Promise<unknown> {
		return this.#request('GET', `/api/plans/${encodeURIComponent(id)}/export?format=json`, { token });
	}

	/** Deletes the plan on the server (owner token). */
	async remove(id: string, token: string): Promise<void> {
		await this.#request('DELETE', `/api/plans/${encodeURIComponent(id)}`, { token });
	}

	#created(body: unknown): CreatedPlan {
		const b = body as { id?: unknown; tokens?: Record<string, unknown> } | null;
		const t = b?.tokens;
		if (typeof b?.id !== 'string' || typeof t?.owner !== 'string' || typeof t.editor !== 'string' || typeof t.viewer !== 'string') {
			throw new PlansApiError('server', 201);
		}
		return { id: b.id, tokens: { owner: t.owner, editor: t.editor, viewer: t.viewer } };
	}

	/** Revokes `role`'s share link (owner token) and returns the new token for that role. */
	async rotateToken(id: string, ownerToken: string, role: 'editor' | 'viewer'): Promise<string> {
		const body = (await this.#request('POST', `/api/plans/${encodeURIComponent(id)}/tokens`, { token: ownerToken, body: { role } })) as { token?: unknown };
		if (typeof body.token !== 'string') throw new PlansApiError('server', 200);
		return body.token;
	}

	/** Creates a workshop: one copy of the case per team. */
	async createWorkshop(request: { teams: number; name?: string; case: { template: TemplateChoice; locale: 'zh-CN' | 'en' } | { plan: unknown } }): Promise<CreatedWorkshop> {
		return (await this.#request('POST', '/api/workshops', { body: request })) as CreatedWorkshop;
	}

	/** The workshop a trainer's token opens: its teams and their tokens. */
	async workshop(id: string, trainerToken: string): Promise<WorkshopInfo> {
		return (await this.#request('GET', `/api/workshops/${encodeURIComponent(id)}`, { token: trainerToken })) as WorkshopInfo;
	}

	/** Locks or unlocks a workshop's team plans (trainer token). */
	async lockWorkshop(id: string, trainerToken: string, locked: boolean): Promise<WorkshopInfo> {
		return (await this.#request('POST', `/api/workshops/${encodeURIComponent(id)}/lock`, { token: trainerToken, body: { locked } })) as WorkshopInfo;
	}

	/** The plan's saved versions, newest first. */
	async listVersions(id: string, token: string): Promise<VersionEntry[]> {
		const body = await this.#request('GET', `/api/plans/${encodeURIComponent(id)}/versions`, { token });
		return Array.isArray(body) ? (body as VersionEntry[]) : [];
	}

	/** Saves the plan's state now as a named version. */
	async saveVersion(id: string, token: string, name: string, by: string): Promise<VersionEntry> {
		return (await this.#request('POST', `/api/plans/${encodeURIComponent(id)}/versions`, { token, body: { name, by } })) as VersionEntry;
	}

	/** A version's plan file (unvalidated: the caller parses it). */
	async readVersion(id: string, token: string, versionId: string): Promise<unknown> {
		const body = (await this.#request('GET', `/api/plans/${encodeURIComponent(id)}/versions/${encodeURIComponent(versionId)}`, { token })) as { plan?: unknown };
		return body.plan;
	}

	async #request(method: string, path: string, options: { body?: unknown; token?: string }): Promise<unknown> {
		const headers: Record<string, string> = { Accept: 'application/json' };
		if (options.body !== undefined) headers['Content-Type'] = 'application/json';
		if (options.token) headers.Authorization = `Bearer ${options.token}`;
		let response: Response;
		try {
			response = await this.#fetch(this.#base + path, {
				method,
				headers,
				...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {})
			});
		} catch {
			throw new PlansApiError('unreachable', 0);
		}
		const text = await response.text().catch(() => '');
		let body: unknown = null;
		try {
			body = text === '' ? null : JSON.parse(text);
		} catch {
			body = null;
		}
		if (response.ok) return body;
		const { status } = response;
		// 400 for a refused file; 422 for an export whose live doc is not a valid file right now.
		if ((status === 400 || status === 422) && (body as { error?: unknown } | null)?.error === 'invalid-plan') {
			throw new PlansApiError('invalid-plan', status, issuesOf(body));
		}
		if (status === 401) throw new PlansApiError('unauthorized', status);
		if (status === 403) throw new PlansApiError('forbidden', status);
		if (status === 404) throw new PlansApiError('not-found', status);
		// A proxy's "bad gateway" while the app server is down means it could not be reached.
		if (status === 502 || status === 503 || status === 504) throw new PlansApiError('unreachable', status);
		throw new PlansApiError('server', status);
	}
}

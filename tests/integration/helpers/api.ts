/** REST calls against a test server. */
import { expect } from 'vitest';

export interface CreatedPlan {
	id: string;
	tokens: { owner: string; editor: string; viewer: string };
}

export async function createPlan(baseUrl: string, body: unknown = { template: 'marketing-plan' }): Promise<CreatedPlan> {
	const response = await fetch(`${baseUrl}/api/plans`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify(body)
	});
	expect(response.status, await response.clone().text()).toBe(201);
	return (await response.json()) as CreatedPlan;
}

export async function apiRequest(
	baseUrl: string,
	path: string,
	{ method = 'GET', token, body }: { method?: string; token?: string; body?: unknown } = {}
): Promise<{ status: number; json: unknown; headers: Headers }> {
	const headers: Record<string, string> = {};
	if (token !== undefined) headers.Authorization = `Bearer ${token}`;
	if (body !== undefined) headers['Content-Type'] = 'application/json';
	const response = await fetch(`${baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
	const text = await response.text();
	return { status: response.status, json: text === '' ? undefined : (JSON.parse(text) as unknown), headers: response.headers };
}

/** The plan file the server exports now. */
export async function exportJson(baseUrl: string, planId: string, token: string): Promise<unknown> {
	const { status, json } = await apiRequest(baseUrl, `/api/plans/${planId}/export?format=json`, { token });
	expect(status, JSON.stringify(json)).toBe(200);
	return json;
}

/**
 * REST errors: every failure is JSON `{"error": code, "message": readable, ...details}` with a
 * matching status, so the browser can branch on `error` and show `message`.
 */
import type { ServerResponse } from 'node:http';
import { sendJson } from '../http-app';

export class HttpError extends Error {
	override readonly name = 'HttpError';

	constructor(
		readonly status: number,
		readonly code: string,
		message: string,
		/** Extra fields of the JSON body (e.g. the validator's `issues`). */
		readonly details: Readonly<Record<string, unknown>> = {},
		/** Extra response headers (e.g. `Allow`). */
		readonly headers: Readonly<Record<string, string>> = {}
	) {
		super(message);
	}
}

export function sendHttpError(res: ServerResponse, error: HttpError): void {
	for (const [name, value] of Object.entries(error.headers)) res.setHeader(name, value);
	sendJson(res, error.status, { error: error.code, message: error.message, ...error.details });
}

/**
 * Reads a JSON request body with a size limit. A body over the limit is refused with 413 as soon as
 * the limit is crossed (by Content-Length, or while streaming), without buffering the rest.
 */
import type { IncomingMessage } from 'node:http';
import { findJsonSyntaxError } from '../../src/lib/domain/plan/json-syntax';
import { HttpError } from './http-error';

export async function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<unknown> {
	const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
	if (type !== 'application/json') {
		throw new HttpError(415, 'unsupported-media-type', 'send the body as JSON with Content-Type: application/json');
	}
	const declared = Number(req.headers['content-length']);
	if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);

	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of req as AsyncIterable<Buffer>) {
		size += chunk.byteLength;
		if (size > maxBytes) throw tooLarge(maxBytes);
		chunks.push(chunk);
	}
	const text = Buffer.concat(chunks).toString('utf8');
	if (text.trim() === '') throw new HttpError(400, 'invalid-json', 'the request body is empty; expected JSON');
	try {
		return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as unknown;
	} catch (error) {
		const found = findJsonSyntaxError(text);
		const where = found ? ` at line ${found.line}, column ${found.column}: ${found.message}` : `: ${(error as Error).message}`;
		throw new HttpError(400, 'invalid-json', `the request body is not valid JSON${where}`);
	}
}

function tooLarge(maxBytes: number): HttpError {
	// The connection is closed after the answer: the client may still be sending the rest.
	return new HttpError(413, 'too-large', `the request body is larger than ${maxBytes} bytes`, {}, { Connection: 'close' });
}

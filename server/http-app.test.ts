import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpServer, type HttpAppOptions, type NodeHandler } from './http-app';

const appHandler: NodeHandler = (req, res) => {
	res.writeHead(200, { 'Content-Type': 'text/plain' });
	res.end(`app ${req.method} ${req.url}`);
};

const servers: Server[] = [];

/** Starts a real server on a free loopback port and returns its base URL. */
async function start(options: HttpAppOptions): Promise<string> {
	const server = createHttpServer(options);
	servers.push(server);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return `http://127.0.0.1:${port}`;
}

afterEach(async () => {
	await Promise.all(
		servers.splice(0).map(
			(server) =>
				new Promise<void>((resolve) => {
					server.closeAllConnections();
					server.close(() => resolve());
				})
		)
	);
});

describe('createHttpServer', () => {
	it('answers GET /healthz with 200 {"status":"ok"} as uncached JSON', async () => {
		const base = await start({ handler: appHandler });
		const response = await fetch(`${base}/healthz`);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toMatch(/^application\/json/);
		expect(response.headers.get('cache-control')).toBe('no-store');
		expect(await response.json()).toEqual({ status: 'ok' });
	});

	it('answers /healthz with a query string and HEAD without a body', async () => {
		const base = await start({ handler: appHandler });
		expect((await fetch(`${base}/healthz?probe=1`)).status).toBe(200);
		const head = await fetch(`${base}/healthz`, { method: 'HEAD' });
		expect(head.status).toBe(200);
		expect(await head.text()).toBe('');
	});

	it('refuses other methods on /healthz', async () => {
		const base = await start({ handler: appHandler });
		const response = await fetch(`${base}/healthz`, { method: 'POST' });
		expect(response.status).toBe(405);
		expect(response.headers.get('allow')).toBe('GET, HEAD');
	});

	it('answers 503 while not ready', async () => {
		let ready = false;
		const base = await start({ handler: appHandler, isReady: () => ready });
		const starting = await fetch(`${base}/healthz`);
		expect(starting.status).toBe(503);
		expect(await starting.json()).toEqual({ status: 'starting' });
		ready = true;
		expect((await fetch(`${base}/healthz`)).status).toBe(200);
	});

	it('passes every other path to the app handler, unchanged', async () => {
		const base = await start({ handler: appHandler });
		for (const path of ['/', '/plans/abc?x=1', '/healthz/more', '/healthzz']) {
			const response = await fetch(`${base}${path}`);
			expect(response.status).toBe(200);
			expect(await response.text()).toBe(`app GET ${path}`);
		}
		const post = await fetch(`${base}/form`, { method: 'POST', body: 'a=1' });
		expect(await post.text()).toBe('app POST /form');
	});

	it('sends a route prefix to its handler before the app', async () => {
		const base = await start({
			handler: appHandler,
			routes: [
				{
					prefix: '/api',
					handle: (req, res) => {
						res.end(`api ${req.url}`);
					}
				}
			]
		});
		expect(await (await fetch(`${base}/api`)).text()).toBe('api /api');
		expect(await (await fetch(`${base}/api/plans`)).text()).toBe('api /api/plans');
		expect(await (await fetch(`${base}/apiary`)).text()).toBe('app GET /apiary');
	});

	it('turns a failing handler into a 500 and keeps serving', async () => {
		const errors: unknown[] = [];
		const base = await start({
			handler: async () => {
				throw new Error('boom');
			},
			onError: (error) => errors.push(error)
		});
		const response = await fetch(`${base}/`);
		expect(response.status).toBe(500);
		expect(await response.json()).toEqual({ error: 'internal error' });
		expect(errors).toHaveLength(1);
		expect((await fetch(`${base}/healthz`)).status).toBe(200);
	});
});

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { startServer, type RunningServer } from '../../../server/start-server';
import { PlanConnection } from './connection';
import { EarlyPlanSocket, type PageEarlySocket } from './early-socket';
import { writeMarkdown } from './schema/rich-text';
import { planRoots } from './schema/roots';
import { webSocketBaseUrl } from './socket-url';

/** y-websocket's frames from the server, as the early socket's owner sees them (sync step 2: [0, 1, …]). */
class RecordingWebSocket extends WebSocket {
	static frames: Uint8Array[] = [];
	constructor(url: string | URL, protocols?: string | string[]) {
		super(url, protocols);
		this.on('message', (data: Buffer) => RecordingWebSocket.frames.push(new Uint8Array(data)));
	}
}
const NodeWebSocket = RecordingWebSocket as unknown as typeof globalThis.WebSocket;
const silent = { info: () => {}, warn: () => {}, error: () => {} };

/** app.html's script, which opens the socket before the app's scripts load. */
const PAGE_SCRIPT = /<script>([\s\S]*?)<\/script>/.exec(readFileSync(new URL('../../app.html', import.meta.url), 'utf8'))?.[1] ?? '';

/** Runs app.html's script as a page at `href` would, with `ws` as its WebSocket. */
function runPageScript(href: string): PageEarlySocket | undefined {
	const window: { __planbookEarlySocket?: PageEarlySocket } = {};
	runInNewContext(PAGE_SCRIPT, { window, location: new URL(href), URLSearchParams, Uint8Array, WebSocket: NodeWebSocket });
	const early = window.__planbookEarlySocket;
	if (early) cleanups.push(() => early.socket.close());
	return early;
}

let server: RunningServer;
let dataDir: string;
let wsBase: string;
const cleanups: (() => void)[] = [];

beforeAll(async () => {
	dataDir = mkdtempSync(join(tmpdir(), 'planbook-early-'));
	server = await startServer({ port: 0, dataDir, logger: silent });
	wsBase = `${server.url.replace(/^http/, 'ws')}/ws`;
});
afterAll(async () => {
	await server.close();
	rmSync(dataDir, { recursive: true, force: true });
});
afterEach(() => {
	for (const cleanup of cleanups.splice(0)) cleanup();
	RecordingWebSocket.frames = [];
});

async function until(check: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!check()) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
}

/** A plan on the server with a page of text in its first section, written by a connected owner. */
async function planWithText(): Promise<{ id: string; editor: string; owner: Y.Doc }> {
	const response = await fetch(`${server.url}/api/plans`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({ template: 'marketing-plan' })
	});
	const { id, tokens } = (await response.json()) as { id: string; tokens: { owner: string; editor: string } };
	const owner = new Y.Doc();
	const connection = connect(owner, id, tokens.owner);
	await until(() => connection.status.kind === 'saved', 'the owner to sync');
	owner.transact(() => writeMarkdown(firstBody(owner), 'Early text. '.repeat(2_000)));
	await until(() => connection.status.kind === 'saved', 'the owner’s text to be stored');
	// Only the frames of the sockets under test count from here.
	RecordingWebSocket.frames = [];
	return { id, editor: tokens.editor, owner };
}

function connect(doc: Y.Doc, planId: string, token: string, WebSocketPolyfill: typeof globalThis.WebSocket = NodeWebSocket): PlanConnection {
	const connection = new PlanConnection({ doc, planId, token, url: wsBase, user: null, WebSocketPolyfill });
	cleanups.push(() => connection.destroy());
	return connection;
}

function adopt(page: PageEarlySocket | undefined): EarlyPlanSocket {
	if (!page) throw new Error('the page script opened no socket');
	return new EarlyPlanSocket(page);
}

/** The first section's text, '' until the doc has it. */
function text(doc: Y.Doc): string {
	return planRoots(doc).sections.length > 0 ? firstBody(doc).toString() : '';
}

function firstBody(doc: Y.Doc): Y.XmlFragment {
	const body = planRoots(doc).sections.get(0).get('body');
	if (!(body instanceof Y.XmlFragment)) throw new Error('the first section has no body');
	return body;
}

const stepTwos = (): Uint8Array[] => RecordingWebSocket.frames.filter((f) => f[0] === 0 && f[1] === 1 && f.byteLength > 1_000);

describe('the page script (app.html)', () => {
	it('opens the socket y-websocket’s provider would open, only for a share link', () => {
		const { host } = new URL(server.url);
		const page = runPageScript(`http://${host}/p/p_1-x#token=a%2Bb/c%3D%20`);
		const provider = new WebsocketProvider(webSocketBaseUrl({ protocol: 'http:', host }), 'p_1-x', new Y.Doc(), {
			connect: false,
			params: { token: 'a+b/c=' },
			WebSocketPolyfill: NodeWebSocket
		});
		expect(page?.url).toBe(provider.url);
		expect(page?.planId).toBe('p_1-x');
		provider.destroy();
		for (const href of [`http://${host}/p/p1`, `http://${host}/p/p1#section-2`, `http://${host}/w/p1#token=t`, `http://${host}/p/p1/x#token=t`, `http://${host}/p/%E0%A4%A#token=t`]) {
			expect(runPageScript(href), href).toBeUndefined();
		}
	});
});

describe('EarlyPlanSocket', () => {
	it('applies the plan before the provider exists, which then takes the socket over without asking again', async () => {
		const { id, editor, owner } = await planWithText();
		const page = runPageScript(`${server.url}/p/${id}#token=${editor}`);
		await until(() => stepTwos().length === 1, 'the plan at the page script');
		const early = adopt(page);
		expect(text(early.doc)).toBe(text(owner));

		const connection = connect(early.doc, id, editor, early.webSocketClass(NodeWebSocket));
		// Synced (the empty step 2 in the plan's place) and saved (the server's MESSAGE_SAVED, replayed).
		await until(() => connection.status.kind === 'saved', 'the reader to be synced');
		// The provider's own step 1 was not sent: the plan came once.
		await new Promise((resolve) => setTimeout(resolve, 100));
		expect(stepTwos()).toHaveLength(1);
		// One socket, both ways: the reader's edit reaches the owner.
		firstBody(early.doc).insert(0, [new Y.XmlText('From the reader. ')]);
		await until(() => text(owner).includes('From the reader.'), 'the reader’s edit at the owner');
	});

	it('is taken over before the plan has arrived: the plan is applied when it comes', async () => {
		const { id, editor, owner } = await planWithText();
		const early = adopt(runPageScript(`${server.url}/p/${id}#token=${editor}`));
		await until(() => text(early.doc) === text(owner), 'the plan in the early doc');
		const connection = connect(early.doc, id, editor, early.webSocketClass(NodeWebSocket));
		await until(() => connection.status.kind === 'saved', 'the reader to be synced');
		expect(stepTwos()).toHaveLength(1);
	});

	it('is handed over before the plan has arrived: the provider applies it', async () => {
		const { id, editor, owner } = await planWithText();
		const early = adopt(runPageScript(`${server.url}/p/${id}#token=${editor}`));
		const connection = connect(early.doc, id, editor, early.webSocketClass(NodeWebSocket));
		await until(() => connection.status.kind === 'saved', 'the reader to be synced');
		expect(text(early.doc)).toBe(text(owner));
		expect(stepTwos()).toHaveLength(1);
	});

	it('is closed, and the provider opens its own socket, when the provider asks for another URL', async () => {
		const { id, editor, owner } = await planWithText();
		const early = adopt(runPageScript(`${server.url}/p/${id}#token=someone-else`));
		connect(early.doc, id, editor, early.webSocketClass(NodeWebSocket));
		await until(() => text(early.doc) === text(owner), 'the plan over the provider’s own socket');
	});

	it('replays a refusal, so the provider reports it', async () => {
		const { id } = await planWithText();
		const early = adopt(runPageScript(`${server.url}/p/${id}#token=not-a-token`));
		await new Promise((resolve) => setTimeout(resolve, 200));
		const connection = connect(new Y.Doc(), id, 'not-a-token', early.webSocketClass(NodeWebSocket));
		await until(() => connection.status.kind === 'refused', 'the refusal');
		expect(connection.status).toMatchObject({ kind: 'refused', code: 4401 });
	});
});

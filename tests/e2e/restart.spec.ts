import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { EditorPage } from './pages/editor-page';

/**
 * The server restarts mid-session (here: killed with SIGKILL, the harshest case) and nothing is
 * lost. This spec runs its own server process on its own port and data directory, because the
 * shared Playwright web server cannot be killed from a spec.
 */
const PORT = Number(process.env.PLANBOOK_E2E_PORT ?? 4319) + 7;
const URL = `http://127.0.0.1:${PORT}`;

function startServer(dataDir: string): ChildProcess {
	return spawn('node_modules/.bin/tsx', ['server/main.ts'], {
		env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', PLANBOOK_DATA_DIR: dataDir },
		stdio: 'ignore',
		// Its own process group: tsx runs the server in a child process, and both must die.
		detached: true
	});
}

/** Waits until this spec's own server answers (not a stray one left on the port). */
async function healthy(server: ChildProcess): Promise<void> {
	await expect
		.poll(async () => (await fetch(`${URL}/healthz`).catch(() => null))?.status ?? 0, { timeout: 30_000 })
		.toBe(200);
	expect(server.exitCode, 'the server exited: is the port taken?').toBeNull();
}

async function stop(server: ChildProcess, signal: NodeJS.Signals): Promise<void> {
	if (server.exitCode !== null) return;
	const exited = new Promise((resolve) => server.once('exit', resolve));
	process.kill(-(server.pid as number), signal);
	await exited;
}

test('the server is killed and restarted mid-session; nothing saved or typed meanwhile is lost', async ({ browser }) => {
	// Two server starts and y-websocket's reconnect back-off take longer than the default.
	test.setTimeout(120_000);
	const dataDir = mkdtempSync(join(tmpdir(), 'planbook-restart-'));
	const taken = await fetch(`${URL}/healthz`).then(() => true, () => false);
	expect(taken, `port ${PORT} is already in use`).toBe(false);
	let server = startServer(dataDir);
	const context = await browser.newContext({ locale: 'en-US' });
	try {
		await healthy(server);
		const created = await (
			await fetch(`${URL}/api/plans`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ template: 'blank', locale: 'en' }) })
		).json();
		const editor = new EditorPage(await context.newPage());
		await editor.goto(`${URL}/p/${created.id}#token=${created.tokens.owner}`);
		await editor.ready('Ana');
		await editor.typeInSection('situation', 'Written before the crash.');
		await editor.expectSaved();

		await stop(server, 'SIGKILL');
		await expect(editor.badge).not.toHaveAttribute('data-status', 'saved');
		await editor.typeInSection('situation', 'Written while the server was down.');

		server = startServer(dataDir);
		await healthy(server);
		await editor.expectSaved();

		// A fresh browser profile sees both paragraphs from the server.
		const other = await browser.newContext({ locale: 'en-US' });
		const reader = new EditorPage(await other.newPage());
		await reader.goto(`${URL}/p/${created.id}#token=${created.tokens.editor}`);
		await reader.ready('Bo');
		await expect(reader.text('situation')).toContainText('Written before the crash.');
		await expect(reader.text('situation')).toContainText('Written while the server was down.');
		await other.close();
	} finally {
		await context.close();
		await stop(server, 'SIGTERM');
		rmSync(dataDir, { recursive: true, force: true });
	}
});

import { spawn, type ChildProcess } from 'node:child_process';
import { dropSchema, postgresAvailable, postgresUrl, redisAvailable, redisUrl, uniqueSchema } from '../integration/helpers/services';
import { expect, test } from './fixtures';
import { EditorPage } from './pages/editor-page';

/**
 * Scale-out in real browsers: two planbook processes (the production entry, server/main.ts, with
 * the built app) on one PostgreSQL schema and one Redis prefix; one person opens the plan through
 * each. What one types and computes, the other sees, because the processes share it through Redis
 * and PostgreSQL. Skipped, with the reason, when PostgreSQL or Redis is not running.
 */
const BASE_PORT = Number(process.env.PLANBOOK_E2E_PORT ?? 4319) + 8;
const PORTS = [BASE_PORT, BASE_PORT + 1];

function startProcess(port: number, schema: string, prefix: string): ChildProcess {
	return spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			PLANBOOK_DATABASE_URL: postgresUrl(),
			PLANBOOK_DATABASE_SCHEMA: schema,
			PLANBOOK_REDIS_URL: redisUrl(),
			PLANBOOK_REDIS_PREFIX: prefix
		},
		stdio: 'ignore'
	});
}

async function healthy(port: number, server: ChildProcess): Promise<void> {
	await expect
		.poll(async () => (await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => null))?.status ?? 0, { timeout: 30_000 })
		.toBe(200);
	expect(server.exitCode, `the server on port ${port} exited: is the port taken?`).toBeNull();
}

test('two people on two server processes write one plan and see the same numbers', async ({ browser }) => {
	const services = { PostgreSQL: await postgresAvailable(), Redis: await redisAvailable() };
	const missing = Object.entries(services).filter(([, up]) => !up).map(([name]) => name);
	test.skip(missing.length > 0, `scale-out needs ${missing.join(' and ')} (PostgreSQL at ${postgresUrl()}, Redis at ${redisUrl()})`);
	test.setTimeout(120_000);
	const schema = uniqueSchema('planbook_e2e');
	const prefix = `planbook-e2e-${schema}`;
	const servers = PORTS.map((port) => startProcess(port, schema, prefix));
	const contexts = [await browser.newContext({ locale: 'en-US' }), await browser.newContext({ locale: 'en-US' })];
	try {
		for (const [index, port] of PORTS.entries()) await healthy(port, servers[index] as ChildProcess);
		const response = await fetch(`http://127.0.0.1:${PORTS[0]}/api/plans`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ template: 'marketing-plan', locale: 'en' })
		});
		const created = (await response.json()) as { id: string; tokens: { editor: string } };
		const [ana, bo] = await Promise.all(
			contexts.map(async (context, index) => {
				const editor = new EditorPage(await context.newPage());
				await editor.goto(`http://127.0.0.1:${PORTS[index]}/p/${created.id}#token=${created.tokens.editor}`);
				await editor.ready(index === 0 ? 'Ana' : 'Bo');
				return editor;
			})
		);
		if (!ana || !bo) throw new Error('two editors expected');

		await ana.typeInSection('situation', 'Written through process one.');
		await expect(bo.text('situation')).toContainText('Written through process one.');
		await bo.typeInSection('objectives', '经由第二个进程写入。');
		await expect(ana.text('objectives')).toContainText('经由第二个进程写入。');

		const profitBefore = (await ana.figure('profit').textContent())?.trim();
		await bo.setVariableExpression('unit_cost', '12');
		await expect(ana.variableExpression('unit_cost')).toHaveValue('12');
		await ana.expectSaved();
		await bo.expectSaved();
		await expect(ana.figure('profit')).not.toHaveText(profitBefore ?? '');
		await expect(bo.figure('profit')).toHaveText((await ana.figure('profit').textContent())?.trim() ?? '');
	} finally {
		for (const context of contexts) await context.close();
		for (const server of servers) server.kill('SIGTERM');
		await Promise.all(servers.map((server) => (server.exitCode === null ? new Promise((resolve) => server.once('exit', resolve)) : null)));
		await dropSchema(postgresUrl(), schema);
	}
});

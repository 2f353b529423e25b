/**
 * `planbook export FILE --format md|xlsx|docx|json --out PATH` (DESIGN §8) and
 * `planbook import FILE [--server URL]`: the same exporters and validator as the app.
 */
import { rename, rm, writeFile } from 'node:fs/promises';
import { EXPORT_FORMATS, exportPlan, isExportFormat } from '../../src/lib/export/export-plan.js';
import { parseArgs, singleFile, UsageError } from './args.js';
import type { CommandOutput } from './commands.js';
import { readPlanFile } from './read-plan.js';

export async function exportCommand(argv: readonly string[]): Promise<CommandOutput> {
	const args = parseArgs(argv, { values: ['format', 'out'] });
	const file = singleFile(args, 'export');
	const format = args.values.get('format');
	if (format === undefined) throw new UsageError(`export needs --format, one of ${EXPORT_FORMATS.join(', ')}`);
	if (!isExportFormat(format)) throw new UsageError(`unknown format "${format}"; expected one of ${EXPORT_FORMATS.join(', ')}`);
	const out = args.values.get('out');
	const binary = format === 'docx' || format === 'xlsx';
	if (out === undefined && binary) throw new UsageError(`export --format ${format} needs --out PATH`);
	const plan = await readPlanFile(file);
	const bytes = await exportPlan(plan, format);
	if (out === undefined || out === '-') {
		if (binary) throw new UsageError(`export --format ${format} writes a binary file; give --out PATH`);
		return { stdout: new TextDecoder().decode(bytes), stderr: [], code: 0 };
	}
	// Written beside the target and renamed into place: an interrupted export never leaves half a file.
	const partial = `${out}.partial-${process.pid}`;
	try {
		await writeFile(partial, bytes);
		await rename(partial, out);
	} catch (e) {
		await rm(partial, { force: true });
		const code = (e as NodeJS.ErrnoException).code;
		const why = code === 'ENOENT' ? 'no such directory' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a directory' : (e as Error).message;
		return { stdout: '', stderr: [`${out}: ${why}`], code: 1 };
	}
	return { stdout: '', stderr: [`wrote ${out} (${bytes.byteLength} bytes)`], code: 0 };
}

const DEFAULT_SERVER = 'http://127.0.0.1:3000';

/** The app's share link (the token stays in the fragment, as the editor expects it). */
const shareLink = (server: string, id: string, token: string) => `${server}/p/${encodeURIComponent(id)}#token=${encodeURIComponent(token)}`;

export async function importCommand(argv: readonly string[]): Promise<CommandOutput> {
	const args = parseArgs(argv, { values: ['server'], switches: ['json'] });
	const file = singleFile(args, 'import');
	const server = (args.values.get('server') ?? process.env.PLANBOOK_SERVER ?? DEFAULT_SERVER).replace(/\/+$/, '');
	let base: URL;
	try {
		base = new URL(server);
		if (base.protocol !== 'http:' && base.protocol !== 'https:') throw new Error('not http');
	} catch {
		throw new UsageError(`--server must be an http(s) address like ${DEFAULT_SERVER}, got "${server}"`);
	}
	// Checked here first, so a bad file is explained with its path before anything is sent.
	const plan = await readPlanFile(file);
	let response: Response;
	try {
		response = await fetch(new URL('/api/plans', base), {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ plan })
		});
	} catch (e) {
		const cause = (e as { cause?: { code?: string } }).cause?.code;
		return { stdout: '', stderr: [`planbook import: cannot reach ${server}${cause ? ` (${cause})` : ''}; is the server running?`], code: 1 };
	}
	const body = (await response.json().catch(() => null)) as { id?: string; tokens?: Record<string, string>; message?: string; issues?: { path: string; message: string }[] } | null;
	if (response.status !== 201 || !body?.id || !body.tokens) {
		const issue = body?.issues?.[0];
		const why = issue ? `${issue.path}: ${issue.message}` : (body?.message ?? `HTTP ${response.status}`);
		return { stdout: '', stderr: [`${file}: the server refused the plan: ${why}`], code: 1 };
	}
	const links = Object.fromEntries(Object.entries(body.tokens).map(([role, token]) => [role, shareLink(server, body.id as string, token)]));
	if (args.switches.has('json')) return { stdout: JSON.stringify({ id: body.id, links }, null, 2) + '\n', stderr: [], code: 0 };
	const lines = [`imported "${plan.meta.title}" as ${body.id}`, ...Object.entries(links).map(([role, link]) => `  ${role}: ${link}`)];
	return { stdout: lines.join('\n') + '\n', stderr: [], code: 0 };
}

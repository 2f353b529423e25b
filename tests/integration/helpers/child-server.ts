/**
 * Runs child-server-entry.ts in a child process and waits until it listens. Node itself runs the
 * entry with tsx's loader (`node --import tsx`), not the tsx CLI, which would run the server in a
 * grandchild that survives a SIGKILL of the process we hold.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const ENTRY = fileURLToPath(new URL('./child-server-entry.ts', import.meta.url));

export interface ChildServer {
	url: string;
	wsBase: string;
	child: ChildProcess;
	/** SIGKILL, and wait until the process is gone. */
	kill9(): Promise<void>;
}

/** `env` adds settings (limits, scale-out URLs, PORT to reuse a port after a kill). */
export async function spawnChildServer(dataDir: string, startTimeoutMs = 20_000, env: Record<string, string> = {}): Promise<ChildServer> {
	const child = spawn(process.execPath, ['--import', 'tsx', ENTRY], {
		cwd: ROOT,
		env: { ...process.env, ...env, PLANBOOK_DATA_DIR: dataDir },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let stderr = '';
	child.stderr?.on('data', (chunk: Buffer) => {
		stderr += chunk.toString();
	});
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	const url = await new Promise<string>((resolve, reject) => {
		let stdout = '';
		const timer = setTimeout(() => reject(new Error(`the child server did not start: ${stderr}`)), startTimeoutMs);
		child.stdout?.on('data', (chunk: Buffer) => {
			stdout += chunk.toString();
			const line = stdout.split('\n').find((l) => l.startsWith('{'));
			if (!line) return;
			clearTimeout(timer);
			resolve((JSON.parse(line) as { url: string }).url);
		});
		child.once('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`the child server exited with ${code}: ${stderr}`));
		});
	});
	return {
		url,
		wsBase: `${url.replace(/^http/, 'ws')}/ws`,
		child,
		kill9: async () => {
			child.kill('SIGKILL');
			await exited;
		}
	};
}

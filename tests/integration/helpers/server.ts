/**
 * A real planbook server on a free loopback port, in this process, with a temporary data directory
 * (removed by `cleanupTempDirs`). Logs are collected instead of printed, so tests can check them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServerLimits } from '../../../server/config';
import type { Logger } from '../../../server/log';
import { startServer, type RunningServer } from '../../../server/start-server';

export interface LogEntry {
	level: 'info' | 'warn' | 'error';
	message: string;
	fields: Readonly<Record<string, unknown>>;
}

export interface TestServer extends RunningServer {
	dataDir: string;
	/** `ws://…/ws`, the base y-websocket's provider appends `/<planId>` to. */
	wsBase: string;
	logs: LogEntry[];
}

const tempDirs: string[] = [];

export function tempDataDir(): string {
	const dir = mkdtempSync(join(tmpdir(), 'planbook-it-'));
	tempDirs.push(dir);
	return dir;
}

export function cleanupTempDirs(): void {
	for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export function collectingLogger(logs: LogEntry[]): Logger {
	const push = (level: LogEntry['level']) => (message: string, fields: Readonly<Record<string, unknown>> = {}) => {
		logs.push({ level, message, fields });
	};
	return { info: push('info'), warn: push('warn'), error: push('error') };
}

export async function startTestServer(
	options: { dataDir?: string; port?: number; limits?: Partial<ServerLimits> } = {}
): Promise<TestServer> {
	const dataDir = options.dataDir ?? tempDataDir();
	const logs: LogEntry[] = [];
	const server = await startServer({ port: options.port ?? 0, dataDir, limits: options.limits, logger: collectingLogger(logs) });
	return { ...server, dataDir, logs, wsBase: `${server.url.replace(/^http/, 'ws')}/ws` };
}

// `npm start`: build if needed, then run the server (server/main.ts through tsx) in the
// foreground, forwarding termination signals and passing its exit status on.
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { join } from 'node:path';
import { buildIfStale, ROOT } from './build-stale.mjs';

try {
	await buildIfStale();
} catch (error) {
	console.error(`planbook: ${error instanceof Error ? error.message : String(error)}`);
	process.exit(1);
}

const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
const server = spawn(tsx, [join('server', 'main.ts')], { cwd: ROOT, stdio: 'inherit' });

/** @type {NodeJS.Signals[]} */
const FORWARDED = ['SIGINT', 'SIGTERM', 'SIGHUP'];
for (const signal of FORWARDED) {
	process.on(signal, () => {
		server.kill(signal);
	});
}

server.on('error', (error) => {
	console.error(`planbook: cannot run ${tsx} (${error.message}); run \`npm install\` first`);
	process.exit(1);
});

server.on('exit', (code, signal) => {
	// A child killed by a signal conventionally reports 128 + the signal number.
	process.exit(code ?? 128 + (signal ? constants.signals[signal] : 0));
});

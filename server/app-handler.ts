import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { NodeHandler } from './http-app';

/** The production build is absent: the user has to run `npm run build` (or `npm start`). */
export class MissingBuildError extends Error {
	override readonly name = 'MissingBuildError';

	constructor(readonly handlerPath: string) {
		super(
			`no production build at ${handlerPath}. Run \`npm run build\` first (\`npm start\` builds automatically when needed).`
		);
	}
}

/**
 * Imports the SvelteKit app handler that adapter-node writes to `<buildDir>/handler.js`. The import
 * is dynamic so that the server module loads (and `/healthz` tests run) without a build.
 */
export async function loadAppHandler(buildDir: string): Promise<NodeHandler> {
	const handlerPath = join(buildDir, 'handler.js');
	if (!existsSync(handlerPath)) throw new MissingBuildError(handlerPath);
	const module: unknown = await import(pathToFileURL(handlerPath).href);
	const handler = (module as { handler?: unknown }).handler;
	if (typeof handler !== 'function') {
		throw new Error(`${handlerPath} does not export a request handler; rebuild with \`npm run build\`.`);
	}
	return handler as NodeHandler;
}

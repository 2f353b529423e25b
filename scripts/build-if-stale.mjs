// `node scripts/build-if-stale.mjs`: rebuild the production app only when its sources changed.
import { buildIfStale } from './build-stale.mjs';

try {
	await buildIfStale();
} catch (error) {
	console.error(`planbook: ${error instanceof Error ? error.message : String(error)}`);
	process.exit(1);
}

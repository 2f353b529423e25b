/**
 * Entry of a planbook server in its own process (no SvelteKit build needed), so a test can kill it
 * with SIGKILL. Prints one JSON line `{"url": …}` on stdout once it listens.
 */
import { silentLogger } from '../../../server/log';
import { startServer } from '../../../server/start-server';

const dataDir = process.env.PLANBOOK_DATA_DIR;
if (!dataDir) throw new Error('PLANBOOK_DATA_DIR is required');
const server = await startServer({ port: 0, dataDir, logger: silentLogger() });
process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);

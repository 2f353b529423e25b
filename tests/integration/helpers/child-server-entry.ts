/**
 * Entry of a planbook server in its own process (no SvelteKit build needed), so a test can kill it
 * with SIGKILL. Prints one JSON line `{"url": …}` on stdout once it listens. Reads the limits and the
 * scale-out settings from the environment as main.ts does, plus the test-only PLANBOOK_TEST_DB_SCHEMA
 * and PLANBOOK_TEST_BUS_PREFIX, so each test keeps to its own schema and Redis channels.
 */
import { limitsFromEnv } from '../../../server/config';
import { silentLogger } from '../../../server/log';
import { scaleOutFromEnv } from '../../../server/scale/scale-config';
import { startServer } from '../../../server/start-server';

const dataDir = process.env.PLANBOOK_DATA_DIR;
if (!dataDir) throw new Error('PLANBOOK_DATA_DIR is required');
const server = await startServer({
	port: Number(process.env.PORT ?? 0),
	dataDir,
	logger: silentLogger(),
	limits: limitsFromEnv(process.env),
	...scaleOutFromEnv(process.env),
	...(process.env.PLANBOOK_TEST_DB_SCHEMA ? { databaseSchema: process.env.PLANBOOK_TEST_DB_SCHEMA } : {}),
	...(process.env.PLANBOOK_TEST_BUS_PREFIX ? { busPrefix: process.env.PLANBOOK_TEST_BUS_PREFIX } : {})
});
process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);

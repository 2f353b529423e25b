import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, devices } from '@playwright/test';

/** Fixed port of the e2e server (not vite preview's 4173, so a running preview cannot be mistaken for it). */
const PORT = Number(process.env.PLANBOOK_E2E_PORT ?? 4319);
const BASE_URL = `http://127.0.0.1:${PORT}`;
/** Debian's chromium (apt-get install chromium); Playwright's own browser download is not used. */
const CHROMIUM = process.env.PLANBOOK_CHROMIUM ?? '/usr/bin/chromium';
/** The e2e server's PLANBOOK_DATA_DIR, emptied once per run. */
const DATA_DIR = resolve('test-results', 'e2e-data');
const CI = Boolean(process.env.CI);

// The config is evaluated again in every worker; only the runner process, before it starts the
// web server, may empty the data directory.
if (process.env.TEST_WORKER_INDEX === undefined) rmSync(DATA_DIR, { recursive: true, force: true });

export default defineConfig({
	testDir: 'tests/e2e',
	// Artifacts in a subfolder: Playwright empties outputDir, which must not hold the server's data.
	outputDir: 'test-results/artifacts',
	fullyParallel: false,
	forbidOnly: CI,
	retries: 0,
	workers: CI ? 1 : 2,
	reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
	use: {
		baseURL: BASE_URL,
		locale: 'en-US',
		trace: 'on-first-retry',
		screenshot: 'on'
	},
	projects: [
		{
			name: 'chromium',
			use: {
				...devices['Desktop Chrome'],
				launchOptions: {
					executablePath: CHROMIUM,
					args: [
						'--no-sandbox',
						'--disable-gpu',
						'--disable-background-networking',
						'--disable-component-update'
					]
				}
			}
		}
	],
	webServer: {
		// The production server against build/ (rebuilt first when sources changed, a no-op after
		// `npm run test:e2e`, which already did it).
		command: 'node scripts/build-if-stale.mjs && node_modules/.bin/tsx server/main.ts',
		url: `${BASE_URL}/healthz`,
		// PLANBOOK_DEV_ROUTES serves the editor components bench (/dev/components) for its spec.
		env: { PORT: String(PORT), HOST: '127.0.0.1', PLANBOOK_DATA_DIR: DATA_DIR, PLANBOOK_DEV_ROUTES: '1' },
		reuseExistingServer: !CI,
		timeout: 120_000,
		stderr: 'pipe'
	}
});

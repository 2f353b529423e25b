import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		adapter: adapter({ out: 'build' }),
		// Registered by the pages themselves once they have shown their content: installing downloads
		// the whole app, which must not compete with opening a plan (src/lib/ui/layout/service-worker.ts).
		serviceWorker: { register: false }
	}
};

export default config;

import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// A single-page app: every route renders in the browser (DuckDB-WASM cannot run in SSR).
		adapter: adapter({ pages: 'build', assets: 'build', fallback: '200.html', strict: true }),
		version: { name: process.env.npm_package_version ?? '0.0.0' }
	}
};

export default config;

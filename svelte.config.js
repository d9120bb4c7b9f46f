import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

// Where the app is served, set at build time (docs/deploy.md): '' for a host's root, or a path
// such as `/intersect` (leading slash, no trailing slash) for https://host/intersect/.
const base = (process.env.BASE_PATH ?? '').replace(/\/+$/, '');
if (base && !/^\/[\w.~/-]+$/.test(base))
	throw new Error(`BASE_PATH must look like /intersect (got ${JSON.stringify(base)})`);
// Output folder, so a second build (e.g. the sub-path e2e test's) does not replace build/.
const out = process.env.BUILD_DIR ?? 'build';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// A single-page app: every route is a prerendered shell that renders in the browser
		// (DuckDB-WASM cannot run in SSR); 200.html answers any other path (deep links).
		adapter: adapter({ pages: out, assets: out, fallback: '200.html', strict: true }),
		paths: { base },
		// Each page carries a <meta> policy with the hash of its inline start-up script, so only
		// that inline script runs; WebAssembly needs 'wasm-unsafe-eval', nothing needs eval.
		// The server adds the rest of the policy as a header (docs/deploy.md).
		csp: {
			mode: 'hash',
			directives: { 'script-src': ['self', 'wasm-unsafe-eval'], 'object-src': ['none'] }
		},
		version: { name: process.env.npm_package_version ?? '0.0.0' }
	}
};

export default config;

import { readFile } from 'node:fs/promises';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * Dev server only: serve DuckDB-WASM's prebuilt workers without their `sourceMappingURL`. Their
 * maps name ~120 TypeScript sources that the package does not ship, and Vite warns once per
 * source ("points to a source file outside its package") the first time the app starts.
 */
function duckdbWorkersWithoutSourcemaps(): Plugin {
	return {
		name: 'intersect:duckdb-workers-without-sourcemaps',
		apply: 'serve',
		async load(id) {
			const file = id.replace(/\?.*/, '');
			if (!/[\\/]@duckdb[\\/]duckdb-wasm[\\/]dist[\\/][^\\/]+\.worker\.js$/.test(file)) return null;
			const code = await readFile(file, 'utf8');
			return { code: code.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n'), map: null };
		}
	};
}

/**
 * parquet-wasm's ESM build falls back to `new URL('parquet_wasm_bg.wasm', import.meta.url)`, and
 * Vite copies the 5 MB file into every bundle holding that line: the app's and the decode
 * worker's. The app always passes the URL of its one `?url` copy (src/lib/db/parquet.ts), so the
 * fallback becomes an error and the build writes the .wasm once.
 */
function parquetWasmWithoutFallbackUrl(): Plugin {
	const fallback = "new URL('parquet_wasm_bg.wasm', import.meta.url)";
	return {
		name: 'intersect:parquet-wasm-without-fallback-url',
		enforce: 'pre',
		transform(code, id) {
			if (!/[\\/]parquet-wasm[\\/]esm[\\/]parquet_wasm\.js$/.test(id.replace(/\?.*/, '')))
				return null;
			if (!code.includes(fallback))
				this.error('parquet-wasm no longer has the fallback URL this plugin removes: revisit it');
			const thrown = "(() => { throw new Error('parquet-wasm: pass the .wasm URL'); })()";
			return { code: code.replace(fallback, thrown), map: null };
		}
	};
}

export default defineConfig({
	plugins: [
		// Compiles messages/<locale>.json into typed message functions (src/lib/paraglide, not
		// committed) at dev, build and test start; the plugin module is read from node_modules.
		paraglideVitePlugin({
			project: './project.inlang',
			outdir: './src/lib/paraglide',
			strategy: ['globalVariable', 'baseLocale']
		}),
		sveltekit(),
		duckdbWorkersWithoutSourcemaps(),
		parquetWasmWithoutFallbackUrl()
	],
	// The sample CSVs live in data/ (outside src/) and are imported with `?url`; without this the
	// dev server first asks the router, logs a red 404, and only then serves the file.
	server: { fs: { allow: ['data'] } },
	// Parquet-wasm and DuckDB-WASM ship their own .wasm: keep them out of dependency pre-bundling
	// so the `?url` imports resolve to the real files in dev as in the build.
	optimizeDeps: { exclude: ['@duckdb/duckdb-wasm', 'parquet-wasm'] },
	build: {
		target: 'es2022',
		chunkSizeWarningLimit: 2000,
		// The sample CSVs stay files: inlined as data: URLs they would need `connect-src data:`.
		assetsInlineLimit: (file) => (file.endsWith('.csv') ? false : undefined)
	},
	worker: { format: 'es', plugins: () => [parquetWasmWithoutFallbackUrl()] },
	test: {
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					environment: 'node',
					include: ['tests/unit/**/*.spec.ts'],
					// Sized for a busy two-core machine: starting the wasm engine in a `beforeAll`
					// takes ~2 s idle and over 10 s (vitest's default) under load.
					testTimeout: 60_000,
					hookTimeout: 120_000
				}
			},
			{
				extends: true,
				test: {
					name: 'e2e',
					environment: 'node',
					include: ['tests/e2e/**/*.e2e.ts'],
					testTimeout: 180_000,
					hookTimeout: 180_000,
					// A poll waits for a state the app reaches by itself; on a busy machine that can
					// take far longer than vitest's default 1 s.
					expect: { poll: { timeout: 30_000, interval: 100 } },
					fileParallelism: false
				}
			},
			{
				extends: true,
				test: {
					name: 'screens',
					environment: 'node',
					include: ['tests/screens/**/*.e2e.ts'],
					testTimeout: 180_000,
					hookTimeout: 180_000,
					expect: { poll: { timeout: 30_000, interval: 100 } },
					fileParallelism: false
				}
			}
		]
	}
});

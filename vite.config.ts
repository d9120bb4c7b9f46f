import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	// Parquet-wasm and DuckDB-WASM ship their own .wasm: keep them out of dependency pre-bundling
	// so the `?url` imports resolve to the real files in dev as in the build.
	optimizeDeps: { exclude: ['@duckdb/duckdb-wasm', 'parquet-wasm'] },
	build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
	worker: { format: 'es' },
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

/**
 * The app's real TypeScript for Node: small entries under bench/ (re-exports from src/lib)
 * bundled by Vite's SSR build into bench/.cache/<name>/, so the references and profiles run the
 * dashboard's own SQL and load path instead of copies. Packages stay external.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { build } from 'vite';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Bundle `entry` (relative to the repository) and import it (about 0.1 s). */
export async function bundle(entry, name) {
	const outDir = path.join(ROOT, 'bench/.cache', name);
	await build({
		configFile: false,
		logLevel: 'warn',
		root: ROOT,
		// The app's `$lib` imports, as SvelteKit resolves them.
		resolve: { alias: { $lib: path.join(ROOT, 'src/lib') } },
		// Rune modules (`*.svelte.ts`, the i18n language state that error messages import) compiled
		// as SvelteKit compiles them for the server; without it `$state` is undefined in Node.
		plugins: [svelte({ configFile: false })],
		build: {
			ssr: path.join(ROOT, entry),
			outDir,
			emptyOutDir: true,
			minify: false,
			rollupOptions: { output: { entryFileNames: `${name}.mjs` } }
		}
	});
	// A query string per build, so a re-bundle in the same process is re-imported.
	return import(`${pathToFileURL(path.join(outDir, `${name}.mjs`))}?t=${Date.now()}`);
}

/** The dashboard's SQL builders and view maths (bench/queries-entry.ts). */
export const loadQueryBuilders = () => bundle('bench/queries-entry.ts', 'queries');

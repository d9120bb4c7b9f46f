/**
 * `npm run bench`: builds the app, generates the benchmark datasets (bench/data/, git-ignored),
 * measures cold start, uploads, filter clicks, memory and the PapaParse baseline in headless
 * Chromium, then native DuckDB references on the same files and queries; writes
 * bench/results.json, prints the ratios of issue 7 and (after a full run) updates the table in
 * docs/PERFORMANCE.md. Not part of `npm test`. Options:
 *   --sizes=10k,100k,1m   which datasets (default: all three)
 *   --runs=N              uploads per format and size (default 3)
 *   --cold-runs=N         cold starts (default 5)
 *   --no-build            use the existing build/
 *   --only=ingest         uploads only: no cold start, filter clicks, PapaParse or native runs
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch } from '../bench/lib/browser.mjs';
import { ensureDataset } from '../bench/lib/generate.mjs';
import { coldStart } from '../bench/lib/ingest.mjs';
import { measureSize } from '../bench/lib/measure-size.mjs';
import { nativeReference } from '../bench/lib/native.mjs';
import { loadQueryBuilders } from '../bench/lib/queries.mjs';
import { detailTable, machineLine, ratios, ratioTable, updateDocs } from '../bench/lib/report.mjs';
import { serve, snapshotBuild } from '../bench/lib/server.mjs';
import { median } from '../bench/lib/stats.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const SIZES = { '10k': 10_000, '100k': 100_000, '1m': 1_000_000 };
const NATIVE_RUNS = 3;

const args = Object.fromEntries(
	process.argv.slice(2).map((a) => {
		const [k, v] = a.replace(/^--/, '').split('=');
		return [k, v ?? true];
	})
);
const sizes = args.sizes ? String(args.sizes).split(',') : Object.keys(SIZES);
for (const s of sizes)
	if (!(s in SIZES)) throw new Error(`unknown size ${s} (${Object.keys(SIZES)})`);
const runsFor = () => Number(args.runs ?? 3);
const ingestOnly = args.only === 'ingest';
const coldRuns = ingestOnly ? 0 : Number(args['cold-runs'] ?? 5);
const started = performance.now();
const log = (line) =>
	console.log(`[${((performance.now() - started) / 1000).toFixed(0)} s] ${line}`);
const git = (...a) => execFileSync('git', a, { cwd: ROOT, encoding: 'utf8' }).trim();

const machine = {
	cpus: os.cpus().length,
	cpuModel: os.cpus()[0]?.model ?? 'unknown',
	memoryBytes: os.totalmem(),
	platform: `${os.type()} ${os.release()}`,
	node: process.version,
	loadavgStart: os.loadavg(),
	git: { commit: git('rev-parse', 'HEAD'), dirty: git('status', '--porcelain', 'src').length > 0 },
	measuredAt: new Date().toISOString()
};

if (!args['no-build']) {
	log('vite build');
	const viteBuild = () =>
		execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
	try {
		viteBuild();
	} catch {
		// A build running at the same time elsewhere in this tree shares .svelte-kit/output.
		log('vite build failed; once more in 10 s');
		await new Promise((r) => setTimeout(r, 10_000));
		viteBuild();
	}
}
snapshotBuild();
const datasets = {};
for (const s of sizes) {
	const dir = path.join(ROOT, 'bench/data', s);
	datasets[s] = { dir, manifest: await ensureDataset(dir, SIZES[s]) };
	log(`dataset ${s}: ${datasets[s].manifest.fresh ? 'generated' : 'up to date'}`);
}
const queries = await loadQueryBuilders();

const results = { version: 1, options: { sizes, coldRuns }, machine, sizes: {} };
const server = await serve();
const browser = await launch();
machine.chromium = browser.version();
try {
	const cold = [];
	for (let i = 0; i < coldRuns; i++) cold.push(await coldStart(browser, server.origin));
	results.coldStart = cold.length
		? {
				medianColdStartMs: median(cold.map((c) => c.coldStartMs)),
				medianEngineStartMs: median(cold.map((c) => c.engineStartMs)),
				medianEngineReadyAtMs: median(cold.map((c) => c.engineReadyAtMs)),
				runs: cold
			}
		: null;
	if (cold.length)
		log(
			`cold start ${Math.round(results.coldStart.medianColdStartMs)} ms, engine start ${Math.round(results.coldStart.medianEngineStartMs)} ms`
		);
	for (const s of sizes) {
		const { dir, manifest } = datasets[s];
		const opts = { name: s, dir, rows: manifest.rows, runs: runsFor(s), log, ingestOnly };
		results.sizes[s] = {
			rows: manifest.rows,
			fileBytes: manifest.files,
			browser: await measureSize(browser, server.origin, opts)
		};
	}
} finally {
	await browser.close();
	await server.close();
}

// Native references after the browser is gone, so the two never share the two cores.
for (const s of ingestOnly ? [] : sizes) {
	const steps = results.sizes[s].browser.filters.steps;
	const native = await nativeReference(queries, datasets[s].dir, {
		runs: NATIVE_RUNS,
		urls: steps.map((x) => x.url)
	});
	const wrong = steps.filter((x, i) => x.outcomes !== native.oneThread.views[i].outcomes);
	if (wrong.length)
		throw new Error(`${s}: KPI outcomes differ from native DuckDB at ${wrong.map((w) => w.url)}`);
	results.sizes[s].native = native;
	log(
		`native ${s}: CSV ${Math.round(native.oneThread.load.csv.medianMs)} ms, Parquet ${Math.round(native.oneThread.load.parquet.medianMs)} ms, queries ${Math.round(native.oneThread.queriesMedianMs)} ms (1 thread)`
	);
}

machine.loadavgEnd = os.loadavg();
machine.durationMs = performance.now() - started;
results.ratios = ratios(results);
writeFileSync(path.join(ROOT, 'bench/results.json'), JSON.stringify(results, null, '\t'));
const markdown = `${ratioTable(results.ratios)}\n\n${detailTable(results)}\n\nMachine: ${machineLine(machine)}`;
console.log(`\n${markdown}\n`);
const full =
	sizes.length === Object.keys(SIZES).length && !args.runs && !args['cold-runs'] && !args.only;
if (full && (await updateDocs(path.join(ROOT, 'docs/PERFORMANCE.md'), markdown)))
	log('docs/PERFORMANCE.md updated');
log(`done in ${Math.round(machine.durationMs / 1000)} s; bench/results.json written`);

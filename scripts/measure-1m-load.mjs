// Measures loading a 1,000,000-row outcomes export (CSV ~55 MB, and the same as Parquet) in the
// built app in headless Chromium: wall time until the load is live and until the KPIs show it,
// the time of each stage, and the main thread's long tasks (PerformanceObserver 'longtask').
// Not part of `npm test` (about a minute per run). Usage:
//   TZ=UTC npx vite build && TZ=UTC node scripts/measure-1m-load.mjs [runs=3]
// Data is generated once into the git-ignored bench/data/, results go to bench/data/measure-1m-load.json.
import {
	createReadStream,
	createWriteStream,
	existsSync,
	mkdirSync,
	statSync,
	writeFileSync
} from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { once } from 'node:events';
import { DuckDBInstance } from '@duckdb/node-api';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(import.meta.dirname, '..');
const BUILD = path.join(ROOT, 'build');
const DATA = path.join(ROOT, 'bench/data');
const ROWS = 1_000_000;
const RUNS = Number(process.argv[2] ?? 3);
const CSV = path.join(DATA, 'outcomes-1m.csv');
const PARQUET = path.join(DATA, 'outcomes-1m.parquet');

// Ids the bundled sample has, so the rows are clean (no warning per row).
const THEMES = ['gender', 'events', 'membership', 'geospatial', 'accessibility', 'communications'];
const TYPES = ['decision', 'action', 'report', 'publication', 'event', 'other'];
const STATUSES = ['planned', 'in_progress', 'completed', 'cancelled'];
const SECTORS = ['BR', 'TSB', 'BDT', 'GS', 'TSB;BDT', 'BR;TSB;GS'];

async function generate() {
	mkdirSync(DATA, { recursive: true });
	if (!existsSync(CSV)) {
		const out = createWriteStream(CSV);
		out.write('outcome_id,meeting_no,date,theme_id,title,type,status,sectors\n');
		let chunk = '';
		for (let i = 1; i <= ROWS; i++) {
			const y = 2015 + (i % 8);
			const m = String(1 + (i % 12)).padStart(2, '0');
			const d = String(1 + (i % 28)).padStart(2, '0');
			chunk += `B${i},${1 + (i % 46)},${y}-${m}-${d},${THEMES[i % 6]},Outcome ${i},${TYPES[i % 6]},${STATUSES[i % 4]},${SECTORS[(i * 7) % 6]}\n`;
			if (chunk.length > 1 << 20) {
				if (!out.write(chunk)) await once(out, 'drain');
				chunk = '';
			}
		}
		out.end(chunk);
		await once(out, 'finish');
	}
	if (!existsSync(PARQUET)) {
		const db = await DuckDBInstance.create(':memory:');
		const c = await db.connect();
		await c.run(`COPY (SELECT * REPLACE (string_split(sectors, ';') AS sectors)
			FROM read_csv('${CSV}', types = {'meeting_no': 'INTEGER', 'date': 'DATE'}))
			TO '${PARQUET}' (FORMAT parquet, COMPRESSION snappy)`);
		c.closeSync();
		db.closeSync();
	}
}

function serve() {
	const mime = {
		'.html': 'text/html',
		'.js': 'text/javascript',
		'.css': 'text/css',
		'.wasm': 'application/wasm',
		'.csv': 'text/csv'
	};
	const server = createServer((req, res) => {
		let file = path.join(BUILD, decodeURIComponent(new URL(req.url, 'http://x').pathname));
		if (!file.startsWith(BUILD)) return void res.writeHead(403).end();
		if (!existsSync(file) || statSync(file).isDirectory()) file = path.join(BUILD, 'index.html');
		res.writeHead(200, { 'content-type': mime[path.extname(file)] ?? 'application/octet-stream' });
		createReadStream(file).pipe(res);
	});
	return new Promise((r) => server.listen(0, '127.0.0.1', () => r(server)));
}

// Installed before the app: long tasks and the progress bar's stage changes, with timestamps.
function instrument() {
	window.__longtasks = [];
	window.__stages = [];
	new PerformanceObserver((list) => {
		for (const e of list.getEntries())
			window.__longtasks.push({ start: e.startTime, duration: e.duration });
	}).observe({ type: 'longtask', buffered: true });
	let last = '';
	new MutationObserver(() => {
		const s = document.querySelector('section[data-stage]')?.getAttribute('data-stage') ?? '';
		if (s !== last) window.__stages.push({ stage: s || 'done', t: performance.now() });
		last = s;
	}).observe(document, {
		subtree: true,
		childList: true,
		attributes: true,
		attributeFilter: ['data-stage']
	});
}

async function measure(browser, origin, file) {
	const context = await browser.newContext();
	await context.route('**/*', (r) =>
		r.request().url().startsWith(origin) ? r.continue() : r.abort()
	);
	const page = await context.newPage();
	await page.addInitScript(instrument);
	await page.goto(origin);
	await page.locator('[data-kpi="outcomes"]').waitFor({ timeout: 60_000 });
	await page.waitForTimeout(1000);
	const t0 = await page.evaluate(() => performance.now());
	await page.getByLabel('Upload exports (CSV or Parquet)').setInputFiles(file);
	await page
		.getByRole('region', { name: 'Load result' })
		.getByRole('status')
		.filter({ hasText: 'Loaded' })
		.waitFor({ timeout: 300_000 });
	const live = await page.evaluate(() => performance.now());
	await page.waitForFunction(
		(n) =>
			document.querySelector('[data-kpi="outcomes"]')?.getAttribute('data-value') === String(n),
		ROWS,
		{ polling: 100, timeout: 120_000 }
	);
	const shown = await page.evaluate(() => performance.now());
	await page.waitForTimeout(500);
	const { longtasks, stages } = await page.evaluate(() => ({
		longtasks: window.__longtasks,
		stages: window.__stages
	}));
	await context.close();
	const during = longtasks.filter((l) => l.start + l.duration >= t0 && l.start <= shown);
	const stageTimes = {};
	stages
		.filter((s) => s.t >= t0)
		.forEach((s, i, all) => {
			const next = all[i + 1]?.t ?? live;
			if (s.stage !== 'done')
				stageTimes[s.stage] = Math.round((stageTimes[s.stage] ?? 0) + next - s.t);
		});
	return {
		liveMs: Math.round(live - t0),
		kpisShownMs: Math.round(shown - t0),
		longestTaskMs: Math.round(Math.max(0, ...during.map((l) => l.duration))),
		longTasks: during.length,
		over200ms: during.filter((l) => l.duration > 200).length,
		stagesMs: stageTimes,
		// Sanity check that the observer works: the app's own start has long tasks.
		startupLongestTaskMs: Math.round(
			Math.max(0, ...longtasks.filter((l) => l.start < t0).map((l) => l.duration))
		)
	};
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

if (!existsSync(path.join(BUILD, 'index.html')))
	throw new Error('run `TZ=UTC npx vite build` first');
await generate();
const server = await serve();
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	headless: true,
	args: [
		'--no-sandbox',
		'--disable-gpu',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync',
		'--no-first-run',
		'--disable-quic',
		'--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost'
	]
});
const results = {};
for (const [kind, file] of [
	['csv', CSV],
	['parquet', PARQUET]
]) {
	const runs = [];
	for (let i = 0; i < RUNS; i++) {
		runs.push(await measure(browser, origin, file));
		console.log(kind, `run ${i + 1}`, JSON.stringify(runs.at(-1)));
	}
	results[kind] = {
		file: path.relative(ROOT, file),
		megabytes: +(statSync(file).size / 1024 ** 2).toFixed(1),
		rows: ROWS,
		median: {
			liveMs: median(runs.map((r) => r.liveMs)),
			kpisShownMs: median(runs.map((r) => r.kpisShownMs)),
			longestTaskMs: median(runs.map((r) => r.longestTaskMs))
		},
		worstLongestTaskMs: Math.max(...runs.map((r) => r.longestTaskMs)),
		runs
	};
}
const version = browser.version();
await browser.close();
server.close();
const out = {
	measuredAt: new Date().toISOString(),
	chromium: version,
	cores: (await import('node:os')).cpus().length,
	results
};
writeFileSync(path.join(DATA, 'measure-1m-load.json'), JSON.stringify(out, null, '\t'));
console.log(
	JSON.stringify(
		Object.fromEntries(
			Object.entries(results).map(([k, v]) => [
				k,
				{ megabytes: v.megabytes, ...v.median, worstLongestTaskMs: v.worstLongestTaskMs }
			])
		),
		null,
		2
	)
);

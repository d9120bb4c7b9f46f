/**
 * Profile: the main thread during filter clicks on a loaded dataset (CDP Profiler on the page),
 * next to the in-page latency and query time. Shows how much of a click is main-thread work
 * (Arrow -> rows, Svelte, d3 layout) and how much is waiting for the DuckDB worker. Serves the
 * snapshot `npm run bench` left in bench/.cache/build.
 *   node bench/profile/filter-click.mjs [size=1m]
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { launch, openPage } from '../lib/browser.mjs';
import { filterClicks } from '../lib/filters.mjs';
import { TABLES } from '../lib/generate.mjs';
import { serve } from '../lib/server.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');
const size = process.argv[2] ?? '1m';
const rows = JSON.parse(
	(await import('node:fs')).readFileSync(
		path.join(ROOT, 'bench/data', size, 'manifest.json'),
		'utf8'
	)
).rows;
const server = await serve();
const browser = await launch();
try {
	const { page } = await openPage(browser, server.origin);
	await page.goto(`${server.origin}/`);
	await page.locator('[data-kpi="outcomes"]').waitFor({ timeout: 120_000 });
	await page
		.getByLabel('Upload exports (CSV or Parquet)', { exact: true })
		.setInputFiles(TABLES.map((t) => path.join(ROOT, 'bench/data', size, `${t}.csv`)));
	await page.waitForFunction(
		(n) =>
			document.querySelector('[data-kpi="outcomes"]')?.getAttribute('data-value') === String(n),
		rows.outcomes,
		{ timeout: 600_000 }
	);
	await page.waitForTimeout(1000);
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Profiler.enable');
	await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
	await cdp.send('Profiler.start');
	const t0 = performance.now();
	const steps = await filterClicks(page, [
		{ sector: 'BR' },
		{ sector: 'TSB' },
		{ theme: 3 },
		{ year: 2019 },
		{ removeChip: 'Period' },
		{ sector: '' }
	]);
	const wall = performance.now() - t0;
	const { profile } = await cdp.send('Profiler.stop');
	writeFileSync(path.join(ROOT, 'bench/.cache/filter-click.cpuprofile'), JSON.stringify(profile));
	const byId = new Map(profile.nodes.map((n) => [n.id, n]));
	const self = new Map();
	profile.samples.forEach((id, i) => {
		const n = byId.get(id);
		const key = n.callFrame.functionName || `(anonymous ${path.basename(n.callFrame.url || '?')})`;
		const cat = ['(idle)', '(program)', '(garbage collector)'].includes(key)
			? key
			: `${key} ${path.basename(n.callFrame.url || '')}`;
		self.set(cat, (self.get(cat) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
	});
	const total = [...self.values()].reduce((a, b) => a + b, 0);
	const idle = self.get('(idle)') ?? 0;
	console.log(
		`${steps.length} clicks, ${Math.round(wall)} ms wall (incl. 250 ms settle each); latency ${steps.map((s) => Math.round(s.latencyMs)).join(', ')} ms; queries ${steps.map((s) => Math.round(s.queriesMs)).join(', ')} ms`
	);
	console.log(
		`main thread: ${Math.round(total)} ms profiled, ${Math.round(idle)} ms idle, ${Math.round(total - idle)} ms busy`
	);
	for (const [k, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 12))
		console.log(`${Math.round(ms).toString().padStart(6)} ms  ${k}`);
} finally {
	await browser.close();
	await server.close();
}

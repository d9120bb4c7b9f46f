/**
 * Everything measured in Chromium for one dataset size: CSV and Parquet uploads (medians over
 * runs; the first CSV run also runs the filter-click script), and the PapaParse baseline.
 */
import path from 'node:path';
import { TABLES } from './generate.mjs';
import { filterClicks } from './filters.mjs';
import { ingestRun } from './ingest.mjs';
import { papaParseRun } from './papaparse.mjs';
import { median, percentile } from './stats.mjs';

const max = (xs) => Math.max(...xs);

function summarise(runs) {
	const peak = (k) => max(runs.map((r) => r.memory.run[k]));
	return {
		medianIngestMs: median(runs.map((r) => r.ingestMs)),
		medianLoadedMs: median(runs.map((r) => r.loadedMs)),
		medianLoadToChartsMs: median(runs.map((r) => r.loadToChartsMs)),
		longestTaskMs: max(runs.map((r) => r.longestTaskMs)),
		memory: {
			jsHeapPeakBytes: peak('jsHeapPeakBytes'),
			rendererRssPeakBytes: peak('rendererRssPeakBytes'),
			rendererHwmBytes: peak('rendererHwmBytes')
		},
		reload: runs.some((r) => r.reload)
			? {
					medianFirstChartMs: median(runs.map((r) => r.reload.firstChartMs)),
					medianEngineReadyAtMs: median(runs.map((r) => r.reload.engineReadyAtMs)),
					medianConfirmedMs: median(runs.map((r) => r.reload.confirmedMs))
				}
			: null,
		runs: runs.map(({ after: _after, ...r }) => r)
	};
}

function filterSummary(steps) {
	const lat = steps.map((s) => s.latencyMs);
	return {
		p50Ms: percentile(lat, 50),
		p95Ms: percentile(lat, 95),
		maxMs: max(lat),
		queriesMedianMs: median(steps.map((s) => s.queriesMs)),
		extraRefreshes: steps.filter((s) => s.refreshes > 1).length,
		steps
	};
}

/** Measure one size in `browser`; `log` gets a line per run; `ingestOnly` skips clicks and PapaParse. */
export async function measureSize(browser, origin, { name, dir, rows, runs, log, ingestOnly }) {
	const out = {};
	for (const format of ['csv', 'parquet']) {
		const files = TABLES.map((t) => path.join(dir, `${t}.${format}`));
		const results = [];
		for (let i = 0; i < runs; i++) {
			const withClicks = format === 'csv' && i === 0 && !ingestOnly;
			const r = await ingestRun(browser, origin, {
				files,
				rows,
				after: withClicks ? (page) => filterClicks(page) : undefined,
				reload: format === 'csv' && !ingestOnly
			});
			if (r.outside.length || r.errors.length)
				throw new Error(
					`${name} ${format}: outside requests ${r.outside} / page errors ${r.errors}`
				);
			if (withClicks) out.filters = filterSummary(r.after);
			results.push(r);
			log(
				`${name} ${format} run ${i + 1}/${runs}: ingest ${Math.round(r.ingestMs)} ms (loaded ${Math.round(r.loadedMs)}), longest task ${Math.round(r.longestTaskMs)} ms` +
					(withClicks
						? `, filter p50/p95 ${Math.round(out.filters.p50Ms)}/${Math.round(out.filters.p95Ms)} ms`
						: '')
			);
		}
		out[format] = summarise(results);
	}
	if (ingestOnly) return out;
	const urls = TABLES.map((t) => `${origin}/__bench/data/${name}/${t}.csv`);
	const papa = [];
	for (let i = 0; i < runs; i++) papa.push(await papaParseRun(browser, origin, urls));
	const expected = Object.values(rows).reduce((a, b) => a + b, 0);
	if (papa.some((p) => p.rows !== expected))
		throw new Error(`${name}: PapaParse read ${papa[0].rows} rows, expected ${expected}`);
	out.papaparse = {
		medianMs: median(papa.map((p) => p.parseMs)),
		runsMs: papa.map((p) => p.parseMs)
	};
	log(`${name} PapaParse: ${Math.round(out.papaparse.medianMs)} ms`);
	return out;
}

/**
 * From measurements to the ratios and the markdown tables printed by `npm run bench`
 * and kept in docs/PERFORMANCE.md.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import * as prettier from 'prettier';
import { round } from './stats.mjs';

const HEADLINE = '1m';

/** The targets: id, what is divided by what, the bound, and the direction. */
const TARGETS = [
	['csvIngest', '1M-row CSV ingest: Intersect / native DuckDB 1 thread', 2.0, '<='],
	['parquetIngest', '1M-row Parquet ingest: Intersect / native DuckDB 1 thread', 3.0, '<='],
	['papaParse', 'PapaParse parse time / Intersect CSV ingest (1M)', 3, '>='],
	['filterP95', 'filter click to all charts updated, p95 at 1M rows / 100 ms', 1.0, '<='],
	['filterP95100k', 'same at 100k rows / 100 ms', 0.5, '<='],
	['queries', 'dashboard queries, DuckDB-WASM / native 1 thread (1M, median view)', 2.0, '<='],
	['longestTask', 'longest main-thread task during ingest / 200 ms', 1.0, '<='],
	['coldStart', 'cold start → first chart / engine ready (fresh profile, sample)', 0.5, '<='],
	['reload', 'reload with the 1M upload stored → first chart / engine ready', 0.5, '<=']
];

const div = (a, b) => (a === null || a === undefined || !b ? null : a / b);

/** The ratios of `results` against the targets (null where a size was not run). */
export function ratios(results) {
	const s = results.sizes[HEADLINE];
	const native1 = s?.native?.oneThread;
	const tasks = Object.values(results.sizes).flatMap((x) =>
		['csv', 'parquet'].map((f) => x.browser?.[f]?.longestTaskMs ?? null)
	);
	const value = {
		csvIngest: div(s?.browser?.csv?.medianIngestMs, native1?.load.csv.medianMs),
		parquetIngest: div(s?.browser?.parquet?.medianIngestMs, native1?.load.parquet.medianMs),
		papaParse: div(s?.browser?.papaparse?.medianMs, s?.browser?.csv?.medianIngestMs),
		filterP95: div(s?.browser?.filters?.p95Ms, 100),
		filterP95100k: div(results.sizes['100k']?.browser?.filters?.p95Ms, 100),
		reload: div(
			s?.browser?.csv?.reload?.medianFirstChartMs,
			s?.browser?.csv?.reload?.medianEngineReadyAtMs
		),
		queries: div(s?.browser?.filters?.queriesMedianMs, native1?.queriesMedianMs),
		longestTask: tasks.some((t) => t !== null)
			? Math.max(...tasks.filter((t) => t !== null)) / 200
			: null,
		coldStart: div(results.coldStart?.medianColdStartMs, results.coldStart?.medianEngineReadyAtMs)
	};
	return TARGETS.map(([id, label, target, op]) => {
		const v = value[id];
		const met = v === null ? null : op === '<=' ? v <= target : v >= target;
		return { id, label, value: round(v, 2), target, op, met };
	});
}

const ms = (x) =>
	x === null || x === undefined
		? '–'
		: x >= 10_000
			? `${(x / 1000).toFixed(1)} s`
			: `${Math.round(x)} ms`;
const mb = (x) =>
	!x
		? '–'
		: x < 10 * 1024 ** 2
			? `${(x / 1024 ** 2).toFixed(1)} MB`
			: `${Math.round(x / 1024 ** 2)} MB`;

/** The ratios as a markdown table. */
export function ratioTable(rs) {
	const rows = rs.map(
		(r) =>
			`| ${r.label} | ${r.value ?? '–'} | ${r.op} ${r.target} | ${r.met === null ? 'not run' : r.met ? 'met' : '**missed**'} |`
	);
	return ['| ratio | measured | target | result |', '|---|---|---|---|', ...rows].join('\n');
}

const table = (head, rows) =>
	[
		`| ${head.join(' | ')} |`,
		`|${head.map(() => '---').join('|')}|`,
		...rows.map((r) => `| ${r.join(' | ')} |`)
	].join('\n');

/** The run whose ingest time is the median (the lower middle one for an even count). */
const medianRun = (runs = []) =>
	[...runs].sort((a, b) => a.ingestMs - b.ingestMs)[(runs.length - 1) >> 1];

/** Per-size numbers behind the ratios, as markdown tables. */
export function detailTable(results) {
	const sizes = Object.entries(results.sizes);
	const app = table(
		[
			'rows',
			'CSV ingest',
			'Parquet ingest',
			'filter p50 / p95',
			'queries per view (WASM)',
			'longest task CSV / Parquet',
			'peak renderer RSS CSV / Parquet',
			'peak main JS heap'
		],
		sizes.map(([size, { browser: b = {} }]) => [
			size,
			ms(b.csv?.medianIngestMs),
			ms(b.parquet?.medianIngestMs),
			`${ms(b.filters?.p50Ms)} / ${ms(b.filters?.p95Ms)}`,
			ms(b.filters?.queriesMedianMs),
			`${ms(b.csv?.longestTaskMs)} / ${ms(b.parquet?.longestTaskMs)}`,
			`${mb(b.csv?.memory?.rendererHwmBytes)} / ${mb(b.parquet?.memory?.rendererHwmBytes)}`,
			mb(Math.max(b.csv?.memory?.jsHeapPeakBytes ?? 0, b.parquet?.memory?.jsHeapPeakBytes ?? 0))
		])
	);
	const refs = table(
		[
			'rows',
			'files CSV / Parquet',
			'native load CSV (1 thread / default)',
			'native load Parquet (1 thread / default)',
			'native queries per view (1 thread / default)',
			'PapaParse parse'
		],
		sizes.map(([size, s]) => {
			const [n1, nd] = [s.native?.oneThread, s.native?.defaultThreads];
			const bytes = (ext) =>
				Object.entries(s.fileBytes ?? {}).reduce((n, [f, b]) => n + (f.endsWith(ext) ? b : 0), 0);
			return [
				size,
				`${mb(bytes('.csv'))} / ${mb(bytes('.parquet'))}`,
				`${ms(n1?.load.csv.medianMs)} / ${ms(nd?.load.csv.medianMs)}`,
				`${ms(n1?.load.parquet.medianMs)} / ${ms(nd?.load.parquet.medianMs)}`,
				`${ms(n1?.queriesMedianMs)} / ${ms(nd?.queriesMedianMs)}`,
				ms(s.browser?.papaparse?.medianMs)
			];
		})
	);
	const stageNames = ['reading', 'decoding', 'parsing', 'validating', 'loading'];
	const stages = table(
		['rows', 'format', ...stageNames, '"Loaded" → charts drawn', 'ingest', 'until saved'],
		sizes.flatMap(([size, { browser: b = {} }]) =>
			['csv', 'parquet'].flatMap((f) => {
				const r = medianRun(b[f]?.runs);
				return r
					? [
							[
								size,
								f,
								...stageNames.map((n) => ms(r.stagesMs[n])),
								ms(r.loadToChartsMs),
								ms(r.ingestMs),
								ms(r.savedMs)
							]
						]
					: [];
			})
		)
	);
	const c = results.coldStart;
	const cold = c
		? `Cold start (fresh profile, bundled sample, median of ${c.runs.length}): first chart ${ms(c.medianColdStartMs)} after navigation; engine ready ${ms(c.medianEngineReadyAtMs)} after navigation, of which ${ms(c.medianEngineStartMs)} instantiating DuckDB-WASM (\`intersect:engine-start\` → \`intersect:engine-ready\`).`
		: '';
	const reloads = sizes
		.filter(([, s]) => s.browser?.csv?.reload)
		.map(([size, s]) => {
			const r = s.browser.csv.reload;
			return `${size}: first chart ${ms(r.medianFirstChartMs)}, engine ready ${ms(r.medianEngineReadyAtMs)}, the engine's own figures shown ${ms(r.medianConfirmedMs)}`;
		});
	const reload = reloads.length
		? `Reload with the CSV upload stored (from the reload's navigation; medians): ${reloads.join('; ')}.`
		: '';
	return [
		'Intersect in Chromium (medians over runs; filter clicks and queries over the click script):',
		app,
		'References on the same files (native DuckDB in Node, same machine, after the browser closed; PapaParse in the same Chromium):',
		refs,
		'Ingest stages of the median run (from the progress bar; "until saved" includes the IndexedDB save after the charts):',
		stages,
		cold,
		reload
	].join('\n\n');
}

/** The machine line for the docs. */
export function machineLine(m) {
	return `${m.cpus} × ${m.cpuModel}, ${Math.round(m.memoryBytes / 1024 ** 3)} GB RAM, ${m.platform}; Chromium ${m.chromium} (headless, /usr/bin/chromium); Node ${m.node}; measured ${m.measuredAt.slice(0, 16)}Z on ${m.git.commit.slice(0, 7)}${m.git.dirty ? ' + uncommitted changes' : ''}; load average before/after ${m.loadavgStart.map((x) => x.toFixed(2)).join(' ')} / ${m.loadavgEnd.map((x) => x.toFixed(2)).join(' ')}; bench took ${Math.round(m.durationMs / 1000)} s.`;
}

/**
 * Replace the generated block of `file` (between the bench:results markers) and format the file
 * with the project's Prettier settings, so `npm run lint` stays clean; false without the markers.
 */
export async function updateDocs(file, markdown) {
	const [start, end] = ['<!-- bench:results:start -->', '<!-- bench:results:end -->'];
	const text = readFileSync(file, 'utf8');
	const [i, j] = [text.indexOf(start), text.indexOf(end)];
	if (i < 0 || j < i) return false;
	const next = `${text.slice(0, i + start.length)}\n\n${markdown}\n\n${text.slice(j)}`;
	const options = { ...(await prettier.resolveConfig(file)), filepath: file };
	writeFileSync(file, await prettier.format(next, options));
	return true;
}

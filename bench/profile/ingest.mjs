/**
 * Profile: the app's own load path (prepareBatch + commitBatch, validation included) on DuckDB-WASM
 * in Node (the unit tests' engine, no worker), every SQL statement timed. Prints the slowest
 * statements and the total per statement kind.
 *   node bench/profile/ingest.mjs [size=1m|10k|100k|sample] [csv|parquet] [top=12] [fast|precise]
 * (`sample` is the bundled sample in data/, which every cold start loads this way.)
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { TABLES } from '../lib/generate.mjs';
import { bundle } from '../lib/queries.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');
const [size = '1m', format = 'csv', top = '12', validation = 'fast'] = process.argv.slice(2);
const dir = size === 'sample' ? path.join(ROOT, 'data') : path.join(ROOT, 'bench/data', size);
const app = await bundle('bench/profile/ingest-entry.ts', 'ingest');
const conn = await app.openNodeEngine();
await conn.query(app.initDatasetSql());

const log = [];
const timed =
	(name, fn) =>
	async (...a) => {
		const t0 = performance.now();
		const c0 = process.cpuUsage();
		try {
			return await fn(...a);
		} finally {
			const c = process.cpuUsage(c0);
			// CPU time of this process (the engine runs in it): robust to other work on the machine.
			const cpu = (c.user + c.system) / 1000;
			log.push({
				name,
				sql: typeof a[0] === 'string' ? a[0] : '',
				ms: performance.now() - t0,
				cpu
			});
		}
	};
const profiled = {
	...conn,
	query: timed('query', conn.query),
	insertArrowIPC: timed('insertArrowIPC', conn.insertArrowIPC),
	registerFile: timed('registerFile', conn.registerFile)
};
const files = TABLES.map((t) => ({
	name: `${t}.${format}`,
	bytes: new Uint8Array(readFileSync(path.join(dir, `${t}.${format}`)))
}));
const stages = [];
const t0 = performance.now();
const batch = await app.prepareBatch(profiled, {
	files,
	decodeParquet: timed('decodeParquet', app.decodeParquetNode),
	path: validation,
	onProgress: (p) => stages.push({ ...p, t: performance.now() - t0 })
});
const prepared = performance.now() - t0;
await app.commitBatch(profiled, batch, { source: 'upload' });
const total = performance.now() - t0;
const cpuTotal = log.reduce((n, e) => n + e.cpu, 0);
console.log(
	`engine calls: ${Math.round(cpuTotal)} ms CPU of ${Math.round(log.reduce((n, e) => n + e.ms, 0))} ms wall`
);
console.log(
	`${size} ${format}: prepare ${Math.round(prepared)} ms, commit ${Math.round(total - prepared)} ms, ${log.length} engine calls, errors ${batch.errorCount}, warnings ${batch.warningCount}`
);
const kind = (e) =>
	e.name !== 'query'
		? e.name
		: e.sql
				.trim()
				.split(/\s+/)
				.slice(0, 4)
				.join(' ')
				.replace(/"[^"]*"/g, '…');
const byKind = new Map();
for (const e of log) byKind.set(kind(e), (byKind.get(kind(e)) ?? 0) + e.ms);
console.log(
	'by kind:',
	[...byKind]
		.sort((a, b) => b[1] - a[1])
		.slice(0, 10)
		.map(([k, ms]) => `${k}: ${Math.round(ms)} ms`)
		.join('; ')
);
for (const e of [...log].sort((a, b) => b.ms - a.ms).slice(0, Number(top)))
	console.log(
		`${Math.round(e.ms).toString().padStart(6)} ms (cpu ${Math.round(e.cpu).toString().padStart(6)})  ${e.name === 'query' ? e.sql.replace(/\s+/g, ' ').slice(0, 150) : e.name}`
	);

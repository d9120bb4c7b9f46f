/**
 * Profile: each dashboard query for a few views, DuckDB-WASM (the same eh build, in Node, no
 * worker) against native DuckDB at 1 thread, on the bench dataset of one size. Data is loaded
 * with exact types (no validation): only the queries are compared.
 *   node bench/profile/queries.mjs [1m]
 */
import path from 'node:path';
import { filtersOf, loadNative, openNative } from '../lib/native.mjs';
import { loadQueryBuilders } from '../lib/queries.mjs';
import { median } from '../lib/stats.mjs';
import { loadWasm, openWasm } from './wasm.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');
const size = process.argv[2] ?? '1m';
const dir = path.join(ROOT, 'bench/data', size);
const VIEWS = [
	'/',
	'/?sector=BR',
	'/?theme=multilingualism',
	'/?from=2019-01-01&to=2019-12-31&theme=multilingualism'
];
const NAMES = [
	'kpis',
	'meetingsPerYear',
	'themeSector',
	'statusTrend',
	'sectorCollaboration',
	'themeTrends',
	'attendance'
];

const q = await loadQueryBuilders();
const wasm = await openWasm();
console.log(`WASM load (read_csv, typed, no validation): ${Math.round(loadWasm(wasm, q, dir))} ms`);
const native = await openNative(1);
console.log(`native load: ${Math.round(await loadNative(native.conn, q, dir, 'csv'))} ms`);
const last = wasm.conn.query(q.dataExtentSql()).toArray()[0].last;

const time = async (run) => {
	const ts = [];
	for (let i = 0; i < 3; i++) {
		const t0 = performance.now();
		await run();
		ts.push(performance.now() - t0);
	}
	return median(ts);
};
for (const v of VIEWS) {
	const { filters } = filtersOf(q, `http://x${v}`, last);
	const sqls = [
		q.kpisSql(filters),
		q.meetingsPerYearSql(filters),
		q.themeSectorSql(filters),
		q.statusTrendSql(filters),
		q.sectorCollaborationSql(filters),
		q.themeTrendsSql(filters),
		q.attendanceBySectorSql(filters)
	];
	const rows = [];
	for (const [i, sql] of sqls.entries()) {
		const w = await time(() => wasm.conn.query(sql));
		const n = await time(() => native.conn.runAndReadAll(sql));
		rows.push(`${NAMES[i]} ${Math.round(w)}/${Math.round(n)}`);
	}
	console.log(v.padEnd(52), 'WASM/native ms:', rows.join(', '));
}

/**
 * Profile: what two proposed data layouts would cost in DuckDB-WASM (Node) on a bench dataset,
 * without changing the app: the sectors as an integer bitmask beside the list, and a
 * pre-aggregated cube (by day or by month) per (period, theme, status, sectors). Times one grouped
 * scan (year, theme, status, sectors) of the kind that could feed the KPIs and five charts.
 *   node bench/profile/prototypes.mjs [size=1m]
 */
import path from 'node:path';
import { loadQueryBuilders } from '../lib/queries.mjs';
import { median } from '../lib/stats.mjs';
import { loadWasm, openWasm } from './wasm.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');
const size = process.argv[2] ?? '1m';
const MASK = `(list_contains(sectors, 'BR')::UTINYINT + 2 * list_contains(sectors, 'TSB')::UTINYINT
  + 4 * list_contains(sectors, 'BDT')::UTINYINT + 8 * list_contains(sectors, 'GS')::UTINYINT)`;
const VIEWS = [
	['unfiltered', '', ''],
	['sector=BR', `WHERE list_contains(sectors, 'BR')`, 'WHERE m & 1 <> 0'],
	['one theme', `WHERE theme_id = 'multilingualism'`, `WHERE theme_id = 'multilingualism'`]
];

const wasm = await openWasm();
loadWasm(wasm, await loadQueryBuilders(), path.join(ROOT, 'bench/data', size));
const once = (sql) => {
	const t0 = performance.now();
	const r = wasm.conn.query(sql);
	return { ms: performance.now() - t0, rows: r.numRows };
};
const time = (label, sql) => {
	const runs = [once(sql), once(sql), once(sql)];
	console.log(
		`${label.padEnd(58)} ${Math.round(median(runs.map((r) => r.ms)))} ms, ${runs[0].rows} rows`
	);
};
const count = (t) => Number(wasm.conn.query(`SELECT count(*) AS n FROM ${t}`).toArray()[0].n);

let { ms } = once(`ALTER TABLE outcomes ADD COLUMN m UTINYINT; UPDATE outcomes SET m = ${MASK}`);
console.log(`bitmask column added at load: ${Math.round(ms)} ms`);
({ ms } =
	once(`CREATE TABLE cube_day AS SELECT date AS d, theme_id, status, m, count(*)::INTEGER AS n
  FROM outcomes GROUP BY ALL`));
console.log(`day cube built at load: ${Math.round(ms)} ms, ${count('cube_day')} rows`);
({ ms } = once(`CREATE TABLE cube_month AS SELECT date_trunc('month', date)::DATE AS d, theme_id,
  status, m, count(*)::INTEGER AS n FROM outcomes GROUP BY ALL`));
console.log(`month cube built at load: ${Math.round(ms)} ms, ${count('cube_month')} rows`);
for (const [view, lists, masks] of VIEWS) {
	const by = 'year(date) AS y, theme_id, status';
	time(
		`${view}: outcomes, sectors list as key`,
		`SELECT ${by}, sectors, count(*) FROM outcomes ${lists} GROUP BY ALL`
	);
	time(
		`${view}: outcomes, bitmask computed`,
		`SELECT ${by}, ${MASK} AS k, count(*) FROM outcomes ${lists} GROUP BY ALL`
	);
	time(
		`${view}: outcomes, bitmask stored`,
		`SELECT ${by}, m, count(*) FROM outcomes ${masks} GROUP BY ALL`
	);
	for (const cube of ['cube_day', 'cube_month'])
		time(
			`${view}: ${cube}`,
			`SELECT year(d) AS y, theme_id, status, m, sum(n) FROM ${cube} ${masks} GROUP BY ALL`
		);
}

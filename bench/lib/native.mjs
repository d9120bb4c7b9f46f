/**
 * The native reference: DuckDB (@duckdb/node-api) loading the same files into the app's live
 * schema (initDatasetSql, from the real builders) and running the dashboard's own queries.
 */
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { TABLES, readCsvSql, selectList } from './generate.mjs';
import { median } from './stats.mjs';

/** A fresh in-memory DuckDB limited to `threads` (null: DuckDB's default, one per core). */
export async function openNative(threads) {
	const db = await DuckDBInstance.create(':memory:');
	const conn = await db.connect();
	if (threads) await conn.run(`SET threads = ${threads}`);
	const [row] = await (
		await conn.runAndReadAll(`SELECT current_setting('threads') AS t`)
	).getRowObjectsJS();
	return { db, conn, threads: Number(row.t) };
}

/** Load the dataset in `dir` (`csv` or `parquet` files) into the live tables; milliseconds. */
export async function loadNative(conn, q, dir, format) {
	const t0 = performance.now();
	await conn.run(q.initDatasetSql());
	for (const t of TABLES) {
		const file = path.join(dir, `${t}.${format}`);
		const from =
			format === 'csv'
				? `SELECT ${selectList(t)} FROM ${readCsvSql(t, file)}`
				: `SELECT * FROM read_parquet('${file}')`;
		await conn.run(`INSERT INTO ${t} BY NAME ${from}`);
	}
	// The app builds its outcomes cube in the load's commit; so does the reference.
	await conn.run(q.outcomeCubeSql());
	return performance.now() - t0;
}

/** The SQL the dashboard runs for one view (DashboardData.refresh), in its order. */
export function viewQueries(q, filters, previous) {
	return [
		q.kpisSql(filters),
		...(previous ? [q.kpisSql(previous)] : []),
		q.meetingsPerYearSql(filters),
		q.themeSectorSql(filters),
		q.statusTrendSql(filters),
		q.sectorCollaborationSql(filters),
		q.themeTrendsSql(filters),
		q.attendanceBySectorSql(filters)
	];
}

/** Filters of the view a dashboard URL shows, exactly as the page derives them. */
export function filtersOf(q, url, lastDate) {
	const view = q.parseView(new URL(url).searchParams);
	const period = q.resolvePeriod(view, lastDate);
	const prev = q.previousPeriod(period);
	return {
		filters: q.viewFilters(view, period),
		previous: prev ? q.viewFilters(view, prev) : null
	};
}

async function rows(conn, sql) {
	return (await conn.runAndReadAll(sql)).getRowObjectsJS();
}

/**
 * Time every view's queries (run one after another, results read), after the first view once
 * untimed. Returns per-view milliseconds and each view's KPI outcome count (to check the browser).
 */
export async function timeViews(conn, q, urls) {
	const [{ last }] = await rows(conn, q.dataExtentSql());
	const views = urls.map((u) => filtersOf(q, u, last));
	for (const sql of viewQueries(q, views[0].filters, views[0].previous)) await rows(conn, sql);
	const out = [];
	for (const v of views) {
		const t0 = performance.now();
		let kpis;
		for (const sql of viewQueries(q, v.filters, v.previous)) {
			const r = await rows(conn, sql);
			kpis ??= r[0];
		}
		out.push({ ms: performance.now() - t0, outcomes: Number(kpis.outcomes) });
	}
	return out;
}

/**
 * Native references for one dataset: load time per format (median of `runs`, fresh database each)
 * and the dashboard queries for `urls`, at 1 thread and at the default thread count.
 */
export async function nativeReference(q, dir, { runs, urls }) {
	const out = {};
	for (const threads of [1, null]) {
		const key = threads ? 'oneThread' : 'defaultThreads';
		const r = { load: {} };
		for (const format of ['csv', 'parquet']) {
			const times = [];
			for (let i = 0; i < runs; i++) {
				const n = await openNative(threads);
				times.push(await loadNative(n.conn, q, dir, format));
				r.threads = n.threads;
				if (format === 'csv' && i === runs - 1 && urls.length)
					r.views = await timeViews(n.conn, q, urls);
				n.conn.closeSync();
				n.db.closeSync();
			}
			r.load[format] = { medianMs: median(times), runsMs: times };
		}
		r.queriesMedianMs = r.views ? median(r.views.map((v) => v.ms)) : null;
		out[key] = r;
	}
	return out;
}

/**
 * An independent oracle for end-to-end checks: native DuckDB (@duckdb/node-api) reads the CSV
 * files directly and computes the KPIs from the metric definitions in docs/metrics.md, without
 * any of the app's SQL.
 */
import { DuckDBInstance } from '@duckdb/node-api';

/** Expected KPI values of a dataset given as CSV paths (all with canonical sector codes). */
export async function referenceKpis(files: {
	meetings: string;
	themes: string;
	outcomes: string;
}): Promise<Record<string, number>> {
	const db = await DuckDBInstance.create(':memory:');
	const conn = await db.connect();
	const q = async (sql: string, params: string[]) => {
		const r = await conn.runAndReadAll(sql, params);
		return Number(Object.values((await r.getRowObjectsJS())[0]!)[0]);
	};
	const csv = 'read_csv($1, all_varchar = true)';
	const out = {
		meetings: await q(`SELECT count(*) FROM ${csv}`, [files.meetings]),
		participants: await q(`SELECT sum(participants::INTEGER) FROM ${csv}`, [files.meetings]),
		themes: await q(`SELECT count(*) FROM ${csv}`, [files.themes]),
		outcomes: await q(`SELECT count(*) FROM ${csv}`, [files.outcomes]),
		'completion-rate': await q(
			`SELECT count(*) FILTER (WHERE status = 'completed') / count(*) FILTER (WHERE status <> 'cancelled') FROM ${csv}`,
			[files.outcomes]
		),
		'cross-sector-share': await q(
			`SELECT avg(CASE WHEN len(list_distinct(string_split(sectors, ';'))) >= 2 THEN 1 ELSE 0 END) FROM ${csv}`,
			[files.outcomes]
		)
	};
	conn.closeSync();
	db.closeSync();
	return out;
}

/** Count outcomes in a CSV (canonical `;`-separated sectors) matching a SQL predicate on its text columns. */
export async function referenceCount(file: string, where: string): Promise<number> {
	const db = await DuckDBInstance.create(':memory:');
	const conn = await db.connect();
	const r = await conn.runAndReadAll(
		`SELECT count(*) AS n FROM read_csv($1, all_varchar = true) WHERE ${where}`,
		[file]
	);
	const n = Number((await r.getRowObjectsJS())[0]!.n);
	conn.closeSync();
	db.closeSync();
	return n;
}

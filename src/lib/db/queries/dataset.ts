/** SQL for the dataset itself: the live tables, their provenance record, and the atomic swap. */
import { CONTRACT, type TableName } from '../../contract/contract';
import { ident, listLiteral, literal } from '../sql';
import { sqlType } from './validate';

/** Row of `liveTablesSql`. */
export interface LiveTableRow {
	name: string;
}

/** Names of the base tables in the main schema. */
export function liveTablesSql(): string {
	return `SELECT table_name AS name FROM duckdb_tables() WHERE schema_name = 'main' AND NOT temporary`;
}

/** Create the provenance table and an empty live table per contract table (idempotent). */
export function initDatasetSql(): string {
	const tables = CONTRACT.map(
		(t) =>
			`CREATE TABLE IF NOT EXISTS ${ident(t.name)} (${t.columns
				.map((c) => `${ident(c.name)} ${sqlType(c)}`)
				.join(', ')});`
	);
	return [
		`CREATE TABLE IF NOT EXISTS _dataset (table_name VARCHAR PRIMARY KEY, source VARCHAR, files VARCHAR[], "rows" BIGINT, loaded_at TIMESTAMP);`,
		...tables
	].join('\n');
}

/** One transaction: drop each live table, rename its staging table in, record the provenance. */
export function commitSql(o: {
	tables: { table: TableName; rows: number; files: string[]; staging: string }[];
	source: 'sample' | 'upload';
}): string {
	const steps = o.tables.flatMap((t) => [
		`DROP TABLE IF EXISTS ${ident(t.table)};`,
		`ALTER TABLE ${ident(t.staging)} RENAME TO ${ident(t.table)};`,
		`INSERT OR REPLACE INTO _dataset VALUES (${literal(t.table)}, ${literal(o.source)}, ${listLiteral(t.files)}, ${t.rows}, now()::TIMESTAMP);`
	]);
	return ['BEGIN TRANSACTION;', ...steps, 'COMMIT;'].join('\n');
}

/** Row of `datasetStatusSql`: one per contract table. */
export interface DatasetStatusRow {
	table: TableName;
	source: 'sample' | 'upload' | null;
	files: string[] | null;
	rows: number;
}

/** Row counts and provenance of every contract table. */
export function datasetStatusSql(): string {
	const counts = CONTRACT.map(
		(t) => `SELECT ${literal(t.name)} AS t, count(*)::INTEGER AS n FROM ${ident(t.name)}`
	).join(' UNION ALL ');
	return `SELECT c.t AS "table", d.source, d.files, c.n AS "rows"
FROM (${counts}) c LEFT JOIN _dataset d ON d.table_name = c.t`;
}

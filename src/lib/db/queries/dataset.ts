/** SQL for the dataset itself: the live tables, their provenance record, and the atomic swap. */
import { CONTRACT, type TableName } from '../../contract/contract';
import { ident, listLiteral, literal } from '../sql';
import { initOutcomeCubeSql, outcomeCubeSql } from './cube';
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
		...tables,
		initOutcomeCubeSql()
	].join('\n');
}

/** How a load changes a live table: replace its rows, or append to them. */
export type LoadMode = 'replace' | 'append';

/** A staging table ready to go live. */
export interface CommitTable {
	table: TableName;
	rows: number;
	files: string[];
	staging: string;
}

/**
 * One transaction that puts staging tables live and records their provenance. `replace`: drop
 * each live table and rename its staging table in. `append`: the live rows followed by the
 * staging rows (columns matched by name; an extra column only one side has is NULL on the other).
 * `source` per table overrides `source`.
 */
export function commitSql(o: {
	tables: (CommitTable & { source?: 'sample' | 'upload' })[];
	source: 'sample' | 'upload';
	mode?: LoadMode;
}): string {
	const steps = o.tables.flatMap((t) => {
		const [live, stg, source] = [ident(t.table), ident(t.staging), literal(t.source ?? o.source)];
		if (o.mode === 'append') {
			const merged = ident(`${t.staging}_merged`);
			return [
				`CREATE TABLE ${merged} AS SELECT * FROM ${live} UNION ALL BY NAME SELECT * FROM ${stg};`,
				`DROP TABLE ${live};`,
				`ALTER TABLE ${merged} RENAME TO ${live};`,
				`DROP TABLE ${stg};`,
				`INSERT OR REPLACE INTO _dataset SELECT ${literal(t.table)}, ${source},
  list_concat(coalesce((SELECT files FROM _dataset WHERE table_name = ${literal(t.table)}), []::VARCHAR[]), ${listLiteral(t.files)}::VARCHAR[]),
  (SELECT count(*) FROM ${live}), now()::TIMESTAMP;`
			];
		}
		return [
			`DROP TABLE IF EXISTS ${live};`,
			`ALTER TABLE ${stg} RENAME TO ${live};`,
			`INSERT OR REPLACE INTO _dataset VALUES (${literal(t.table)}, ${source}, ${listLiteral(t.files)}::VARCHAR[], ${t.rows}, now()::TIMESTAMP);`
		];
	});
	// The cube follows the outcomes in the same transaction: no query sees one without the other.
	const cube = o.tables.some((t) => t.table === 'outcomes') ? [outcomeCubeSql()] : [];
	return ['BEGIN TRANSACTION;', ...steps, ...cube, 'COMMIT;'].join('\n');
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

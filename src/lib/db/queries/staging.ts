/**
 * The load path's table plumbing: staging tables and views created, renamed, counted and dropped,
 * DuckDB's CSV reader with its rejects tables, and the checked relation's problem lists. Every
 * name passes through `ident`, every value through `literal` or a typed number.
 */
import { ident, literal } from '../sql';

/** `CREATE OR REPLACE [TEMP] TABLE|VIEW name AS select`. */
export function createAsSql(
	name: string,
	select: string,
	o: { temp?: boolean; view?: boolean } = {}
): string {
	return `CREATE OR REPLACE ${o.temp ? 'TEMP ' : ''}${o.view ? 'VIEW' : 'TABLE'} ${ident(name)} AS ${select}`;
}

export const dropTableSql = (name: string): string => `DROP TABLE IF EXISTS ${ident(name)}`;
export const dropViewSql = (name: string): string => `DROP VIEW IF EXISTS ${ident(name)}`;

/** Table `from` becomes `to` (replacing it): no copy of the data. */
export function renameTableSql(from: string, to: string): string {
	return `${dropTableSql(to)}; ALTER TABLE ${ident(from)} RENAME TO ${ident(to)}`;
}

export function dropColumnSql(table: string, column: string): string {
	return `ALTER TABLE ${ident(table)} DROP COLUMN ${ident(column)}`;
}

export const COMMIT_SQL = 'COMMIT';
/** Undo an open transaction (after a failed commit or a refused workspace statement). */
export const ROLLBACK_SQL = 'ROLLBACK';
/** The workspace's statements run inside this: the live tables cannot be changed. */
export const BEGIN_READ_ONLY_SQL = 'BEGIN TRANSACTION READ ONLY';

/** Row of `columnTypesSql`. */
export interface ColumnTypeRow {
	column_name: string;
	column_type: string;
}

/** Each column of `table` with its DuckDB type, in order. */
export function columnTypesSql(table: string): string {
	return `SELECT column_name, column_type FROM (DESCRIBE ${ident(table)})`;
}

/** The rows of `table` (the first `limit`, if given) as the expressions `columns` (quoted). */
export function selectSql(table: string, columns: readonly string[], limit?: number): string {
	const head = limit === undefined ? '' : ` LIMIT ${Math.trunc(limit)}`;
	return `SELECT ${columns.join(', ')} FROM ${ident(table)}${head}`;
}

/** Every row of `source` (a relation expression) numbered as a spreadsheet does: `_row` from 2. */
export function numberedSql(source: string): string {
	return `SELECT (row_number() OVER () + 1)::INTEGER AS _row, * FROM ${source}`;
}

/** One row per record of `source`, no columns read (counting records only). */
export const recordsOnlySql = (source: string): string => `SELECT NULL AS x FROM ${source}`;

/** Relations (SELECT statements) stacked, columns matched by name. */
export function unionByNameSql(selects: readonly string[]): string {
	return selects.map((s) => `SELECT * FROM (${s})`).join('\nUNION ALL BY NAME\n');
}

/**
 * DuckDB's CSV reader over registered file `file`: every column as text `c0..c(n-1)`, records
 * that do not fit the header (ragged, broken quoting) left out and stored in `rejects`
 * (+ `rejects`_scan) instead of padded away.
 */
export function csvReaderSql(o: {
	file: string;
	columns: number;
	delimiter: string;
	rejects: string;
}): string {
	const columns = `{${Array.from({ length: o.columns }, (_, i) => `${literal(`c${i}`)}: 'VARCHAR'`).join(', ')}}`;
	// auto_detect off: the dialect is known, and DuckDB's sniffer would record each reject twice.
	return `read_csv(${literal(o.file)}, auto_detect = false,
  header = true, columns = ${columns}, delim = ${literal(o.delimiter)}, quote = '"', escape = '"',
  null_padding = false, ignore_errors = true, store_rejects = true, rejects_table = ${literal(o.rejects)},
  rejects_scan = ${literal(`${o.rejects}_scan`)}, max_line_size = 4000000)`;
}

/** Row of `csvRejectsSql`. */
export interface CsvRejectRow {
	line: number;
	error_type: string;
	error_message: string;
}

/** The rejected records of a `csvReaderSql` read, one row per line. */
export function csvRejectsSql(rejects: string): string {
	return `SELECT line::INTEGER AS line, first(error_type::VARCHAR) AS error_type, first(error_message) AS error_message
FROM ${ident(rejects)} GROUP BY line ORDER BY line`;
}

export function dropCsvRejectsSql(rejects: string): string {
	return `${dropTableSql(rejects)}; ${dropTableSql(`${rejects}_scan`)};`;
}

/**
 * Table `into` from `from` (records numbered 2..n+1 as read, in `_row`) with `_row` as the
 * spreadsheet row: the lines in `skipped` (rejected records, blank lines) counted too.
 */
export function renumberSql(o: { into: string; from: string; skipped: readonly number[] }): string {
	const skipped = o.skipped.map((n) => Math.trunc(n)).join(', ');
	return `CREATE OR REPLACE TEMP TABLE ${ident(o.into)} AS
SELECT l.line::INTEGER AS _row, t.* EXCLUDE (_row) FROM ${ident(o.from)} t JOIN (
  SELECT line, row_number() OVER (ORDER BY line) AS rn
  FROM range(2, (SELECT count(*) FROM ${ident(o.from)}) + ${o.skipped.length} + 2) r(line)
  WHERE line NOT IN (SELECT unnest([${skipped}]::BIGINT[]))) l ON l.rn = t._row - 1`;
}

/** Row of `severityCountsSql`. */
export interface SeverityCountsRow {
	errors: number;
	warnings: number;
}

/** Errors and warnings in problems table `problems`. */
export function severityCountsSql(problems: string): string {
	return `SELECT count(*) FILTER (WHERE severity = 'error')::INTEGER AS errors,
       count(*) FILTER (WHERE severity = 'warning')::INTEGER AS warnings FROM ${ident(problems)}`;
}

/** Row of `loadedPerFileSql`. */
export interface LoadedPerFileRow {
	fi: number;
	loaded: number;
}

/** Rows of checked relation `checked` that load (no error in `problems`), per file index. */
export function loadedPerFileSql(o: { checked: string; problems: string; clean: boolean }): string {
	const errorFree = o.clean
		? ''
		: `
WHERE NOT EXISTS (SELECT 1 FROM ${ident(o.problems)} p WHERE p.severity = 'error' AND p._fi = k._fi AND p._key = k._row)`;
	return `SELECT _fi AS fi, count(*)::INTEGER AS loaded FROM ${ident(o.checked)} k${errorFree}
GROUP BY _fi`;
}

/** The first `limit` problems listed. */
export function problemRowsSql(problems: string, limit: number): string {
	return `SELECT * FROM ${ident(problems)} LIMIT ${Math.trunc(limit)}`;
}

/** Delete from `table` the records (`_k`) that have an error in `problems`. */
export function deleteErrorRowsSql(table: string, problems: string): string {
	return `DELETE FROM ${ident(table)} WHERE _k IN (SELECT _key FROM ${ident(problems)} WHERE severity = 'error')`;
}

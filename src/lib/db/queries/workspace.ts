/**
 * SQL of the analyst workspace: the schema browser's catalog queries and the starter queries.
 * Internal tables (`_dataset`, `_…`, the loader's `stg_…`) are hidden from the browser.
 */
import { ident, literal } from '../sql';

/** Row of `catalogTablesSql`: a table or view the analyst can query. */
export interface CatalogTableRow {
	schema: string;
	name: string;
	kind: 'table' | 'view';
	temporary: boolean;
}

const VISIBLE = `NOT internal AND schema_name IN ('main') AND NOT starts_with(table_name, '_')
  AND NOT starts_with(table_name, 'stg_')`;
const VISIBLE_VIEW = VISIBLE.replace(/table_name/g, 'view_name');

/** The tables and views of the main schema and the connection's own temp objects. */
export function catalogTablesSql(): string {
	return `SELECT schema_name AS "schema", table_name AS name, 'table' AS kind, temporary
FROM duckdb_tables() WHERE ${VISIBLE}
UNION ALL
SELECT schema_name, view_name, 'view', temporary FROM duckdb_views() WHERE ${VISIBLE_VIEW}
ORDER BY temporary, kind, name`;
}

/** Row of `catalogColumnsSql`. */
export interface CatalogColumnRow {
	table: string;
	column: string;
	type: string;
	position: number;
}

/** Columns of every visible table and view, in declaration order. */
export function catalogColumnsSql(): string {
	return `SELECT table_name AS "table", column_name AS "column", data_type AS "type",
  column_index::INTEGER AS position
FROM duckdb_columns() WHERE ${VISIBLE}
ORDER BY "table", position`;
}

/** Row of `rowCountsSql`. */
export interface RowCountRow {
	name: string;
	rows: number;
}

/** Exact row counts of the given tables (the catalog's `estimated_size` is only an estimate). */
export function rowCountsSql(tables: readonly string[]): string {
	if (tables.length === 0) return `SELECT NULL::VARCHAR AS name, 0 AS "rows" WHERE false`;
	return tables
		.map((t) => `SELECT ${literal(t)} AS name, count(*)::INTEGER AS "rows" FROM ${ident(t)}`)
		.join('\nUNION ALL ');
}

/**
 * A starter query: its id (its title is the catalogue's `ws.starter.<id>`, its explaining
 * comment `ws.starter.<id>.comment`, in the reader's language) and its SQL.
 */
export interface StarterQuery {
	id: string;
	sql: string;
}

/** `sql` after `comment` as SQL line comments (`-- …`, one per line of the comment). */
export function withComment(sql: string, comment: string): string {
	const lines = comment.split(/\r?\n/).map((l) => `-- ${l}`.trimEnd());
	return `${lines.join('\n')}\n${sql}`;
}

/** The workspace's starter queries, written to be read and adapted. */
export const STARTER_QUERIES: readonly StarterQuery[] = [
	{
		id: 'outcomes-per-sector-year',
		sql: `SELECT year(date) AS year, sector, count(*) AS outcomes
FROM (SELECT date, unnest(sectors) AS sector FROM outcomes)
GROUP BY ALL
ORDER BY year, sector;`
	},
	{
		id: 'themes-without-completed',
		sql: `WITH ref AS (SELECT max(date) AS reference_date FROM outcomes)
SELECT t.theme_id, t.name, t.lead_sector, ref.reference_date,
  max(coalesce(o.completed_date, o.date)) FILTER (WHERE o.status = 'completed') AS last_completed
FROM themes t
CROSS JOIN ref
LEFT JOIN outcomes o ON o.theme_id = t.theme_id
GROUP BY ALL
HAVING count(*) FILTER (WHERE o.status = 'completed'
  AND coalesce(o.completed_date, o.date) > ref.reference_date - INTERVAL 1 YEAR) = 0
ORDER BY t.name;`
	},
	{
		id: 'meetings-without-attendance',
		sql: `SELECT m.meeting_no, m.date, m.format, m.participants
FROM meetings m
WHERE NOT EXISTS (SELECT 1 FROM attendance a WHERE a.meeting_no = m.meeting_no)
ORDER BY m.date;`
	}
];

/** The copy a guard refusal suggests for experimenting on a loaded table (`my_outcomes`). */
export function tempCopyExampleSql(table: string): string {
	return `CREATE TEMP TABLE my_${table.replace(/^_+/, '')} AS FROM ${table};`;
}

/** The start of a TEMP object of `kind` (`TABLE`, `VIEW` …) a guard refusal suggests instead. */
export function tempObjectExampleSql(kind: string): string {
	return `CREATE TEMP ${kind} …`;
}

/** The statement `UPDATE EXTENSIONS`, as a guard refusal names it. */
export const UPDATE_EXTENSIONS_SQL = 'UPDATE EXTENSIONS';

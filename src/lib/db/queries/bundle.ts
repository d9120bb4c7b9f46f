/**
 * SQL for dataset bundles: a live table as the rows a bundle file carries (list columns joined
 * with `;`, so the file reads back through the upload path to the same rows), and an empty copy
 * of a live table (a published dataset empties the tables its bundle does not have).
 */
import { ident, literal } from '../sql';

/** Row of `tableColumnsSql`. */
export interface ColumnTypeRow {
	name: string;
	type: string;
}

/** The columns of live table `table`, in order, with their DuckDB types. */
export function tableColumnsSql(table: string): string {
	return `SELECT column_name AS name, data_type AS type FROM duckdb_columns()
WHERE schema_name = 'main' AND table_name = ${literal(table)} ORDER BY column_index`;
}

/**
 * Every row of `table` as a bundle file holds it: list columns (`VARCHAR[]`) as `;`-joined text,
 * every other column as it is.
 */
export function exportTableSql(table: string, columns: readonly ColumnTypeRow[]): string {
	const select = columns.map((c) =>
		c.type.endsWith('[]')
			? `array_to_string(${ident(c.name)}, ';') AS ${ident(c.name)}`
			: ident(c.name)
	);
	return `SELECT ${select.join(', ')} FROM ${ident(table)}`;
}

/** Create `name` as an empty table with the columns of live table `table`. */
export function emptyCopySql(table: string, name: string): string {
	return `CREATE TABLE ${ident(name)} AS SELECT * FROM ${ident(table)} LIMIT 0`;
}

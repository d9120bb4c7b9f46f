/**
 * What a load would do to the dataset's references, asked of the live and staging tables before
 * the commit: live rows whose reference matches a key now and would match none after the load
 * (outcomes → themes, outcomes → meetings, attendance → meetings), and table sizes.
 */
import { ident, literal } from '../sql';

/** One reference as a load would leave it: child rows that stay live, parent keys before and after. */
export interface ReferencePlan {
	/** Child table, e.g. `outcomes`. */
	from: string;
	/** Child column holding the reference, e.g. `theme_id`. */
	column: string;
	/** Parent table, e.g. `themes`. */
	to: string;
	/** Parent key column, e.g. `theme_id`. */
	key: string;
	/** The live child table whose rows stay live through the load. */
	kept: string;
	/** Tables (live or staging) holding the parent's keys now, and after the load. */
	before: string[];
	after: string[];
}

/** Row of `orphanedSql`: how many kept rows the load would orphan, and up to three of their values. */
export interface OrphanedRow {
	from: string;
	column: string;
	to: string;
	n: number;
	examples: string[];
}

const keys = (key: string, tables: string[]) =>
	tables.length === 0
		? 'SELECT NULL::VARCHAR AS k WHERE false'
		: tables
				.map((t) => `SELECT CAST(${ident(key)} AS VARCHAR) AS k FROM ${ident(t)}`)
				.join(' UNION ALL ');

/**
 * Rows of `kept` whose `column` matches a parent key before the load and none after it: their
 * count and the first three distinct values (in the column's order). References that already pointed nowhere
 * are not counted: the load did not cause them.
 */
export function orphanedSql(p: ReferencePlan): string {
	const col = ident(p.column);
	return `WITH before AS (${keys(p.key, p.before)}),
after AS (${keys(p.key, p.after)}),
o AS (
  SELECT ${col} AS raw FROM ${ident(p.kept)} c
  WHERE ${col} IS NOT NULL
    AND EXISTS (SELECT 1 FROM before WHERE k = CAST(c.${col} AS VARCHAR))
    AND NOT EXISTS (SELECT 1 FROM after WHERE k = CAST(c.${col} AS VARCHAR))
),
ex AS (SELECT DISTINCT raw FROM o ORDER BY raw LIMIT 3)
SELECT ${literal(p.from)} AS "from", ${literal(p.column)} AS "column", ${literal(p.to)} AS "to",
  (SELECT count(*)::INTEGER FROM o) AS n,
  coalesce((SELECT list(CAST(raw AS VARCHAR) ORDER BY raw) FROM ex), []::VARCHAR[]) AS examples`;
}

/** Row of `rowCountSql`. */
export interface RowCountRow {
	n: number;
}

/** The number of rows of `table`. */
export function rowCountSql(table: string): string {
	return `SELECT count(*)::INTEGER AS n FROM ${ident(table)}`;
}

/**
 * Problem and staging SQL over a checked table (validate.ts): every failed check as a problem
 * row, and the rows without an error in the live table's shape. Pure builders: (options) -> SQL.
 */
import type { ContractColumn, ContractTable } from '../../contract/contract';
import { ident, listLiteral, literal } from '../sql';
import { rawName, typedColumn, unknownName } from './validate';

/** Separates a problem's code from its parameters in the `reason` column (U+001F, unit separator). */
export const REASON_SEP = '\u001f';

/**
 * A problem's reason as data: its code (catalogue `problem.<code>`, worded by the UI) and
 * positional parameters, joined by REASON_SEP. No words in SQL.
 */
export function problemReason(code: string, ...params: string[]): string {
	return [code, ...params].join(REASON_SEP);
}

/** The same, built in SQL from expressions (`params` are SQL text). */
function reasonSql(code: string, ...params: string[]): string {
	return [literal(code), ...params].join(` || chr(31) || `);
}

function parseReason(c: ContractColumn): string {
	switch (c.type) {
		case 'integer':
		case 'count':
			return problemReason('notWhole');
		case 'date':
			return problemReason('badDate');
		case 'enum':
			return problemReason('unknownEnum', (c.values ?? []).join(', '));
		case 'sector':
			return problemReason('unknownSector');
		case 'url':
			return problemReason('linkDropped');
		default:
			return problemReason('invalid');
	}
}

/** What a reference check compares against: a table and its key column. */
export interface RefTarget {
	table: string;
	column: string;
}

/** What problemsSql needs to know about a checked table. */
export interface ProblemsOptions {
	checked: string;
	/** File names by file order (`_fi`). */
	files: string[];
	table: ContractTable;
	refs?: Record<string, RefTarget[] | undefined>;
	existing?: string;
	/** SQL of the spreadsheet row of checked row `_row` (a SQL expression) of file `_fi`; default `_row`. */
	rowOf?: (fi: string, row: string) => string;
}

/** One check: rows of the checked table matching `where` (or a whole SELECT, for duplicates). */
interface Rule {
	where?: string;
	select: string;
	/** For a duplicate check: the key whose repeats it counts. */
	duplicateOf?: string;
}

/**
 * The checks of contract table `t` over checked table `checked`. A checked table has, per
 * column, `raw$<col>` (the trimmed text; NULL where the typed value alone says what it was) and
 * the typed value, so a value is missing when both are NULL and unparsable when only the text is.
 */
function rules(o: ProblemsOptions): Rule[] {
	const from = ident(o.checked);
	const fileOf = (fi: string) => `${listLiteral(o.files)}[${fi} + 1]`;
	const rowOf = o.rowOf ?? ((_fi: string, row: string) => row);
	const head = (col: string, value: string, reason: string, sev: string) =>
		`SELECT _fi, _row AS _key, ${rowOf('_fi', '_row')} AS "row", ${literal(col)} AS "column", ${value} AS value, ${reason} AS reason, ${literal(sev)} AS severity`;
	const out: Rule[] = [];
	const sel = (
		col: string,
		value: string,
		reason: string,
		sev: 'error' | 'warning',
		where: string
	) => out.push({ where, select: `${head(col, value, reason, sev)} FROM ${from} WHERE ${where}` });
	for (const c of o.table.columns) {
		const typed = typedColumn(c);
		const raw = ident(rawName(c.name));
		const shown =
			c.type === 'text' || c.type === 'sectors'
				? raw
				: `coalesce(${raw}, CAST(${typed} AS VARCHAR))`;
		if (c.required)
			sel(
				c.name,
				'NULL',
				literal(problemReason('missing')),
				'error',
				`${typed} IS NULL AND ${raw} IS NULL`
			);
		if (c.type === 'sectors') {
			const unk = ident(unknownName(c.name));
			sel(c.name, raw, reasonSql('unknownSectors', unk), 'error', `${unk} IS NOT NULL`);
		} else if (c.type !== 'text') {
			const sev = c.type === 'url' ? 'warning' : 'error';
			sel(c.name, raw, literal(parseReason(c)), sev, `${raw} IS NOT NULL AND ${typed} IS NULL`);
		}
		if (c.type === 'count')
			sel(c.name, shown, literal(problemReason('negative')), 'error', `${typed} < 0`);
		if (c.unique && c.type === 'integer')
			sel(c.name, shown, literal(problemReason('minOne')), 'error', `${typed} < 1`);
		if (c.unique) {
			const first = rowOf('first_fi', 'first_row');
			out.push({
				duplicateOf: typed,
				select: `SELECT _fi, _row AS _key, ${rowOf('_fi', '_row')} AS "row", ${literal(c.name)} AS "column", shown AS value,
  ${reasonSql('duplicate', literal(c.name), fileOf('first_fi'), `CAST(${first} AS VARCHAR)`)} AS reason, 'error' AS severity
FROM (SELECT _fi, _row, ${shown} AS shown, row_number() OVER w AS n, first_value(_fi) OVER w AS first_fi, first_value(_row) OVER w AS first_row
      FROM ${from} WHERE ${typed} IS NOT NULL WINDOW w AS (PARTITION BY ${typed} ORDER BY _fi, _row)) WHERE n > 1`
			});
			if (o.existing)
				sel(
					c.name,
					shown,
					literal(problemReason('duplicateLoaded', c.name, o.table.name)),
					'error',
					`${typed} IN (SELECT ${ident(c.name)} FROM ${ident(o.existing)})`
				);
		}
		const targets = o.refs?.[c.name] ?? [];
		if (targets.length > 0) {
			const code = c.references === 'meetings' ? 'noMeeting' : 'noTheme';
			const keys = targets
				.map(
					(r) =>
						`SELECT ${ident(r.column)} FROM ${ident(r.table)} WHERE ${ident(r.column)} IS NOT NULL`
				)
				.join(' UNION ALL ');
			sel(
				c.name,
				shown,
				literal(problemReason(code, targets[0]!.column)),
				'warning',
				`${typed} IS NOT NULL AND ${typed} NOT IN (${keys})`
			);
		}
	}
	return out;
}

/**
 * One scan of the checked table counting each check's hits (`r0`, `r1`, … in rule order; for a
 * duplicate check, how many keys repeat), so that only checks with hits are listed.
 */
export function problemCountsSql(o: ProblemsOptions): string {
	const counts = rules(o).map((r, i) =>
		r.duplicateOf
			? `(count(${r.duplicateOf}) - count(DISTINCT ${r.duplicateOf}))::INTEGER AS r${i}`
			: `count(*) FILTER (WHERE ${r.where})::INTEGER AS r${i}`
	);
	return `SELECT ${counts.join(', ')} FROM ${ident(o.checked)}`;
}

/**
 * The problems of checked table `checked` for contract table `t`: missing required values, parse
 * failures, negative counts, unknown sector codes, duplicate keys (errors) and links to unknown
 * meetings or themes and non-http links (warnings). `refs` maps a column to the tables its values
 * must appear in (any of them); `existing`, when appending, is the live table whose keys a new
 * row must not repeat; `only` (from problemCountsSql) limits the checks to those with hits.
 * Columns: `_fi` (file order), `_key` (the checked `_row`), file, row, column, value, reason, severity.
 */
export function problemsSql(o: ProblemsOptions & { only?: boolean[] }): string {
	const fileOf = `${listLiteral(o.files)}[_fi + 1]`;
	const parts = rules(o)
		.filter((_, i) => o.only?.[i] ?? true)
		.map((r) => r.select);
	if (parts.length === 0)
		return `SELECT 0 AS _fi, 0 AS _key, ''::VARCHAR AS file, 0 AS "row", ''::VARCHAR AS "column", NULL::VARCHAR AS value, ''::VARCHAR AS reason, 'error'::VARCHAR AS severity LIMIT 0`;
	return `SELECT _fi, _key, ${fileOf} AS file, "row", "column", value, reason, severity FROM (\n${parts.join('\nUNION ALL\n')}\n) ORDER BY _fi, "row", severity, "column"`;
}

/** The rows of `checked` with no error, as the live table's columns (contract first, then extras). */
export function stagingSelectSql(o: {
	checked: string;
	problems: string;
	table: ContractTable;
	extras: string[];
	/** The batch has no row error: every checked row is kept (no anti-join). */
	clean?: boolean;
	/** The checked table holds one file, already in row order (no sort). */
	single?: boolean;
}): string {
	const cols = [
		...o.table.columns.map((c) => `${typedColumn(c)} AS ${ident(c.name)}`),
		...o.extras.map(ident)
	];
	const where = o.clean
		? ''
		: `\nWHERE NOT EXISTS (SELECT 1 FROM ${ident(o.problems)} p WHERE p.severity = 'error' AND p._fi = k._fi AND p._key = k._row)`;
	// Insertion order is preserved, so one file's rows already stand in row order.
	const order = o.clean && o.single ? '' : '\nORDER BY _fi, _row';
	return `SELECT ${cols.join(', ')} FROM ${ident(o.checked)} k${where}${order}`;
}

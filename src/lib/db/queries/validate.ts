/**
 * Validation SQL: from a raw all-text staging table (columns c0..cN plus _row) to a checked table
 * (typed contract columns, raw text kept for the report, extras) and the list of problems.
 * Pure builders: (options) -> SQL. Identifiers from files are quoted, values never spliced in.
 */
import type { ContractColumn, ContractTable } from '../../contract/contract';
import type { HeaderMapping } from '../../contract/match';
import { ident, listLiteral, literal } from '../sql';

/** One problem row as the problems query returns it. */
export interface ProblemRow {
	file: string;
	row: number;
	column: string;
	value: string | null;
	reason: string;
	severity: 'error' | 'warning';
}

const SQL_TYPES: Record<ContractColumn['type'], string> = {
	integer: 'BIGINT',
	count: 'BIGINT',
	text: 'VARCHAR',
	date: 'DATE',
	enum: 'VARCHAR',
	sector: 'VARCHAR',
	sectors: 'VARCHAR[]',
	url: 'VARCHAR'
};

/** The DuckDB type a contract column is stored as. */
export function sqlType(c: ContractColumn): string {
	return SQL_TYPES[c.type];
}

/** Name of the kept raw-text column for a contract column in a checked table. */
export const rawName = (column: string) => `raw$${column}`;

function enumCases(c: ContractColumn): string {
	const pairs: [string, string][] = [
		...(c.values ?? []).map((v) => [v, v] as [string, string]),
		...Object.entries(c.aliases ?? {})
	];
	return pairs.map(([from, to]) => `WHEN ${literal(from)} THEN ${literal(to)}`).join(' ');
}

/** SQL listing the unknown sector codes in text expression `v`. */
export const unknownSectorsExpr = (v: string) =>
	`list_filter(string_split_regex(${v}, '[;,|]'), lambda s: trim(s) <> '' AND isc_sector(s) IS NULL)`;

/** SQL for the typed value of contract column `c` from a (trimmed, non-empty or NULL) text `v`. */
export function typedExpr(c: ContractColumn, v: string): string {
	switch (c.type) {
		case 'integer':
		case 'count':
			return `isc_int(${v})`;
		case 'date':
			return `isc_date(${v})`;
		case 'enum':
			return `CASE isc_norm(${v}) ${enumCases(c)} END`;
		case 'sector':
			return `isc_sector(${v})`;
		case 'sectors':
			return `list_sort(list_distinct(list_filter(list_transform(string_split_regex(${v}, '[;,|]'), lambda s: isc_sector(s)), lambda s: s IS NOT NULL)))`;
		case 'url':
			return `CASE WHEN regexp_full_match(${v}, '(?i)https?://[^\\s]+') THEN ${v} END`;
		default:
			return v;
	}
}

/**
 * The column holding contract column `c`'s value in a checked table: text columns are kept once,
 * as their raw text; the others have a typed column beside the raw one.
 */
export const typedColumn = (c: ContractColumn) =>
	ident(c.type === 'text' ? rawName(c.name) : c.name);

/** Name of the hidden column listing a `sectors` cell's unknown codes in a checked table. */
export const unknownName = (column: string) => `unk$${column}`;

/**
 * SELECT turning raw table `raw` into the checked shape for one file: `_fi` (file order), `_row`,
 * each contract column's raw text and (unless text) typed value, `unk$<col>` for sector lists, and the extra
 * columns as text. Values are parsed once per distinct text (a lookup joined back): exports
 * repeat dates, statuses and sector lists, and parsing is the costly part on a million rows.
 */
export function checkedSelectSql(o: {
	raw: string;
	fileIndex: number;
	table: ContractTable;
	mapping: HeaderMapping;
}): string {
	const text: string[] = [`_row`];
	const lookups: string[] = [];
	const joins: string[] = [];
	const out = [`${o.fileIndex} AS _fi`, `t._row`];
	for (const c of o.table.columns) {
		const m = o.mapping.matches.find((x) => x.column === c.name);
		const raw = ident(rawName(c.name));
		const unk = c.type === 'sectors' ? ident(unknownName(c.name)) : null;
		if (m === undefined || m.index < 0) {
			out.push(`NULL::VARCHAR AS ${raw}`);
			if (c.type !== 'text') out.push(`NULL::${sqlType(c)} AS ${ident(c.name)}`);
			if (unk) out.push(`NULL::VARCHAR AS ${unk}`);
			continue;
		}
		text.push(`nullif(trim(${ident(`c${m.index}`)}), '') AS ${raw}`);
		out.push(`t.${raw}`);
		if (c.type === 'text') continue;
		const l = ident(`l$${c.name}`);
		const unknown = unk
			? `, CASE WHEN len(${unknownSectorsExpr('v')}) > 0 THEN array_to_string(${unknownSectorsExpr('v')}, ', ') END AS u`
			: '';
		lookups.push(
			`${l} AS (SELECT v, ${typedExpr(c, 'v')} AS t${unknown} FROM (SELECT DISTINCT ${raw} AS v FROM t WHERE ${raw} IS NOT NULL))`
		);
		joins.push(`LEFT JOIN ${l} ON ${l}.v = t.${raw}`);
		out.push(`${l}.t AS ${ident(c.name)}`);
		if (unk) out.push(`${l}.u AS ${unk}`);
	}
	for (const e of o.mapping.extras) {
		text.push(`${ident(`c${e.index}`)} AS ${ident(e.name)}`);
		out.push(`t.${ident(e.name)}`);
	}
	const ctes = [`t AS (SELECT ${text.join(', ')} FROM ${ident(o.raw)})`, ...lookups];
	return `WITH ${ctes.join(',\n')}\nSELECT ${out.join(',\n  ')}\nFROM t ${joins.join('\n  ')}`;
}

function parseReason(c: ContractColumn): string {
	switch (c.type) {
		case 'integer':
		case 'count':
			return 'not a whole number';
		case 'date':
			return 'not a valid date (use 2022-09-20, 20/09/2022 or 20 September 2022)';
		case 'enum':
			return `unknown value; expected one of ${(c.values ?? []).join(', ')}`;
		case 'sector':
			return 'unknown sector code; expected BR, TSB, BDT or GS (or an alias)';
		case 'url':
			return 'link dropped: only http:// and https:// addresses are accepted';
		default:
			return 'invalid value';
	}
}

/** What a reference check compares against: a table and its key column. */
export interface RefTarget {
	table: string;
	column: string;
}

/**
 * The problems of checked table `checked` for contract table `t`: missing required values, parse
 * failures, negative counts, unknown sector codes, duplicate keys (errors) and links to unknown
 * meetings or themes and non-http links (warnings). `refs` maps a column to the tables its values
 * must appear in (any of them); `existing`, when appending, is the live table whose keys a new
 * row must not repeat. Columns: `_fi` (file order), file, row, column, value, reason, severity.
 */
export function problemsSql(o: {
	checked: string;
	/** File names by file order (`_fi`). */
	files: string[];
	table: ContractTable;
	refs?: Record<string, RefTarget[] | undefined>;
	existing?: string;
}): string {
	const from = ident(o.checked);
	const fileOf = (fi: string) => `${listLiteral(o.files)}[${fi} + 1]`;
	const sel = (
		col: string,
		value: string,
		reason: string,
		sev: 'error' | 'warning',
		where: string
	) =>
		`SELECT _fi, _row AS "row", ${literal(col)} AS "column", ${value} AS value, ${reason} AS reason, ${literal(sev)} AS severity FROM ${from} WHERE ${where}`;
	const parts: string[] = [];
	for (const c of o.table.columns) {
		const typed = typedColumn(c);
		const raw = ident(rawName(c.name));
		if (c.required)
			parts.push(sel(c.name, 'NULL', literal('missing required value'), 'error', `${raw} IS NULL`));
		if (c.type === 'sectors') {
			const unk = ident(unknownName(c.name));
			parts.push(
				sel(c.name, raw, `'unknown sector code(s): ' || ${unk}`, 'error', `${unk} IS NOT NULL`)
			);
		} else if (c.type !== 'text') {
			const sev = c.type === 'url' ? 'warning' : 'error';
			parts.push(
				sel(c.name, raw, literal(parseReason(c)), sev, `${raw} IS NOT NULL AND ${typed} IS NULL`)
			);
		}
		if (c.type === 'count')
			parts.push(sel(c.name, raw, `'negative count'`, 'error', `${typed} < 0`));
		if (c.unique && c.type === 'integer')
			parts.push(sel(c.name, raw, `'must be 1 or more'`, 'error', `${typed} < 1`));
		if (c.unique) {
			parts.push(
				`SELECT _fi, _row AS "row", ${literal(c.name)} AS "column", ${raw} AS value,
  'duplicate ' || ${literal(c.name)} || ': first in ' || ${fileOf('first_fi')} || ' row ' || first_row AS reason, 'error' AS severity
FROM (SELECT _fi, _row, ${raw}, row_number() OVER w AS n, first_value(_fi) OVER w AS first_fi, first_value(_row) OVER w AS first_row
      FROM ${from} WHERE ${typed} IS NOT NULL WINDOW w AS (PARTITION BY ${typed} ORDER BY _fi, _row)) WHERE n > 1`
			);
			if (o.existing)
				parts.push(
					sel(
						c.name,
						raw,
						literal(`duplicate ${c.name}: already in the loaded ${o.table.name}`),
						'error',
						`${typed} IN (SELECT ${ident(c.name)} FROM ${ident(o.existing)})`
					)
				);
		}
		const targets = o.refs?.[c.name] ?? [];
		if (targets.length > 0) {
			const label = c.references === 'meetings' ? 'meeting' : 'theme';
			const keys = targets
				.map(
					(r) =>
						`SELECT ${ident(r.column)} FROM ${ident(r.table)} WHERE ${ident(r.column)} IS NOT NULL`
				)
				.join(' UNION ALL ');
			parts.push(
				sel(
					c.name,
					raw,
					literal(`no loaded ${label} has this ${targets[0]!.column}`),
					'warning',
					`${typed} IS NOT NULL AND ${typed} NOT IN (${keys})`
				)
			);
		}
	}
	return `SELECT _fi, ${fileOf('_fi')} AS file, "row", "column", value, reason, severity FROM (\n${parts.join('\nUNION ALL\n')}\n) ORDER BY _fi, "row", severity, "column"`;
}

/** The rows of `checked` with no error, as the live table's columns (contract first, then extras). */
export function stagingSelectSql(o: {
	checked: string;
	problems: string;
	table: ContractTable;
	extras: string[];
}): string {
	const cols = [
		...o.table.columns.map((c) => `${typedColumn(c)} AS ${ident(c.name)}`),
		...o.extras.map(ident)
	];
	return `SELECT ${cols.join(', ')} FROM ${ident(o.checked)} k
WHERE NOT EXISTS (SELECT 1 FROM ${ident(o.problems)} p WHERE p.severity = 'error' AND p._fi = k._fi AND p."row" = k._row)
ORDER BY _fi, _row`;
}

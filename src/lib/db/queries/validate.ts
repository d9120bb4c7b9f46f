/**
 * Validation SQL: from a raw all-text staging table (columns c0..cN plus _row) to a checked table
 * (typed contract columns, raw text kept for the report, extras); problems.ts lists its problems.
 * Pure builders: (options) -> SQL. Identifiers from files are quoted, values never spliced in.
 */
import type { ContractColumn, ContractTable } from '../../contract/contract';
import type { HeaderMapping } from '../../contract/match';
import { ident, literal } from '../sql';

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

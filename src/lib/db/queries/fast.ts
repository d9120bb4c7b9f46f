/**
 * The typed fast path of validation: one pass from a file's cells to the contract's values.
 * Each cell takes a cheap branch when its text is in canonical form (ISO date, plain integer,
 * exact enum value, trimmed text, a sector list in the exporter's spelling) and the precise
 * per-cell parse of validate.ts otherwise, so the result is the precise path's by construction.
 * `raw$<col>` keeps the trimmed text only where the cheap branch did not apply (for messages).
 */
import { SECTORS, type ContractColumn, type ContractTable } from '../../contract/contract';
import type { HeaderMapping } from '../../contract/match';
import { ident, listLiteral, literal } from '../sql';
import { rawName, sqlType, typedExpr, unknownName, unknownSectorsExpr } from './validate';

/** Name of the ENUM type holding every sector list an exporter writes (codes, one separator). */
export const SECTOR_LIST_TYPE = 'isc_sector_list';

/** Every canonical sector-list spelling: distinct codes in any order joined by `;`, `,` or `|`. */
export function sectorListSpellings(): { text: string; codes: string[] }[] {
	const out = new Map<string, string[]>();
	const walk = (chosen: string[]) => {
		for (const sep of [';', ',', '|']) if (chosen.length) out.set(chosen.join(sep), chosen);
		for (const c of SECTORS) if (!chosen.includes(c)) walk([...chosen, c]);
	};
	walk([]);
	return [...out].map(([text, codes]) => ({ text, codes: [...codes].sort() }));
}

/** CREATE TYPE for SECTOR_LIST_TYPE (run once per database; the type is read-only data). */
export function sectorListTypeSql(): string {
	return `CREATE TYPE IF NOT EXISTS ${ident(SECTOR_LIST_TYPE)} AS ENUM (${sectorListSpellings()
		.map((s) => literal(s.text))
		.join(', ')})`;
}

const trimmed = (x: string) => `nullif(trim(${x}), '')`;
/** `x` needs no trimming: NULL, or non-empty without a leading or trailing space. */
const isTrim = (x: string) =>
	`(${x} IS NULL OR (${x} <> '' AND NOT starts_with(${x}, ' ') AND NOT ends_with(${x}, ' ')))`;

/** The text a value of DuckDB type `type` stands for, as a CSV would hold it (lists joined by `;`). */
export function asTextSql(x: string, type: string): string {
	if (type === 'VARCHAR') return x;
	return /\[\]$/.test(type) ? `array_to_string(${x}, ';')` : `CAST(${x} AS VARCHAR)`;
}

const INTEGER_TYPES = /^(U?(TINY|SMALL|BIG|HUGE)?INT(EGER)?)$/;
const RANGE = {
	DATE: `DATE '0001-01-01' AND DATE '9999-12-31'`,
	TIMESTAMP: `TIMESTAMP '0001-01-01' AND TIMESTAMP '9999-12-31 23:59:59.999999'`
};

/**
 * A typed (Parquet) value kept as it is where its text would parse back to the same value:
 * integers under 15 digits, dates and plain timestamps in years 1-9999. Null for other types.
 */
function typedCellSql(c: ContractColumn, x: string, type: string) {
	const precise = typedExpr(c, asTextSql(x, type));
	const keep = (ok: string, value: string) => ({
		value: `CASE WHEN ${x} IS NULL OR ${ok} THEN ${value} ELSE ${precise} END`,
		raw: `CASE WHEN ${x} IS NULL OR ${ok} THEN NULL ELSE ${asTextSql(x, type)} END`
	});
	if ((c.type === 'integer' || c.type === 'count') && INTEGER_TYPES.test(type))
		return keep(`abs(${x}) < 1e15`, `${x}::BIGINT`);
	if (c.type === 'date' && (type === 'DATE' || type === 'TIMESTAMP'))
		return keep(`${x} BETWEEN ${RANGE[type]}`, `CAST(${x} AS DATE)`);
	return null;
}

/**
 * Value, kept raw text and unknown-codes SQL of contract column `c` from `x`, a cell of DuckDB
 * type `type` (a CSV's cells are all VARCHAR).
 */
export function fastCellSql(
	c: ContractColumn,
	cell: string,
	type = 'VARCHAR'
): { value: string; raw?: string; unk?: string } {
	const typed = typedCellSql(c, cell, type);
	if (typed) return typed;
	const x = asTextSql(cell, type);
	const t = trimmed(x);
	const precise = typedExpr(c, t);
	switch (c.type) {
		case 'text':
			return { value: `CASE WHEN ${isTrim(x)} THEN ${x} ELSE ${t} END` };
		case 'integer':
		case 'count':
		case 'date': {
			const type = c.type === 'date' ? 'DATE' : 'BIGINT';
			const cast = `TRY_CAST(${x} AS ${type})`;
			// Only text that is exactly the value's own spelling takes the cast: DuckDB's cast also
			// accepts '5.7', '1e3', '1_000', ' 5', which the contract does not.
			const bound = c.type === 'date' ? '' : ` AND abs(${cast}) < 1e15`;
			const ok = `(${x} IS NULL OR (CAST(${cast} AS VARCHAR) = ${x}${bound}))`;
			return {
				value: `CASE WHEN ${ok} THEN ${cast} ELSE ${precise} END`,
				raw: `CASE WHEN ${ok} THEN NULL ELSE ${t} END`
			};
		}
		case 'enum':
		case 'sector': {
			const values = c.type === 'sector' ? [...SECTORS] : (c.values ?? []);
			const ok = `(${x} IS NULL OR ${x} IN (${values.map(literal).join(', ')}))`;
			return {
				value: `CASE WHEN ${ok} THEN ${x} ELSE ${precise} END`,
				raw: `CASE WHEN ${ok} THEN NULL ELSE ${t} END`
			};
		}
		case 'sectors': {
			const e = `TRY_CAST(${x} AS ${ident(SECTOR_LIST_TYPE)})`;
			const lists = `[${sectorListSpellings()
				.map((s) => listLiteral(s.codes))
				.join(', ')}]`;
			const ok = `(${x} IS NULL OR ${e} IS NOT NULL)`;
			const unknown = unknownSectorsExpr(t);
			return {
				value: `CASE WHEN ${x} IS NULL THEN NULL WHEN ${e} IS NOT NULL THEN ${lists}[enum_code(${e})::INTEGER + 1] ELSE ${precise} END`,
				raw: `CASE WHEN ${ok} THEN NULL ELSE ${t} END`,
				unk: `CASE WHEN ${ok} THEN NULL WHEN len(${unknown}) > 0 THEN array_to_string(${unknown}, ', ') END`
			};
		}
		case 'url':
			return {
				value: precise,
				raw: `CASE WHEN ${x} IS NULL OR (${isTrim(x)} AND ${precise} IS NOT NULL) THEN NULL ELSE ${t} END`
			};
	}
}

/**
 * SELECT of a file's fast table from `source` (one row per record, in file order): `_k` (the
 * record's position, 1-based), each contract column's value (and `raw$`/`unk$` columns), then the
 * extra columns as text. `cell(i)` is the SQL text of file column i.
 */
export function fastSelectSql(o: {
	source: string;
	table: ContractTable;
	mapping: HeaderMapping;
	/** SQL of file column i. */
	cell: (index: number) => string;
	/** DuckDB type of file column i (default VARCHAR). */
	typeOf?: (index: number) => string;
}): string {
	const out = ['row_number() OVER () AS _k'];
	for (const c of o.table.columns) {
		const m = o.mapping.matches.find((x) => x.column === c.name);
		if (m === undefined || m.index < 0) {
			out.push(`NULL::${sqlType(c)} AS ${ident(c.name)}`);
			if (c.type !== 'text') out.push(`NULL::VARCHAR AS ${ident(rawName(c.name))}`);
			if (c.type === 'sectors') out.push(`NULL::VARCHAR AS ${ident(unknownName(c.name))}`);
			continue;
		}
		const f = fastCellSql(c, o.cell(m.index), o.typeOf?.(m.index));
		out.push(`${f.value} AS ${ident(c.name)}`);
		if (f.raw) out.push(`${f.raw} AS ${ident(rawName(c.name))}`);
		if (f.unk) out.push(`${f.unk} AS ${ident(unknownName(c.name))}`);
	}
	for (const e of o.mapping.extras)
		out.push(`${asTextSql(o.cell(e.index), o.typeOf?.(e.index) ?? 'VARCHAR')} AS ${ident(e.name)}`);
	return `SELECT ${out.join(',\n  ')}\nFROM ${o.source}`;
}

/** Hidden columns of a fast table (dropped before it becomes a staging table). */
export function fastHiddenColumns(table: ContractTable): string[] {
	return [
		'_k',
		...table.columns.filter((c) => c.type !== 'text').map((c) => rawName(c.name)),
		...table.columns.filter((c) => c.type === 'sectors').map((c) => unknownName(c.name))
	];
}

/**
 * SELECT exposing fast table `fast` in the checked shape problems.ts reads: `_fi`, `_row` (the
 * record position `_k`), `raw$`, typed and `unk$` columns, extras.
 */
export function fastCheckedSql(o: {
	fast: string;
	fileIndex: number;
	table: ContractTable;
	extras: string[];
}): string {
	const cols = [`${o.fileIndex} AS _fi`, '_k AS _row'];
	for (const c of o.table.columns) {
		if (c.type === 'text') {
			cols.push(`${ident(c.name)} AS ${ident(rawName(c.name))}`);
			continue;
		}
		cols.push(ident(rawName(c.name)), ident(c.name));
		if (c.type === 'sectors') cols.push(ident(unknownName(c.name)));
	}
	cols.push(...o.extras.map(ident));
	return `SELECT ${cols.join(', ')} FROM ${ident(o.fast)}`;
}

/**
 * SQL for the spreadsheet row of record position `k` (1-based) of a file in which the rows
 * `skipped` (sorted; blank lines and rejected records) were not read: the header is row 1.
 */
export function spreadsheetRowSql(k: string, skipped: number[]): string {
	if (skipped.length === 0) return `(${k} + 1)`;
	// A kept record k stands after j skipped rows, where j counts the skipped s_i with s_i - i <= k.
	const t = skipped.map((s, i) => s - (i + 1));
	return `(${k} + 1 + len(list_filter([${t.join(', ')}], lambda t: t <= ${k})))`;
}

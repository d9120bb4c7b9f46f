/**
 * From a staged file to the table validation reads: the fast table (the contract's typed values
 * in one pass, validate-batch's default) or the precise path's all-text table (`c0..cN` plus
 * `_row`, the spreadsheet row), the reference the fast path is tested against.
 */
import type { ContractTable } from '../contract/contract';
import type { HeaderMapping } from '../contract/match';
import { asTextSql, fastSelectSql } from '../db/queries/fast';
import type { ProblemRow } from '../db/queries/validate';
import {
	createAsSql,
	dropTableSql,
	selectSql,
	numberedSql,
	renameTableSql,
	renumberSql
} from '../db/queries/staging';
import { ident } from '../db/sql';
import type { SqlConnection } from '../db/types';
import { readCsv, type RawFile } from './stage';

/** A file read for validation. */
export interface FileTable {
	table: string;
	rows: number;
	structural: ProblemRow[];
	/** Spreadsheet rows that were not read (fast tables number their records 1..n as `_k`). */
	skipped: number[];
}

const cellOf = (f: RawFile) => (i: number) =>
	f.kind === 'csv' ? ident(`c${i}`) : ident(f.headers[i]!);
const typeOf = (f: RawFile) => (i: number) => f.types?.[i] ?? 'VARCHAR';

/** Read staged `f` into fast table `into` (a base table: it may become the staging table). */
export async function fastFileTable(
	conn: SqlConnection,
	f: RawFile,
	o: { into: string; table: ContractTable; mapping: HeaderMapping }
): Promise<FileTable> {
	const select = (source: string) =>
		fastSelectSql({
			source,
			table: o.table,
			mapping: o.mapping,
			cell: cellOf(f),
			typeOf: typeOf(f)
		});
	if (f.kind === 'csv') {
		const r = await readCsv(conn, f, { into: o.into, select });
		return { table: o.into, ...r };
	}
	await conn.query(createAsSql(o.into, select(ident(f.raw))));
	return { table: o.into, rows: f.rowsRead, structural: [], skipped: [] };
}

/** Read staged `f` into temp table `into` as text `c0..cN` with `_row`, the spreadsheet row. */
export async function textFileTable(
	conn: SqlConnection,
	f: RawFile,
	o: { into: string }
): Promise<FileTable> {
	if (f.kind === 'parquet') {
		const cols = f.headers.map((_, i) => `${asTextSql(cellOf(f)(i), typeOf(f)(i))} AS c${i}`);
		const text = `(${selectSql(f.raw, cols)})`;
		await conn.query(createAsSql(o.into, numberedSql(text), { temp: true }));
		return { table: o.into, rows: f.rowsRead, structural: [], skipped: [] };
	}
	const tmp = `${o.into}_t`;
	const r = await readCsv(conn, f, { into: tmp, temp: true, select: numberedSql });
	try {
		// Kept records are numbered 2..n+1 as read; a spreadsheet also counts rejected and blank
		// rows, so only then are they renumbered (a second copy).
		await conn.query(
			r.skipped.length === 0
				? renameTableSql(tmp, o.into)
				: renumberSql({ into: o.into, from: tmp, skipped: r.skipped })
		);
	} finally {
		await conn.query(dropTableSql(tmp));
	}
	return { table: o.into, ...r };
}

/**
 * Staging decoded files in DuckDB until they are validated: a CSV's UTF-8 bytes are registered as
 * a virtual file (read by validate-batch once its columns are mapped: typed for the fast path, as
 * text for the precise one); a Parquet file's Arrow data is inserted as it comes, typed. Both stay
 * until the batch is committed or discarded, so it can be validated again with other choices.
 */
import { asTextSql } from '../db/queries/fast';
import { problemReason } from '../db/queries/problems';
import type { ProblemRow } from '../db/queries/validate';
import { queryRows } from '../db/rows';
import { rowCountSql, type RowCountRow } from '../db/queries/references';
import {
	columnTypesSql,
	createAsSql,
	csvReaderSql,
	csvRejectsSql,
	dropCsvRejectsSql,
	dropTableSql,
	selectSql,
	type ColumnTypeRow,
	type CsvRejectRow
} from '../db/queries/staging';
import { ident } from '../db/sql';
import type { SqlConnection } from '../db/types';
import { firstLine, type DecodedCsv, type DecodedParquet } from './decode';
import { FileError, type FileKind } from './detect';
import { isOutOfMemory, tooBigError } from './errors';

/** A staged file: its header and preview, and where its data waits in DuckDB. */
export interface RawFile {
	file: string;
	kind: FileKind;
	/** The file's table in DuckDB (Parquet: the Arrow data; CSV: the table read at validation). */
	raw: string;
	/** CSV: the registered UTF-8 bytes. */
	vfile?: string;
	headers: string[];
	preview: string[][];
	/** Records read (for a CSV, known once it has been read). */
	rowsRead: number;
	structural: ProblemRow[];
	encoding?: string;
	delimiter?: string;
	/** CSV: spreadsheet rows of blank lines (DuckDB skips them). */
	blankRows?: number[];
	/** Parquet: the DuckDB type of each column. */
	types?: string[];
}

/** Rethrow an engine failure while staging `file` as a one-sentence FileError. */
export function stagingError(
	file: string,
	what: 'CSV' | 'Parquet' | 'table',
	e: unknown
): FileError {
	if (e instanceof FileError) return e;
	if (isOutOfMemory(e)) return tooBigError(file);
	const detail = firstLine(e);
	return what === 'table'
		? new FileError(file, 'unreadableTable', { detail })
		: new FileError(file, 'unreadableAs', { format: what, detail });
}

/** Stage a decoded CSV file (any contract dialect): its bytes, registered for read_csv. */
export async function stageCsv(
	conn: SqlConnection,
	o: { decoded: DecodedCsv; raw: string }
): Promise<RawFile> {
	const d = o.decoded;
	// The sniffer skips blank lines: no row after the header means no data rows.
	if (d.preview.length === 0) throw new FileError(d.file, 'headerOnly');
	const vfile = `${o.raw}.csv`;
	try {
		await conn.registerFile(vfile, d.utf8);
	} catch (e) {
		throw stagingError(d.file, 'CSV', e);
	}
	return {
		file: d.file,
		kind: 'csv',
		raw: o.raw,
		vfile,
		headers: d.headers,
		preview: d.preview,
		rowsRead: 0,
		structural: [],
		encoding: d.encoding,
		delimiter: d.delimiter,
		blankRows: d.blankRows
	};
}

/** Stage a decoded Parquet file: its Arrow data inserted as table `raw`, with its own types. */
export async function stageParquet(
	conn: SqlConnection,
	o: { decoded: DecodedParquet; raw: string }
): Promise<RawFile> {
	const d = o.decoded;
	try {
		await conn.insertArrowIPC(o.raw, d.ipc);
		const cols = await queryRows<ColumnTypeRow>(conn, columnTypesSql(o.raw));
		const types = cols.map((c) => c.column_type);
		const text = cols.map((c, i) => `${asTextSql(ident(c.column_name), types[i]!)} AS c${i}`);
		const preview = await queryRows<Record<string, string | null>>(conn, selectSql(o.raw, text, 5));
		const [{ n } = { n: 0 }] = await queryRows<RowCountRow>(conn, rowCountSql(o.raw));
		if (n === 0) throw new FileError(d.file, 'noRows');
		return {
			file: d.file,
			kind: 'parquet',
			raw: o.raw,
			headers: cols.map((c) => c.column_name),
			preview: preview.map((r) => cols.map((_, i) => r[`c${i}`] ?? '')),
			rowsRead: n,
			structural: [],
			types
		};
	} catch (e) {
		await conn.query(dropTableSql(o.raw)).catch(() => undefined);
		throw stagingError(d.file, 'Parquet', e);
	}
}

/** Drop what staging left for `staged` files: their tables and registered bytes. */
export async function releaseStaged(
	conn: SqlConnection,
	staged: readonly (RawFile | null)[]
): Promise<void> {
	for (const s of staged) {
		if (!s) continue;
		await conn.query(dropTableSql(s.raw));
		if (s.vfile) await conn.dropFile(s.vfile).catch(() => undefined);
	}
}

function structuralReason(type: string, message: string): string {
	const m = /Expected Number of Columns: (\d+) Found: (\d+)/.exec(message);
	if (m && type === 'MISSING COLUMNS') return problemReason('fewerFields', m[2]!, m[1]!);
	if (m && type === 'TOO MANY COLUMNS') return problemReason('moreFields', m[1]!);
	if (type === 'UNQUOTED VALUE') return problemReason('unclosedQuote');
	if (type === 'LINE SIZE OVER MAXIMUM') return problemReason('lineTooLong');
	if (type === 'INVALID UNICODE') return problemReason('notText');
	return problemReason('other', firstLine(message));
}

/** What reading a staged CSV found: records kept, records rejected (as problems), rows skipped. */
export interface CsvRead {
	rows: number;
	structural: ProblemRow[];
	/** Spreadsheet rows not read (rejected records and blank lines), sorted. */
	skipped: number[];
}

/**
 * Read staged CSV `f` into table `into` as `select(source)`, where `source` is DuckDB's reader
 * giving each column as text (`c0..cN`). Records that do not fit the header (ragged, broken
 * quoting) are left out and reported per row instead of padded away.
 */
export async function readCsv(
	conn: SqlConnection,
	f: RawFile,
	o: { into: string; temp?: boolean; select: (source: string) => string }
): Promise<CsvRead> {
	const rej = `${o.into}_rej`;
	const source = csvReaderSql({
		file: f.vfile!,
		columns: f.headers.length,
		delimiter: f.delimiter!,
		rejects: rej
	});
	try {
		await conn.query(createAsSql(o.into, o.select(source), { temp: o.temp }));
		const rejects = await queryRows<CsvRejectRow>(conn, csvRejectsSql(rej));
		const [{ n } = { n: 0 }] = await queryRows<RowCountRow>(conn, rowCountSql(o.into));
		return {
			rows: n,
			skipped: [...rejects.map((r) => r.line), ...(f.blankRows ?? [])].sort((a, b) => a - b),
			structural: rejects.map((r) => ({
				file: f.file,
				row: r.line,
				column: '',
				value: null,
				reason: structuralReason(r.error_type, r.error_message),
				severity: 'error'
			}))
		};
	} catch (e) {
		await conn.query(dropTableSql(o.into)).catch(() => undefined);
		throw stagingError(f.file, 'CSV', e);
	} finally {
		await conn.query(dropCsvRejectsSql(rej));
	}
}

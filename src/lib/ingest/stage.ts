/**
 * Staging one file into DuckDB as an all-text table `raw` (columns c0..cN, plus `_row`, the row
 * number a spreadsheet shows for CSV or the record number for Parquet). Structural problems
 * (ragged rows, broken quoting) are reported per row instead of padded away.
 */
import { queryRows } from '../db/rows';
import { ident, listLiteral, literal } from '../db/sql';
import type { ParquetDecoder, SqlConnection } from '../db/types';
import type { ProblemRow } from '../db/queries/validate';
import { decodeCsv, FileError, type FileKind } from './detect';
import { sniffCsv } from './sniff';

/** A file staged as text, ready to be mapped and validated. */
export interface RawFile {
	file: string;
	kind: FileKind;
	raw: string;
	headers: string[];
	preview: string[][];
	rowsRead: number;
	structural: ProblemRow[];
	encoding?: string;
	delimiter?: string;
}

const HEAD_BYTES = 64 * 1024;

function structuralReason(type: string, message: string): string {
	const m = /Expected Number of Columns: (\d+) Found: (\d+)/.exec(message);
	if (m && type === 'MISSING COLUMNS') return `row has ${m[2]} fields, the header has ${m[1]}`;
	if (m && type === 'TOO MANY COLUMNS') return `row has more fields than the header's ${m[1]}`;
	if (type === 'UNQUOTED VALUE') return 'a quote is not closed or is followed by text';
	return message.split('\n')[0] ?? type;
}

/** Stage a CSV file (any contract dialect) as table `raw`. */
export async function stageCsv(
	conn: SqlConnection,
	o: { file: string; bytes: Uint8Array; raw: string }
): Promise<RawFile> {
	const { utf8, encoding } = decodeCsv(o.file, o.bytes);
	const head = new TextDecoder().decode(utf8.subarray(0, HEAD_BYTES));
	const sniff = sniffCsv(o.file, head);
	const names = sniff.headers.map((_, i) => `c${i}`);
	const vfile = `${o.raw}.csv`;
	const rej = `${o.raw}_rej`;
	await conn.registerFile(vfile, utf8);
	try {
		await conn.query(`CREATE OR REPLACE TEMP TABLE ${ident(`${o.raw}_t`)} AS
SELECT row_number() OVER () AS _rec, * FROM read_csv(${literal(vfile)}, header = true,
  delim = ${literal(sniff.delimiter)}, quote = '"', escape = '"', all_varchar = true,
  names = ${listLiteral(names)}, null_padding = false, ignore_errors = true,
  store_rejects = true, rejects_table = ${literal(rej)}, rejects_scan = ${literal(`${rej}_scan`)},
  max_line_size = 4000000)`);
		const rejects = await queryRows<{ line: number; error_type: string; error_message: string }>(
			conn,
			`SELECT line::INTEGER AS line, error_type::VARCHAR AS error_type, error_message FROM ${ident(rej)} ORDER BY line`
		);
		// Rejected rows leave gaps: number the kept rows by the lines that were not rejected.
		await conn.query(
			rejects.length === 0
				? `CREATE OR REPLACE TEMP TABLE ${ident(o.raw)} AS SELECT (_rec + 1)::INTEGER AS _row, * EXCLUDE (_rec) FROM ${ident(`${o.raw}_t`)}`
				: `CREATE OR REPLACE TEMP TABLE ${ident(o.raw)} AS
SELECT l.line::INTEGER AS _row, t.* EXCLUDE (_rec) FROM ${ident(`${o.raw}_t`)} t JOIN (
  SELECT line, row_number() OVER (ORDER BY line) AS rn
  FROM range(2, (SELECT count(*) FROM ${ident(`${o.raw}_t`)}) + ${rejects.length} + 2) r(line)
  WHERE line NOT IN (SELECT line FROM ${ident(rej)})) l ON l.rn = t._rec`
		);
		const [{ n } = { n: 0 }] = await queryRows<{ n: number }>(
			conn,
			`SELECT count(*)::INTEGER AS n FROM ${ident(o.raw)}`
		);
		return {
			file: o.file,
			kind: 'csv',
			raw: o.raw,
			headers: sniff.headers,
			preview: sniff.preview,
			rowsRead: n + rejects.length,
			encoding,
			delimiter: sniff.delimiter,
			structural: rejects.map((r) => ({
				file: o.file,
				row: r.line,
				column: '',
				value: null,
				reason: structuralReason(r.error_type, r.error_message),
				severity: 'error'
			}))
		};
	} catch (e) {
		if (e instanceof FileError) throw e;
		throw new FileError(o.file, `${o.file} could not be read as CSV: ${firstLine(e)}`);
	} finally {
		await conn.query(
			`DROP TABLE IF EXISTS ${ident(`${o.raw}_t`)}; DROP TABLE IF EXISTS ${ident(rej)}; DROP TABLE IF EXISTS ${ident(`${rej}_scan`)};`
		);
		await conn.dropFile(vfile);
	}
}

function firstLine(e: unknown): string {
	return String(e instanceof Error ? e.message : e).split('\n')[0] ?? 'unknown error';
}

/** Stage a Parquet file as table `raw`, each column as text (lists joined with `;`). */
export async function stageParquet(
	conn: SqlConnection,
	o: { file: string; bytes: Uint8Array; raw: string; decodeParquet: ParquetDecoder }
): Promise<RawFile> {
	let ipc: Uint8Array;
	try {
		ipc = await o.decodeParquet(o.bytes);
	} catch (e) {
		throw new FileError(o.file, `${o.file} could not be read as Parquet: ${firstLine(e)}`);
	}
	const arrowTable = `${o.raw}_arrow`;
	try {
		await conn.insertArrowIPC(arrowTable, ipc);
		const cols = await queryRows<{ column_name: string; column_type: string }>(
			conn,
			`SELECT column_name, column_type FROM (DESCRIBE ${ident(arrowTable)})`
		);
		const select = cols.map((c, i) => {
			const v = /\[\]$/.test(c.column_type)
				? `array_to_string(${ident(c.column_name)}, ';')`
				: `CAST(${ident(c.column_name)} AS VARCHAR)`;
			return `${v} AS c${i}`;
		});
		await conn.query(`CREATE OR REPLACE TEMP TABLE ${ident(o.raw)} AS
SELECT (row_number() OVER ())::INTEGER AS _row, ${select.join(', ')} FROM ${ident(arrowTable)}`);
		const preview = await queryRows<Record<string, string | null>>(
			conn,
			`SELECT * EXCLUDE (_row) FROM ${ident(o.raw)} LIMIT 5`
		);
		const [{ n } = { n: 0 }] = await queryRows<{ n: number }>(
			conn,
			`SELECT count(*)::INTEGER AS n FROM ${ident(o.raw)}`
		);
		return {
			file: o.file,
			kind: 'parquet',
			raw: o.raw,
			headers: cols.map((c) => c.column_name),
			preview: preview.map((r) => cols.map((_, i) => r[`c${i}`] ?? '')),
			rowsRead: n,
			structural: []
		};
	} catch (e) {
		throw new FileError(o.file, `${o.file} could not be loaded from Parquet: ${firstLine(e)}`);
	} finally {
		await conn.query(`DROP TABLE IF EXISTS ${ident(arrowTable)}`);
	}
}

/**
 * Staging one decoded file into DuckDB as an all-text temp table `raw` (columns c0..cN, plus
 * `_row`, the row number a spreadsheet shows: the header is row 1, blank lines count). Structural
 * problems (ragged rows, broken quoting) are reported per row instead of padded away.
 */
import type { ProblemRow } from '../db/queries/validate';
import { queryRows } from '../db/rows';
import { ident, literal } from '../db/sql';
import type { SqlConnection } from '../db/types';
import { firstLine, type DecodedCsv, type DecodedParquet } from './decode';
import { FileError, type FileKind } from './detect';
import { isOutOfMemory, tooBigMessage } from './errors';

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

function structuralReason(type: string, message: string): string {
	const m = /Expected Number of Columns: (\d+) Found: (\d+)/.exec(message);
	if (m && type === 'MISSING COLUMNS') return `row has ${m[2]} fields, the header has ${m[1]}`;
	if (m && type === 'TOO MANY COLUMNS') return `row has more fields than the header's ${m[1]}`;
	if (type === 'UNQUOTED VALUE') return 'a quote is not closed or is followed by text';
	if (type === 'LINE SIZE OVER MAXIMUM') return 'row is longer than 4 MB';
	if (type === 'INVALID UNICODE') return 'row contains bytes that are not text';
	return firstLine(message);
}

const count = async (conn: SqlConnection, table: string) =>
	(await queryRows<{ n: number }>(conn, `SELECT count(*)::INTEGER AS n FROM ${ident(table)}`))[0]
		?.n ?? 0;

/** Rethrow an engine failure while staging `file` as a one-sentence FileError. */
export function stagingError(file: string, what: string, e: unknown): FileError {
	if (e instanceof FileError) return e;
	if (isOutOfMemory(e)) return new FileError(file, tooBigMessage(file));
	return new FileError(file, `${file} could not be read as ${what}: ${firstLine(e)}`);
}

/** Stage a decoded CSV file (any contract dialect) as temp table `raw`. */
export async function stageCsv(
	conn: SqlConnection,
	o: { decoded: DecodedCsv; raw: string }
): Promise<RawFile> {
	const d = o.decoded;
	const columns = `{${d.headers.map((_, i) => `${literal(`c${i}`)}: 'VARCHAR'`).join(', ')}}`;
	const vfile = `${o.raw}.csv`;
	const [tmp, rej] = [`${o.raw}_t`, `${o.raw}_rej`];
	await conn.registerFile(vfile, d.utf8);
	try {
		// auto_detect off: the dialect is known, and DuckDB's sniffer would record each reject twice.
		await conn.query(`CREATE OR REPLACE TEMP TABLE ${ident(tmp)} AS
SELECT (row_number() OVER () + 1)::INTEGER AS _row, * FROM read_csv(${literal(vfile)}, auto_detect = false,
  header = true, columns = ${columns}, delim = ${literal(d.delimiter)}, quote = '"', escape = '"',
  null_padding = false, ignore_errors = true, store_rejects = true, rejects_table = ${literal(rej)},
  rejects_scan = ${literal(`${rej}_scan`)}, max_line_size = 4000000)`);
		const rejects = await queryRows<{ line: number; error_type: string; error_message: string }>(
			conn,
			`SELECT line::INTEGER AS line, first(error_type::VARCHAR) AS error_type, first(error_message) AS error_message
FROM ${ident(rej)} GROUP BY line ORDER BY line`
		);
		const skipped = [...rejects.map((r) => r.line), ...d.blankRows];
		// Kept rows are numbered 2..n+1 as read; a spreadsheet also counts rejected and blank rows,
		// so only then are they renumbered (a second full copy, avoided in the common case).
		await conn.query(
			skipped.length === 0
				? `ALTER TABLE ${ident(tmp)} RENAME TO ${ident(o.raw)}`
				: `CREATE OR REPLACE TEMP TABLE ${ident(o.raw)} AS
SELECT l.line::INTEGER AS _row, t.* EXCLUDE (_row) FROM ${ident(tmp)} t JOIN (
  SELECT line, row_number() OVER (ORDER BY line) AS rn
  FROM range(2, (SELECT count(*) FROM ${ident(tmp)}) + ${skipped.length} + 2) r(line)
  WHERE line NOT IN (SELECT unnest([${skipped.join(', ')}]::BIGINT[]))) l ON l.rn = t._row - 1`
		);
		const n = await count(conn, o.raw);
		if (n + rejects.length === 0)
			throw new FileError(d.file, `${d.file} has a header but no data rows.`);
		return {
			file: d.file,
			kind: 'csv',
			raw: o.raw,
			headers: d.headers,
			preview: d.preview,
			rowsRead: n + rejects.length,
			encoding: d.encoding,
			delimiter: d.delimiter,
			structural: rejects.map((r) => ({
				file: d.file,
				row: r.line,
				column: '',
				value: null,
				reason: structuralReason(r.error_type, r.error_message),
				severity: 'error'
			}))
		};
	} catch (e) {
		throw stagingError(d.file, 'CSV', e);
	} finally {
		await conn.query(
			`DROP TABLE IF EXISTS ${ident(tmp)}; DROP TABLE IF EXISTS ${ident(rej)}; DROP TABLE IF EXISTS ${ident(`${rej}_scan`)};`
		);
		await conn.dropFile(vfile);
	}
}

/** Stage a decoded Parquet file as temp table `raw`, each column as text (lists joined with `;`). */
export async function stageParquet(
	conn: SqlConnection,
	o: { decoded: DecodedParquet; raw: string }
): Promise<RawFile> {
	const d = o.decoded;
	const arrowTable = `${o.raw}_arrow`;
	try {
		await conn.insertArrowIPC(arrowTable, d.ipc);
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
		// Rows are numbered as the same table saved as CSV would show them: the first record is row 2.
		await conn.query(`CREATE OR REPLACE TEMP TABLE ${ident(o.raw)} AS
SELECT (row_number() OVER () + 1)::INTEGER AS _row, ${select.join(', ')} FROM ${ident(arrowTable)}`);
		const preview = await queryRows<Record<string, string | null>>(
			conn,
			`SELECT * EXCLUDE (_row) FROM ${ident(o.raw)} LIMIT 5`
		);
		const n = await count(conn, o.raw);
		if (n === 0) throw new FileError(d.file, `${d.file} has columns but no data rows.`);
		return {
			file: d.file,
			kind: 'parquet',
			raw: o.raw,
			headers: cols.map((c) => c.column_name),
			preview: preview.map((r) => cols.map((_, i) => r[`c${i}`] ?? '')),
			rowsRead: n,
			structural: []
		};
	} catch (e) {
		throw stagingError(d.file, 'Parquet', e);
	} finally {
		await conn.query(`DROP TABLE IF EXISTS ${ident(arrowTable)}`);
	}
}

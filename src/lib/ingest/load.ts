/**
 * Loading a batch of files: stage each one, recognise its table, validate every row in SQL, build
 * one staging table per contract table, then swap the staging tables in atomically on commit.
 * Nothing touches the live tables until `commitBatch`; a failure or `discardBatch` leaves them as
 * they were.
 */
import { getTable, type TableName } from '../contract/contract';
import { guessTable, matchHeaders, type HeaderMapping } from '../contract/match';
import { queryRows } from '../db/rows';
import { ident } from '../db/sql';
import type { ParquetDecoder, SqlConnection } from '../db/types';
import {
	checkedSelectSql,
	problemsSql,
	stagingSelectSql,
	type ProblemRow,
	type RefTarget
} from '../db/queries/validate';
import { commitSql, liveTablesSql } from '../db/queries/dataset';
import { detectKind, FileError } from './detect';
import { stageParquet, stageCsv, type RawFile } from './stage';

/** A file handed to the loader. */
export interface InputFile {
	name: string;
	bytes: Uint8Array;
}

/** The analyst's choices for one file: its table and hand-mapped columns. */
export interface FileOverride {
	table?: TableName;
	manual?: Record<string, number>;
}

/** What happened to one file. */
export interface FileReport {
	file: string;
	kind: 'csv' | 'parquet' | null;
	table: TableName | null;
	mapping: HeaderMapping | null;
	headers: string[];
	preview: string[][];
	encoding?: string;
	delimiter?: string;
	rowsRead: number;
	rowsLoaded: number;
	rowsRejected: number;
	/** A file-level failure: the file cannot be loaded at all. */
	error?: string;
}

/** The result of preparing a batch: per-file reports, problems, and what a commit would replace. */
export interface BatchReport {
	id: string;
	files: FileReport[];
	/** Problems, errors and warnings, first `PROBLEM_LIMIT` of them. */
	problems: ProblemRow[];
	errorCount: number;
	warningCount: number;
	/** Tables a commit replaces, with their new row counts and source files. */
	tables: { table: TableName; rows: number; files: string[]; staging: string }[];
}

/** At most this many problems are listed; the counts stay exact. */
export const PROBLEM_LIMIT = 5000;

let batchCounter = 0;

/** Stage, recognise and validate files; nothing live changes. Call commitBatch or discardBatch. */
export async function prepareBatch(
	conn: SqlConnection,
	o: {
		files: InputFile[];
		decodeParquet: ParquetDecoder;
		overrides?: Record<string, FileOverride>;
	}
): Promise<BatchReport> {
	const id = `b${++batchCounter}_${Date.now().toString(36)}`;
	const reports: FileReport[] = [];
	const staged: { raw: RawFile; report: FileReport; mapping: HeaderMapping; index: number }[] = [];
	for (const [index, f] of o.files.entries()) {
		const report: FileReport = {
			file: f.name,
			kind: null,
			table: null,
			mapping: null,
			headers: [],
			preview: [],
			rowsRead: 0,
			rowsLoaded: 0,
			rowsRejected: 0
		};
		reports.push(report);
		try {
			const kind = detectKind(f.name, f.bytes);
			report.kind = kind;
			const rawName = `raw_${id}_${index}`;
			const raw =
				kind === 'parquet'
					? await stageParquet(conn, {
							file: f.name,
							bytes: f.bytes,
							raw: rawName,
							decodeParquet: o.decodeParquet
						})
					: await stageCsv(conn, { file: f.name, bytes: f.bytes, raw: rawName });
			Object.assign(report, {
				headers: raw.headers,
				preview: raw.preview,
				encoding: raw.encoding,
				delimiter: raw.delimiter,
				rowsRead: raw.rowsRead
			});
			const override = o.overrides?.[f.name];
			const table = override?.table ?? guessTable(raw.headers, f.name).table;
			if (!table) {
				throw new FileError(
					f.name,
					`${f.name} matches no Intersect table: its header (${raw.headers.slice(0, 6).join(', ')}${raw.headers.length > 6 ? ', …' : ''}) has not enough of the columns of meetings, themes, outcomes or attendance.`
				);
			}
			const mapping = matchHeaders(raw.headers, getTable(table), override?.manual);
			report.table = table;
			report.mapping = mapping;
			if (mapping.missing.length > 0) {
				throw new FileError(
					f.name,
					`${f.name} looks like ${table} but lacks the required column${mapping.missing.length > 1 ? 's' : ''} ${mapping.missing.join(', ')}.`
				);
			}
			staged.push({ raw, report, mapping, index });
		} catch (e) {
			report.error = e instanceof FileError ? e.message : `${f.name}: ${String(e)}`;
			report.rowsRejected = report.rowsRead;
		}
	}

	const problems: ProblemRow[] = staged.flatMap((s) => s.raw.structural);
	let errorCount = problems.length;
	let warningCount = 0;
	const tables: BatchReport['tables'] = [];
	const byTable = new Map<TableName, typeof staged>();
	for (const s of staged)
		byTable.set(s.report.table!, [...(byTable.get(s.report.table!) ?? []), s]);
	const live = new Set(
		(await queryRows<{ name: string }>(conn, liveTablesSql())).map((r) => r.name)
	);
	const checkedName = (t: TableName) => `chk_${id}_${t}`;
	// Load order: meetings and themes first so outcomes can be checked against this batch's rows.
	const order: TableName[] = ['meetings', 'themes', 'outcomes', 'attendance'];
	for (const t of order) {
		const group = byTable.get(t);
		if (!group) continue;
		const table = getTable(t);
		const checked = checkedName(t);
		await conn.query(
			`CREATE OR REPLACE TEMP TABLE ${ident(checked)} AS\n` +
				group
					.map((s) =>
						checkedSelectSql({
							raw: s.raw.raw,
							file: s.raw.file,
							fileIndex: s.index,
							table,
							mapping: s.mapping
						})
					)
					.join('\nUNION ALL BY NAME\n')
		);
		const refs: Record<string, RefTarget | undefined> = {};
		for (const c of table.columns) {
			if (!c.references) continue;
			const key = getTable(c.references).key;
			if (byTable.has(c.references))
				refs[c.name] = { table: checkedName(c.references), column: key };
			else if (live.has(c.references)) refs[c.name] = { table: c.references, column: key };
		}
		const prob = `prob_${id}_${t}`;
		await conn.query(
			`CREATE OR REPLACE TEMP TABLE ${ident(prob)} AS ${problemsSql({ checked, table, refs })}`
		);
		const staging = `stg_${id}_${t}`;
		const extras = [...new Set(group.flatMap((s) => s.mapping.extras.map((e) => e.name)))];
		await conn.query(
			`CREATE OR REPLACE TABLE ${ident(staging)} AS ${stagingSelectSql({ checked, problems: prob, table, extras })}`
		);
		const counts = await queryRows<{ file: string; loaded: number }>(
			conn,
			`SELECT _file AS file, count(*)::INTEGER AS loaded FROM ${ident(checked)} k
WHERE NOT EXISTS (SELECT 1 FROM ${ident(prob)} p WHERE p.severity = 'error' AND p.file = k._file AND p."row" = k._row)
GROUP BY _file`
		);
		for (const s of group) {
			s.report.rowsLoaded = counts.find((c) => c.file === s.raw.file)?.loaded ?? 0;
			s.report.rowsRejected = s.report.rowsRead - s.report.rowsLoaded;
		}
		const [sev] = await queryRows<{ errors: number; warnings: number }>(
			conn,
			`SELECT count(*) FILTER (WHERE severity = 'error')::INTEGER AS errors,
       count(*) FILTER (WHERE severity = 'warning')::INTEGER AS warnings FROM ${ident(prob)}`
		);
		errorCount += sev?.errors ?? 0;
		warningCount += sev?.warnings ?? 0;
		problems.push(
			...(await queryRows<ProblemRow>(conn, `SELECT * FROM ${ident(prob)} LIMIT ${PROBLEM_LIMIT}`))
		);
		tables.push({
			table: t,
			rows: group.reduce((n, s) => n + s.report.rowsLoaded, 0),
			files: group.map((s) => s.raw.file),
			staging
		});
	}
	for (const s of staged) await conn.query(`DROP TABLE IF EXISTS ${ident(s.raw.raw)}`);
	for (const t of byTable.keys())
		await conn.query(
			`DROP TABLE IF EXISTS ${ident(checkedName(t))}; DROP TABLE IF EXISTS ${ident(`prob_${id}_${t}`)};`
		);
	return {
		id,
		files: reports,
		problems: problems.slice(0, PROBLEM_LIMIT),
		errorCount,
		warningCount,
		tables
	};
}

/**
 * Replace the live tables with the batch's staging tables in one transaction, recording the
 * source (`sample` or the file names). On any failure the transaction is rolled back.
 */
export async function commitBatch(
	conn: SqlConnection,
	batch: BatchReport,
	o: { source: 'sample' | 'upload' }
): Promise<void> {
	if (batch.tables.length === 0) return;
	try {
		await conn.query(commitSql({ tables: batch.tables, source: o.source }));
	} catch (e) {
		await conn.query('ROLLBACK').catch(() => undefined);
		await discardBatch(conn, batch);
		throw e;
	}
}

/** Drop a prepared batch's staging tables without touching the live ones. */
export async function discardBatch(conn: SqlConnection, batch: BatchReport): Promise<void> {
	for (const t of batch.tables) await conn.query(`DROP TABLE IF EXISTS ${ident(t.staging)}`);
}

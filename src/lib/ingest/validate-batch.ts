/**
 * Validating a staged batch: map each file onto its table, check every row in SQL, and build one
 * staging table per contract table with the rows that have no error. Files are checked in table
 * order (meetings and themes first) so outcomes can be checked against this batch's rows.
 */
import { getTable, TABLE_NAMES, type TableName } from '../contract/contract';
import { guessTable, matchHeaders, type HeaderMapping } from '../contract/match';
import { liveTablesSql } from '../db/queries/dataset';
import { problemsSql, stagingSelectSql, type RefTarget } from '../db/queries/problems';
import { checkedSelectSql, type ProblemRow } from '../db/queries/validate';
import { queryRows } from '../db/rows';
import { ident } from '../db/sql';
import type { SqlConnection } from '../db/types';
import type { LoadProgress } from './decode';
import { PROBLEM_LIMIT, type BatchReport, type FileReport } from './batch';
import type { RawFile } from './stage';

interface Mapped {
	raw: RawFile;
	report: FileReport;
	mapping: HeaderMapping;
	index: number;
}

/** Decide each staged file's table and column mapping; a file that cannot be mapped gets its sentence. */
function mapFiles(batch: BatchReport): Mapped[] {
	const mapped: Mapped[] = [];
	batch.staged.forEach((raw, index) => {
		const report = batch.files[index]!;
		if (!raw) return;
		const override = batch.inputs[index]?.override;
		const table = override?.table ?? guessTable(raw.headers, raw.file).table;
		report.tableChosen = override?.table !== undefined;
		report.table = table;
		report.mapping = null;
		report.rowsLoaded = 0;
		report.rowsRejected = report.rowsRead;
		if (!table) {
			const shown = raw.headers.slice(0, 6).join(', ') + (raw.headers.length > 6 ? ', …' : '');
			report.error = `${raw.file} matches no Intersect table: its header (${shown}) has not enough of the columns of meetings, themes, outcomes or attendance. Choose its table below.`;
			return;
		}
		const mapping = matchHeaders(raw.headers, getTable(table), override?.manual);
		report.mapping = mapping;
		if (mapping.missing.length > 0) {
			const s = mapping.missing.length > 1 ? 's' : '';
			report.error = `${raw.file} looks like ${table} but lacks the required column${s} ${mapping.missing.join(', ')}.`;
			return;
		}
		report.error = undefined;
		mapped.push({ raw, report, mapping, index });
	});
	return mapped;
}

/** Check the mapped files of `batch`, table by table, into staging tables; returns the report. */
export async function validateStaged(
	conn: SqlConnection,
	batch: BatchReport,
	o: { signal?: AbortSignal; onProgress?: (p: LoadProgress) => void }
): Promise<BatchReport> {
	const { id } = batch;
	const mapped = mapFiles(batch);
	const found: [number, ProblemRow][] = mapped.flatMap((m) =>
		m.raw.structural.map((p) => [m.index, p] as [number, ProblemRow])
	);
	let errorCount = found.length;
	let warningCount = 0;
	const tables: BatchReport['tables'] = [];
	const live = new Set(
		(await queryRows<{ name: string }>(conn, liveTablesSql())).map((r) => r.name)
	);
	const staging = (t: TableName) => `stg_${id}_${t}`;
	const files = batch.files.map((f) => f.file);
	const temp: string[] = [];
	try {
		for (const t of TABLE_NAMES) {
			const group = mapped.filter((m) => m.report.table === t);
			if (group.length === 0) continue;
			o.signal?.throwIfAborted();
			o.onProgress?.({
				stage: 'validating',
				file: group.map((g) => g.raw.file).join(', '),
				fraction: tables.length / 4
			});
			const table = getTable(t);
			const [checked, prob] = [`chk_${id}_${t}`, `prob_${id}_${t}`];
			temp.push(checked, prob);
			await conn.query(
				`CREATE OR REPLACE TEMP TABLE ${ident(checked)} AS\n` +
					group
						.map((s) =>
							checkedSelectSql({
								raw: s.raw.raw,
								fileIndex: s.index,
								table,
								mapping: s.mapping
							})
						)
						.map((q) => `SELECT * FROM (${q})`)
						.join('\nUNION ALL BY NAME\n')
			);
			const append = batch.mode === 'append' && live.has(t);
			const refs: Record<string, RefTarget[]> = {};
			for (const c of table.columns) {
				if (!c.references) continue;
				const column = getTable(c.references).key;
				const inBatch = tables.some((x) => x.table === c.references);
				const targets: RefTarget[] = [];
				if (inBatch) targets.push({ table: staging(c.references), column });
				if ((!inBatch || batch.mode === 'append') && live.has(c.references))
					targets.push({ table: c.references, column });
				refs[c.name] = targets;
			}
			await conn.query(
				`CREATE OR REPLACE TEMP TABLE ${ident(prob)} AS ${problemsSql({ checked, files, table, refs, existing: append ? t : undefined })}`
			);
			const [sev] = await queryRows<{ errors: number; warnings: number }>(
				conn,
				`SELECT count(*) FILTER (WHERE severity = 'error')::INTEGER AS errors,
       count(*) FILTER (WHERE severity = 'warning')::INTEGER AS warnings FROM ${ident(prob)}`
			);
			const clean = (sev?.errors ?? 0) === 0;
			const extras = [...new Set(group.flatMap((s) => s.mapping.extras.map((e) => e.name)))];
			await conn.query(
				`CREATE OR REPLACE TABLE ${ident(staging(t))} AS ${stagingSelectSql({ checked, problems: prob, table, extras, clean, single: group.length === 1 })}`
			);
			const counts = await queryRows<{ fi: number; loaded: number }>(
				conn,
				`SELECT _fi AS fi, count(*)::INTEGER AS loaded FROM ${ident(checked)} k${
					clean
						? ''
						: `
WHERE NOT EXISTS (SELECT 1 FROM ${ident(prob)} p WHERE p.severity = 'error' AND p._fi = k._fi AND p."row" = k._row)`
				}
GROUP BY _fi`
			);
			for (const s of group) {
				s.report.rowsLoaded = counts.find((c) => c.fi === s.index)?.loaded ?? 0;
				s.report.rowsRejected = s.report.rowsRead - s.report.rowsLoaded;
			}
			errorCount += sev?.errors ?? 0;
			warningCount += sev?.warnings ?? 0;
			const rows = await queryRows<ProblemRow & { _fi: number }>(
				conn,
				`SELECT * FROM ${ident(prob)} LIMIT ${PROBLEM_LIMIT}`
			);
			found.push(...rows.map(({ _fi, ...p }) => [_fi, p] as [number, ProblemRow]));
			tables.push({
				table: t,
				rows: group.reduce((n, s) => n + s.report.rowsLoaded, 0),
				files: group.map((s) => s.raw.file),
				staging: staging(t)
			});
		}
	} catch (e) {
		for (const x of tables) await conn.query(`DROP TABLE IF EXISTS ${ident(x.staging)}`);
		throw e;
	} finally {
		for (const x of temp) await conn.query(`DROP TABLE IF EXISTS ${ident(x)}`);
	}
	found.sort((a, b) => a[0] - b[0] || a[1].row - b[1].row);
	return {
		...batch,
		problems: found.slice(0, PROBLEM_LIMIT).map(([, p]) => p),
		errorCount,
		warningCount,
		tables
	};
}

/**
 * Validating a staged batch: map each file onto its table, check every row in SQL, and build one
 * staging table per contract table with the rows that have no error. Files are checked in table
 * order (meetings and themes first) so outcomes can be checked against this batch's rows.
 */
import { getTable, TABLE_NAMES, type TableName } from '../contract/contract';
import { liveTablesSql } from '../db/queries/dataset';
import { sectorListTypeSql } from '../db/queries/fast';
import type { RefTarget } from '../db/queries/problems';
import type { ProblemRow } from '../db/queries/validate';
import { queryRows } from '../db/rows';
import { dropTableSql, recordsOnlySql } from '../db/queries/staging';
import type { SqlConnection } from '../db/types';
import type { LoadProgress } from './decode';
import { PROBLEM_LIMIT, type BatchReport } from './batch';
import { mapFiles } from './map-files';
import { readCsv } from './stage';
import { fastGroup, preciseGroup } from './validate-group';

/** Which path validates: `fast` (typed, one pass; the default) or `precise` (all text, the reference). */
export type ValidationPath = 'fast' | 'precise';

/** Check the mapped files of `batch`, table by table, into staging tables; returns the report. */
export async function validateStaged(
	conn: SqlConnection,
	batch: BatchReport,
	o: {
		signal?: AbortSignal;
		onProgress?: (p: LoadProgress) => void;
		path?: ValidationPath;
	}
): Promise<BatchReport> {
	const { id } = batch;
	const mapped = mapFiles(batch);
	await countUnmapped(conn, batch);
	const found: [number, ProblemRow][] = [];
	let errorCount = 0;
	let warningCount = 0;
	const tables: BatchReport['tables'] = [];
	const live = new Set(
		(await queryRows<{ name: string }>(conn, liveTablesSql())).map((r) => r.name)
	);
	const staging = (t: TableName) => `stg_${id}_${t}`;
	const files = batch.files.map((f) => f.file);
	const temp: string[] = [];
	if (o.path !== 'precise') await conn.query(sectorListTypeSql());
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
			const append = batch.mode === 'append' && live.has(t);
			const checked = await (o.path === 'precise' ? preciseGroup : fastGroup)(conn, {
				id: `${id}_${t}`,
				group,
				table,
				problems: { files, refs, existing: append ? t : undefined },
				staging: staging(t),
				temp,
				signal: o.signal
			});
			for (const s of group) {
				s.report.rowsRead = s.raw.rowsRead;
				if (s.report.error) {
					s.report.rowsRejected = s.report.rowsRead;
					continue;
				}
				s.report.rowsLoaded = checked.loaded.get(s.index) ?? 0;
				s.report.rowsRejected = s.report.rowsRead - s.report.rowsLoaded;
				found.push(...s.raw.structural.map((p) => [s.index, p] as [number, ProblemRow]));
			}
			errorCount += checked.errors + group.reduce((n, s) => n + s.raw.structural.length, 0);
			warningCount += checked.warnings;
			found.push(...checked.problems);
			if (checked.empty) continue;
			tables.push({
				table: t,
				rows: group.reduce((n, s) => n + s.report.rowsLoaded, 0),
				files: group.map((s) => s.raw.file),
				staging: staging(t)
			});
		}
	} catch (e) {
		for (const x of tables) await conn.query(dropTableSql(x.staging));
		throw e;
	} finally {
		for (const x of temp) await conn.query(dropTableSql(x));
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

/** CSV files that matched no table were not read: count their records for the report. */
async function countUnmapped(conn: SqlConnection, batch: BatchReport): Promise<void> {
	for (const [i, raw] of batch.staged.entries()) {
		const report = batch.files[i]!;
		if (!raw || !report.error || raw.kind !== 'csv' || raw.structural.length + raw.rowsRead > 0)
			continue;
		const into = `cnt_${batch.id}_${i}`;
		const r = await readCsv(conn, raw, {
			into,
			temp: true,
			select: recordsOnlySql
		});
		await conn.query(dropTableSql(into));
		raw.rowsRead = r.rows + r.structural.length;
		raw.structural = r.structural;
		report.rowsRead = raw.rowsRead;
		report.rowsRejected = raw.rowsRead;
	}
}

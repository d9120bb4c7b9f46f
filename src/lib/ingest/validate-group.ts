/**
 * Validating the files of one contract table, on either path: read each file (typed in one pass,
 * or as text), list the problems of the checks that have hits, and leave the rows without an
 * error as the staging table. A clean single file's fast table becomes the staging table as is.
 */
import type { ContractTable } from '../contract/contract';
import type { HeaderMapping } from '../contract/match';
import { fastCheckedSql, fastHiddenColumns, spreadsheetRowSql } from '../db/queries/fast';
import {
	problemCountsSql,
	problemsSql,
	stagingSelectSql,
	type ProblemsOptions
} from '../db/queries/problems';
import { checkedSelectSql, type ProblemRow } from '../db/queries/validate';
import { queryRows } from '../db/rows';
import {
	createAsSql,
	deleteErrorRowsSql,
	dropColumnSql,
	dropTableSql,
	dropViewSql,
	loadedPerFileSql,
	problemRowsSql,
	renameTableSql,
	severityCountsSql,
	unionByNameSql,
	type LoadedPerFileRow,
	type SeverityCountsRow
} from '../db/queries/staging';
import type { SqlConnection } from '../db/types';
import { PROBLEM_LIMIT, type FileReport } from './batch';
import { fastFileTable, textFileTable, type FileTable } from './file-tables';
import { FileError } from './detect';
import { fileErrorText } from './file-error-text';
import type { RawFile } from './stage';

/** A staged file with its table and column mapping decided. */
export interface MappedFile {
	raw: RawFile;
	report: FileReport;
	mapping: HeaderMapping;
	index: number;
}

/** What validating one table's files needs. */
export interface GroupInput {
	/** Unique stem for this group's temporary tables. */
	id: string;
	group: MappedFile[];
	table: ContractTable;
	problems: Omit<ProblemsOptions, 'checked' | 'table' | 'rowOf'>;
	/** Name of the staging table to leave. */
	staging: string;
	/** Temporary tables and views are added here; the caller drops them. */
	temp: string[];
	signal?: AbortSignal;
}

/** What validating one table's files found. */
export interface GroupResult {
	/** Rows loaded per file index. */
	loaded: Map<number, number>;
	errors: number;
	warnings: number;
	/** The first PROBLEM_LIMIT problems, with their file index. */
	problems: [number, ProblemRow][];
	/** No file could be read: no staging table was made. */
	empty?: boolean;
}

function setRead(m: MappedFile, r: FileTable) {
	m.raw.rowsRead = r.rows + r.structural.length;
	m.raw.structural = r.structural;
}

/**
 * Read each file of the group with `read`; a file that cannot be read (too big for memory, say)
 * gets its sentence in its report and is left out, as if it had failed staging.
 */
async function readEach<T extends FileTable>(
	o: GroupInput,
	read: (m: MappedFile, into: string) => Promise<T>,
	prefix: string
): Promise<{ m: MappedFile; ft: T }[]> {
	const out: { m: MappedFile; ft: T }[] = [];
	for (const m of o.group) {
		o.signal?.throwIfAborted();
		const into = `${prefix}_${o.id}_${m.index}`;
		o.temp.push(into);
		try {
			const ft = await read(m, into);
			setRead(m, ft);
			out.push({ m, ft });
		} catch (e) {
			if (!(e instanceof FileError) || o.signal?.aborted) throw e;
			m.report.error = fileErrorText(e);
			m.report.errorCode = { code: e.code, params: { ...e.params } };
			m.raw.structural = [];
		}
	}
	return out;
}

/** The result for a group none of whose files could be read: no staging table. */
const NOTHING: GroupResult = {
	loaded: new Map(),
	errors: 0,
	warnings: 0,
	problems: [],
	empty: true
};

/** Problems, counts and loaded rows of checked relation `checked`; `only` limits the checks. */
async function listProblems(
	conn: SqlConnection,
	o: GroupInput & { checked: string; prob: string; only?: boolean[]; po: ProblemsOptions }
): Promise<GroupResult & { clean: boolean }> {
	await conn.query(createAsSql(o.prob, problemsSql({ ...o.po, only: o.only }), { temp: true }));
	const [sev] = await queryRows<SeverityCountsRow>(conn, severityCountsSql(o.prob));
	const clean = (sev?.errors ?? 0) === 0;
	const counts = await queryRows<LoadedPerFileRow>(
		conn,
		loadedPerFileSql({ checked: o.checked, problems: o.prob, clean })
	);
	const rows = await queryRows<ProblemRow & { _fi: number; _key: number }>(
		conn,
		problemRowsSql(o.prob, PROBLEM_LIMIT)
	);
	return {
		clean,
		errors: sev?.errors ?? 0,
		warnings: sev?.warnings ?? 0,
		loaded: new Map(counts.map((c) => [c.fi, c.loaded])),
		problems: rows.map(({ _fi, _key: _, ...p }) => [_fi, p] as [number, ProblemRow])
	};
}

/** The precise path: every cell read as text and parsed in SQL (the fast path's reference). */
export async function preciseGroup(conn: SqlConnection, o: GroupInput): Promise<GroupResult> {
	const [checked, prob] = [`chk_${o.id}`, `prob_${o.id}`];
	o.temp.push(checked, prob);
	const reads = await readEach(o, (m, into) => textFileTable(conn, m.raw, { into }), 'txt');
	if (reads.length === 0) return NOTHING;
	const selects = reads.map(({ m, ft }) =>
		checkedSelectSql({ raw: ft.table, fileIndex: m.index, table: o.table, mapping: m.mapping })
	);
	await conn.query(createAsSql(checked, unionByNameSql(selects), { temp: true }));
	const po = { ...o.problems, checked, table: o.table };
	const r = await listProblems(conn, { ...o, checked, prob, po });
	const extras = [...new Set(reads.flatMap((s) => s.m.mapping.extras.map((e) => e.name)))];
	const staged = { checked, problems: prob, table: o.table, extras, clean: r.clean, single: false };
	await conn.query(createAsSql(o.staging, stagingSelectSql(staged)));
	return r;
}

/**
 * The fast path: each file read once into the contract's types (validate.ts's parse only where a
 * cell is not in canonical form), the checks counted in one scan, and only checks with hits listed.
 */
export async function fastGroup(conn: SqlConnection, o: GroupInput): Promise<GroupResult> {
	const checked = `chk_${o.id}`;
	try {
		return await fastChecks(conn, o, checked);
	} finally {
		await conn.query(dropViewSql(checked));
	}
}

async function fastChecks(
	conn: SqlConnection,
	o: GroupInput,
	checked: string
): Promise<GroupResult> {
	const prob = `prob_${o.id}`;
	o.temp.push(prob);
	const reads = await readEach(
		o,
		(m, into) => fastFileTable(conn, m.raw, { into, table: o.table, mapping: m.mapping }),
		'fast'
	);
	if (reads.length === 0) return NOTHING;
	const extrasOf = (m: MappedFile) => m.mapping.extras.map((e) => e.name);
	const union = unionByNameSql(
		reads.map((r) =>
			fastCheckedSql({
				fast: r.ft.table,
				fileIndex: r.m.index,
				table: o.table,
				extras: extrasOf(r.m)
			})
		)
	);
	await conn.query(createAsSql(checked, union, { temp: true, view: true }));
	const rowOf = (fi: string, k: string) =>
		reads.length === 1
			? spreadsheetRowSql(k, reads[0]!.ft.skipped)
			: `CASE ${fi} ${reads.map((r) => `WHEN ${r.m.index} THEN ${spreadsheetRowSql(k, r.ft.skipped)}`).join(' ')} END`;
	const po: ProblemsOptions = { ...o.problems, checked, table: o.table, rowOf };
	const [hits] = await queryRows<Record<string, number>>(conn, problemCountsSql(po));
	const only = Object.values(hits ?? {}).map((n) => n > 0);
	const r = await listProblems(conn, { ...o, checked, prob, only, po });
	await conn.query(dropViewSql(checked));
	await conn.query(dropTableSql(o.staging));
	if (reads.length === 1) {
		// The fast table is the staging table: rows with an error deleted, hidden columns dropped
		// (both cheap in DuckDB: no copy of the data).
		const fast = reads[0]!.ft.table;
		if (!r.clean) await conn.query(deleteErrorRowsSql(fast, prob));
		for (const c of fastHiddenColumns(o.table)) await conn.query(dropColumnSql(fast, c));
		await conn.query(renameTableSql(fast, o.staging));
		return r;
	}
	// Several files for one table: one copy, in file order (the fast tables are dropped after).
	const extras = [...new Set(reads.map((x) => x.m).flatMap(extrasOf))];
	const staged = { checked, problems: prob, table: o.table, extras, clean: r.clean, single: false };
	await conn.query(
		`${createAsSql(checked, union, { temp: true, view: true })};\n${createAsSql(o.staging, stagingSelectSql(staged))}`
	);
	return r;
}

import { readFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, describe, expect, test } from 'vitest';
import { initDatasetSql } from '../../src/lib/db/queries/dataset';
import {
	STARTER_QUERIES,
	catalogColumnsSql,
	catalogTablesSql,
	rowCountsSql,
	type CatalogColumnRow,
	type CatalogTableRow,
	type RowCountRow
} from '../../src/lib/db/queries/workspace';
import { queryRows, tableToRows } from '../../src/lib/db/rows';
import type { SqlConnection } from '../../src/lib/db/types';
import {
	explainError,
	runReadOnly,
	runWorkspaceSql,
	type StatementRunner
} from '../../src/lib/workspace/run';
import { decodeParquetNode, openNodeEngine } from '../helpers/node-engine';

const dataFile = (name: string) => new URL(`../../data/${name}`, import.meta.url).pathname;

let conn: SqlConnection;
let runner: StatementRunner;

beforeAll(async () => {
	conn = await openNodeEngine();
	await conn.query(initDatasetSql());
	// The sample's typed Parquet twins, loaded as they are (the loader has its own tests).
	for (const t of ['meetings', 'themes', 'outcomes', 'attendance']) {
		const ipc = await decodeParquetNode(new Uint8Array(readFileSync(dataFile(`${t}.parquet`))));
		await conn.insertArrowIPC(`pq_${t}`, ipc);
		await conn.query(`CREATE OR REPLACE TABLE ${t} AS FROM pq_${t}; DROP TABLE pq_${t};`);
	}
	runner = { run: (sql) => conn.query(sql), cancel: () => conn.cancel() };
});

/** Native DuckDB over the sample CSVs: an oracle that shares none of the app's SQL. */
async function oracle(sql: string): Promise<Record<string, unknown>[]> {
	const db = await DuckDBInstance.create(':memory:');
	const c = await db.connect();
	const rows = await (await c.runAndReadAll(sql)).getRowObjectsJS();
	c.closeSync();
	db.closeSync();
	return rows;
}

const count = async (table: string) =>
	(await queryRows<{ n: number }>(conn, `SELECT count(*)::INTEGER AS n FROM ${table}`))[0]!.n;

describe('running analyst SQL', () => {
	test('a script returns the last statement’s result, with its statement count', async () => {
		const out = await runWorkspaceSql({
			runner,
			sql: 'SELECT 1 AS a; SELECT 2 AS b, 3 AS c;'
		});
		expect(out.kind).toBe('result');
		if (out.kind !== 'result') return;
		expect(out.statements).toBe(2);
		expect(tableToRows(out.table)).toEqual([{ b: 2, c: 3 }]);
	});

	test('a write the guard does not see is refused by DuckDB’s read-only transaction', async () => {
		const before = await count('outcomes');
		await expect(runReadOnly(runner, 'DELETE FROM outcomes')).rejects.toThrow(/read-only/);
		await expect(runReadOnly(runner, 'DROP TABLE meetings')).rejects.toThrow(/read-only/);
		expect(await count('outcomes')).toBe(before);
		expect(await count('meetings')).toBe(46);
	});

	test('the guard refuses a DROP of a live table before DuckDB sees it', async () => {
		const out = await runWorkspaceSql({ runner, sql: 'DROP TABLE outcomes' });
		expect(out).toMatchObject({
			kind: 'refused',
			refusal: { code: 'ownTable', params: { statement: 'DROP TABLE', table: 'outcomes' } },
			message: expect.stringMatching(
				/^DROP TABLE is refused: it would change the dashboard’s table "outcomes"/
			)
		});
		expect(await count('outcomes')).toBe(219);
	});

	test('TEMP tables of the analyst’s own persist between runs and can be changed', async () => {
		await runWorkspaceSql({ runner, sql: 'CREATE TEMP TABLE mine AS FROM outcomes LIMIT 5' });
		const out = await runWorkspaceSql({
			runner,
			sql: 'DELETE FROM mine WHERE true; INSERT INTO mine FROM outcomes LIMIT 2; SELECT count(*)::INTEGER AS n FROM mine'
		});
		expect(out.kind === 'result' && tableToRows(out.table)).toEqual([{ n: 2 }]);
		await runWorkspaceSql({ runner, sql: 'DROP TABLE mine' });
	});

	test('DuckDB’s own message comes back for a syntax error, and the next query still runs', async () => {
		const out = await runWorkspaceSql({ runner, sql: 'SELECT * FROM outcomes WHERE' });
		expect(out).toMatchObject({ kind: 'error', message: expect.stringMatching(/Parser Error/) });
		const again = await runWorkspaceSql({ runner, sql: 'SELECT 42 AS x' });
		expect(again.kind === 'result' && tableToRows(again.table)).toEqual([{ x: 42 }]);
	});

	test('the failing statement of a script is named', async () => {
		const out = await runWorkspaceSql({ runner, sql: 'SELECT 1; SELECT nope FROM outcomes' });
		expect(out).toMatchObject({ kind: 'error', statement: 1 });
		expect(out.kind === 'error' && out.message).toMatch(/^Statement 2: Binder Error/);
	});

	test('errors read as DuckDB prints them, also when the browser engine sends them as JSON', () => {
		expect(
			explainError(
				'{"exception_type":"Parser","exception_message":"syntax error at end of input","position":"28"}'
			)
		).toBe('Parser Error: syntax error at end of input');
		expect(explainError('Binder Error: column "x" not found')).toBe(
			'Binder Error: column "x" not found'
		);
		expect(
			explainError(
				'{"exception_type":"TransactionContext","exception_message":"Cannot write to database \\"memory\\" - transaction is launched in read-only mode"}'
			)
		).toMatch(
			/^Refused: the loaded tables are read-only in the workspace.*TransactionContext Error/
		);
	});

	test('an empty script is an error, not a silent success', async () => {
		expect(await runWorkspaceSql({ runner, sql: '-- nothing\n;' })).toMatchObject({
			kind: 'error'
		});
	});
});

describe('schema browser catalog', () => {
	test('lists the four tables with their columns and exact row counts, hiding internal ones', async () => {
		await conn.query('CREATE TABLE stg_9_outcomes AS SELECT 1 AS x');
		const tables = await queryRows<CatalogTableRow>(conn, catalogTablesSql());
		expect(tables.map((t) => t.name).sort()).toEqual([
			'attendance',
			'meetings',
			'outcomes',
			'themes'
		]);
		const counts = await queryRows<RowCountRow>(conn, rowCountsSql(tables.map((t) => t.name)));
		expect(Object.fromEntries(counts.map((c) => [c.name, c.rows]))).toEqual({
			attendance: 184,
			meetings: 46,
			outcomes: 219,
			themes: 13
		});
		const cols = await queryRows<CatalogColumnRow>(conn, catalogColumnsSql());
		expect(cols.filter((c) => c.table === 'meetings').map((c) => c.column)).toEqual([
			'meeting_no',
			'date',
			'format',
			'chair',
			'location',
			'participants'
		]);
		expect(cols.find((c) => c.table === 'outcomes' && c.column === 'sectors')?.type).toBe(
			'VARCHAR[]'
		);
		await conn.query('DROP TABLE stg_9_outcomes');
	});
});

describe('starter queries on the sample data', () => {
	const starter = (id: string) => STARTER_QUERIES.find((q) => q.id === id)!.sql;
	const run = async (id: string) => {
		const out = await runWorkspaceSql({ runner, sql: starter(id) });
		if (out.kind !== 'result') throw new Error(JSON.stringify(out));
		return tableToRows<Record<string, unknown>>(out.table);
	};

	test('outcomes per sector per year count each sector of an outcome once', async () => {
		const rows = await run('outcomes-per-sector-year');
		const expected = await oracle(`SELECT year(date::DATE) AS year, s AS sector, count(*) AS n
FROM (SELECT date, unnest(string_split(sectors, ';')) AS s FROM read_csv('${dataFile('outcomes.csv')}', all_varchar = true))
GROUP BY ALL ORDER BY year, sector`);
		expect(rows.map((r) => [r.year, r.sector, r.outcomes])).toEqual(
			expected.map((r) => [Number(r.year), r.sector, Number(r.n)])
		);
	});

	test('themes without a completed outcome are judged against the latest outcome date', async () => {
		const rows = await run('themes-without-completed');
		const expected =
			await oracle(`WITH o AS (FROM read_csv('${dataFile('outcomes.csv')}', all_varchar = true)),
ref AS (SELECT max(date::DATE) AS d FROM o)
SELECT theme_id FROM read_csv('${dataFile('themes.csv')}', all_varchar = true)
WHERE theme_id NOT IN (SELECT theme_id FROM o, ref WHERE status = 'completed'
  AND coalesce(nullif(completed_date, '')::DATE, date::DATE) > ref.d - INTERVAL 1 YEAR)
ORDER BY theme_id`);
		expect(rows.map((r) => r.theme_id).sort()).toEqual(expected.map((r) => r.theme_id));
		const [latest] = await oracle(
			`SELECT max(date::DATE)::VARCHAR AS d FROM read_csv('${dataFile('outcomes.csv')}', all_varchar = true)`
		);
		for (const r of rows)
			expect(new Date(Number(r.reference_date)).toISOString()).toMatch(String(latest!.d));
	});

	test('meetings without attendance records: none in the sample (every meeting has four rows)', async () => {
		expect(await run('meetings-without-attendance')).toEqual([]);
		await conn.query('CREATE TEMP TABLE kept AS FROM attendance');
		await conn.query('DELETE FROM attendance WHERE meeting_no = 3');
		expect((await run('meetings-without-attendance')).map((r) => r.meeting_no)).toEqual([3]);
		await conn.query('INSERT INTO attendance FROM kept WHERE meeting_no = 3; DROP TABLE kept');
	});
});

describe('runs queued on one connection', () => {
	test('scripts started together take turns: no transaction of one inside another', async () => {
		const scripts = Array.from({ length: 6 }, (_, i) => `SELECT ${i} AS n; SELECT ${i} + 1 AS m`);
		const outs = await Promise.all(scripts.map((sql) => runWorkspaceSql({ runner, sql })));
		expect(outs.map((o) => o.kind)).toEqual(scripts.map(() => 'result'));
		expect(outs.map((o) => (o.kind === 'result' ? tableToRows(o.table)[0] : null))).toEqual(
			scripts.map((_, i) => ({ m: i + 1 }))
		);
	});
});

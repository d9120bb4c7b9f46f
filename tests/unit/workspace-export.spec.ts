import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { createRequire } from 'node:module';
import { tableFromIPC, type Table } from 'apache-arrow';
import * as parquetNode from 'parquet-wasm/node';
import { beforeAll, describe, expect, test } from 'vitest';
import type { SqlConnection } from '../../src/lib/db/types';
import { toCsv } from '../../src/lib/export/csv';
import { ipcToParquet, type ParquetWasmWriter } from '../../src/lib/export/parquet';
import { describeColumns, resultRows, scaleDecimal } from '../../src/lib/workspace/cells';
import { openNodeEngine } from '../helpers/node-engine';

const pw = parquetNode as unknown as ParquetWasmWriter;
// The Node engine hands out tables of apache-arrow's CommonJS build; its own tableToIPC must
// serialise them (the browser bundle has one ESM copy for DuckDB and the app alike).
const arrowCjs = createRequire(import.meta.url)('apache-arrow') as typeof import('apache-arrow');
const toParquet = (table: Table) => ipcToParquet(arrowCjs.tableToIPC(table, 'stream'), pw);

/** A result with the types analysts meet: counts, decimals, dates, lists, NULLs, risky text. */
const MIXED = `SELECT * FROM (VALUES
  (1, 12345678901::BIGINT, 1.50::DECIMAL(10,2), DATE '2022-09-20', TIMESTAMP '2022-09-20 10:30:00', ['BR', 'TSB'], '=HYPERLINK("x")', 0.25::DOUBLE, true),
  (2, -3::BIGINT, -0.05::DECIMAL(10,2), NULL, NULL, [], 'plain, with comma', NULL, false)
) t(id, big, amount, day, ts, sectors, note, ratio, flag)`;

let conn: SqlConnection;
beforeAll(async () => {
	conn = await openNodeEngine();
});

/** Native DuckDB (its own Parquet reader) reads the file back: an independent check. */
async function readBack(bytes: Uint8Array, sql = 'SELECT * FROM f'): Promise<unknown[][]> {
	const file = path.join(mkdtempSync(path.join(tmpdir(), 'ws-')), 'out.parquet');
	writeFileSync(file, bytes);
	const db = await DuckDBInstance.create(':memory:');
	const c = await db.connect();
	await c.run(`CREATE VIEW f AS FROM read_parquet('${file}')`);
	const rows = (await (await c.runAndReadAll(sql)).getRowsJS()) as unknown[][];
	c.closeSync();
	db.closeSync();
	return rows;
}

describe('Parquet export', () => {
	test('a DuckDB result written with parquet-wasm reads back with the same values and types', async () => {
		const bytes = toParquet(await conn.query(MIXED));
		expect(new TextDecoder().decode(bytes.slice(0, 4))).toBe('PAR1');
		const rows = await readBack(
			bytes,
			`SELECT id, big, amount::VARCHAR, day::VARCHAR, ts::VARCHAR, sectors, note, ratio, flag FROM f ORDER BY id`
		);
		expect(rows).toEqual([
			[
				1,
				12345678901n,
				'1.50',
				'2022-09-20',
				'2022-09-20 10:30:00',
				['BR', 'TSB'],
				'=HYPERLINK("x")',
				0.25,
				true
			],
			[2, -3n, '-0.05', null, null, [], 'plain, with comma', null, false]
		]);
		const types = await readBack(bytes, `SELECT column_name, column_type FROM (DESCRIBE f)`);
		expect(Object.fromEntries(types)).toMatchObject({
			id: 'INTEGER',
			big: 'BIGINT',
			amount: 'DECIMAL(10,2)',
			day: 'DATE',
			sectors: 'VARCHAR[]',
			flag: 'BOOLEAN'
		});
	});

	test('100,000 rows survive the round trip, also through parquet-wasm’s own reader', async () => {
		const table = await conn.query('SELECT range AS n, range % 7 AS k FROM range(100000)');
		const bytes = toParquet(table);
		expect(await readBack(bytes, 'SELECT count(*), sum(n), sum(k) FROM f')).toEqual([
			[100000n, 4999950000n, 299995n]
		]);
		const back = tableFromIPC(parquetNode.readParquet(bytes).intoIPCStream());
		expect(back.numRows).toBe(100000);
		expect(back.schema.fields.map((f) => f.name)).toEqual(['n', 'k']);
	});

	test('an empty result still writes its columns', async () => {
		const bytes = toParquet(await conn.query(`${MIXED} WHERE false`));
		expect(await readBack(bytes, 'SELECT count(*) FROM f')).toEqual([[0n]]);
		const cols = await readBack(bytes, 'SELECT column_name FROM (DESCRIBE f)');
		expect(cols.flat()).toEqual([
			'id',
			'big',
			'amount',
			'day',
			'ts',
			'sectors',
			'note',
			'ratio',
			'flag'
		]);
	});
});

describe('CSV export of a result', () => {
	test('dates, decimals and lists as text a spreadsheet reads; formulas neutralised; BOM', async () => {
		const table = await conn.query(MIXED);
		const csv = toCsv(
			describeColumns(table).map((c) => c.name),
			resultRows(table)
		);
		expect(csv.startsWith('\uFEFF')).toBe(true);
		expect(csv.slice(1).split('\r\n')).toEqual([
			'id,big,amount,day,ts,sectors,note,ratio,flag',
			`1,12345678901,1.5,2022-09-20,2022-09-20 10:30:00,"BR;TSB","'=HYPERLINK(""x"")",0.25,true`,
			'2,-3,-0.05,,,,"plain, with comma",,false',
			''
		]);
	});

	test('huge integers and decimals keep every digit', async () => {
		const table = await conn.query(
			`SELECT 123456789012345678901234::HUGEINT AS h, 12345678901234567.89::DECIMAL(38,2) AS d, 9007199254740993::BIGINT AS b`
		);
		expect(resultRows(table)).toEqual([
			['123456789012345678901234', '12345678901234567.89', '9007199254740993']
		]);
	});

	test('scaling an unscaled decimal', () => {
		expect([scaleDecimal('150', 2), scaleDecimal('-5', 2), scaleDecimal('7', 0)]).toEqual([
			'1.50',
			'-0.05',
			'7'
		]);
	});
});

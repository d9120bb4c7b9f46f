/** The dataset fingerprint on the real DuckDB-WASM engine, over the contract tables. */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { initDatasetSql } from '../../src/lib/db/queries/dataset';
import {
	fingerprintSql,
	isFingerprint,
	type FingerprintRow
} from '../../src/lib/db/queries/fingerprint';
import { queryRows } from '../../src/lib/db/rows';
import type { SqlConnection } from '../../src/lib/db/types';
import { commitBatch, prepareBatch } from '../../src/lib/ingest/load';
import { decodeParquetNode, openNodeEngine } from '../helpers/node-engine';

const file = (p: string) => ({
	name: p.split('/').pop()!,
	bytes: new Uint8Array(readFileSync(new URL(`../../${p}`, import.meta.url)))
});
const SAMPLE = ['meetings', 'themes', 'outcomes', 'attendance'].map((t) => `data/${t}.csv`);

async function load(conn: SqlConnection, files: ReturnType<typeof file>[]) {
	const batch = await prepareBatch(conn, { files, decodeParquet: decodeParquetNode });
	await commitBatch(conn, batch, { source: 'upload' });
}
const fingerprint = async (conn: SqlConnection) =>
	(await queryRows<FingerprintRow>(conn, fingerprintSql()))[0]!;

let a: SqlConnection;
let b: SqlConnection;
beforeAll(async () => {
	[a, b] = await Promise.all([openNodeEngine(), openNodeEngine()]);
	for (const conn of [a, b]) await conn.query(initDatasetSql());
});

describe('dataset fingerprint', () => {
	test('the same data gives the same fingerprint, whatever the load order', async () => {
		await load(a, SAMPLE.map(file));
		await load(b, [...SAMPLE].reverse().map(file));
		const [fa, fb] = [await fingerprint(a), await fingerprint(b)];
		expect(isFingerprint(fa.fingerprint)).toBe(true);
		expect(fa).toEqual(fb);
		expect(fa.rows).toBe(46 + 13 + 219 + 184);
	});

	test('rows in another order give the same fingerprint', async () => {
		await b.query(
			'CREATE TABLE shuffled AS SELECT * FROM meetings ORDER BY random(); DROP TABLE meetings; ALTER TABLE shuffled RENAME TO meetings'
		);
		expect(await fingerprint(b)).toEqual(await fingerprint(a));
	});

	test('one changed cell, a removed row or a duplicated row changes it', async () => {
		const before = (await fingerprint(a)).fingerprint;
		await b.query(`UPDATE outcomes SET title = title || '.' WHERE outcome_id = 'O-002'`);
		const edited = (await fingerprint(b)).fingerprint;
		expect(edited).not.toBe(before);
		await b.query(`UPDATE outcomes SET title = left(title, -1) WHERE outcome_id = 'O-002'`);
		expect((await fingerprint(b)).fingerprint).toBe(before);
		await b.query(
			'CREATE TABLE t2 AS SELECT * FROM themes; INSERT INTO themes SELECT * FROM t2 LIMIT 1'
		);
		const twice = (await fingerprint(b)).fingerprint;
		expect(twice).not.toBe(before);
		await b.query('DELETE FROM themes; INSERT INTO themes SELECT * FROM t2; DROP TABLE t2');
		expect((await fingerprint(b)).fingerprint).toBe(before);
		await b.query(`DELETE FROM attendance WHERE meeting_no = 1 AND sector = 'BR'`);
		expect((await fingerprint(b)).fingerprint).not.toBe(before);
	});

	test("a column outside the contract (an upload's extra) does not change it", async () => {
		const before = (await fingerprint(a)).fingerprint;
		await a.query(`ALTER TABLE outcomes ADD COLUMN notes VARCHAR DEFAULT 'kept aside'`);
		expect((await fingerprint(a)).fingerprint).toBe(before);
		await a.query('ALTER TABLE outcomes DROP COLUMN notes');
	});
});

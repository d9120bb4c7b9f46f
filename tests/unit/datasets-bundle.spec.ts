import { createRequire } from 'node:module';
import type { Table } from 'apache-arrow';
import * as parquetNode from 'parquet-wasm/node';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, test } from 'vitest';
import { TABLE_NAMES } from '../../src/lib/contract/contract';
import { checkSha256 } from '../../src/lib/datasets/hash';
import { commitBundle, prepareBundle } from '../../src/lib/datasets/load-bundle';
import { parseManifest } from '../../src/lib/datasets/manifest';
import { makeBundle, zipBundle } from '../../src/lib/datasets/publish';
import {
	datasetStatusSql,
	initDatasetSql,
	type DatasetStatusRow
} from '../../src/lib/db/queries/dataset';
import { fingerprintSql, type FingerprintRow } from '../../src/lib/db/queries/fingerprint';
import { queryRows } from '../../src/lib/db/rows';
import type { SqlConnection } from '../../src/lib/db/types';
import { ipcToParquet, type ParquetWasmWriter } from '../../src/lib/export/parquet';
import { inPlaceDecoder, type InputFile } from '../../src/lib/ingest/decode';
import { fixture, sample } from '../helpers/files';
import { decodeParquetNode, openNodeEngine } from '../helpers/node-engine';

const pw = parquetNode as unknown as ParquetWasmWriter;
const arrowCjs = createRequire(import.meta.url)('apache-arrow') as typeof import('apache-arrow');
const toParquet = async (t: Table) => ipcToParquet(arrowCjs.tableToIPC(t, 'stream'), pw);
const decode = inPlaceDecoder(decodeParquetNode);
const INFO = {
	title: 'ISC-TF 2026',
	version: '2026.1',
	published: '2026-11-30',
	publisher: 'Secretariat'
};

async function engineWith(inputs: InputFile[]): Promise<SqlConnection> {
	const conn = await openNodeEngine();
	await conn.query(initDatasetSql());
	await commitBundle(conn, await prepareBundle(conn, { inputs, decode }), 'upload');
	return conn;
}

const fingerprint = async (conn: SqlConnection) =>
	(await queryRows<FingerprintRow>(conn, fingerprintSql()))[0]!.fingerprint;
const counts = async (conn: SqlConnection) =>
	Object.fromEntries(
		(await queryRows<DatasetStatusRow>(conn, datasetStatusSql())).map((r) => [r.table, r.rows])
	);

describe('dataset bundles on the real engine', { timeout: 120_000 }, () => {
	test('a published bundle read back gives the same rows and fingerprint as the data it was made from', async () => {
		const source = await engineWith(TABLE_NAMES.map((t) => sample(t)));
		const bundle = await makeBundle(source, { info: INFO, toParquet });
		expect(bundle.fingerprint).toBe(await fingerprint(source));
		// Through the zip, as the browser's download carries it.
		const zip = unzipSync(zipBundle(bundle, 'isc-tf-2026'));
		const manifest = parseManifest(strFromU8(zip['isc-tf-2026/manifest.json']!));
		expect(manifest.fingerprint).toBe(bundle.fingerprint);
		expect(manifest.files.map((f) => f.table)).toEqual(TABLE_NAMES);
		const inputs: InputFile[] = [];
		for (const f of manifest.files) {
			const bytes = zip[`isc-tf-2026/${f.path}`]!;
			await checkSha256(f.path, bytes, f.sha256);
			inputs.push({ name: f.path, bytes, override: { table: f.table } });
		}
		const opened = await engineWith(inputs);
		expect(await counts(opened)).toEqual(await counts(source));
		expect(await fingerprint(opened)).toBe(bundle.fingerprint);
	});

	test('a bundle of two tables empties the others, so only its own rows show', async () => {
		const conn = await engineWith(TABLE_NAMES.map((t) => sample(t)));
		await commitBundle(
			conn,
			await prepareBundle(conn, {
				inputs: [sample('meetings'), fixture('good/outcomes.parquet')],
				decode
			}),
			'upload'
		);
		const c = await counts(conn);
		expect(c.meetings).toBeGreaterThan(0);
		expect(c.outcomes).toBeGreaterThan(0);
		expect([c.themes, c.attendance]).toEqual([0, 0]);
	});

	test('a bundle with a file that fails validation is refused naming file and row; the loaded data stays', async () => {
		const conn = await engineWith(TABLE_NAMES.map((t) => sample(t)));
		const before = await fingerprint(conn);
		const bad = fixture('bad/meetings-negative-count.csv');
		await expect(
			prepareBundle(conn, { inputs: [sample('themes'), bad], decode })
		).rejects.toMatchObject({
			code: 'file-invalid',
			params: {
				file: 'meetings-negative-count.csv',
				row: expect.any(Number),
				column: 'participants'
			}
		});
		const unreadable = fixture('bad/outcomes-truncated.parquet');
		await expect(prepareBundle(conn, { inputs: [unreadable], decode })).rejects.toMatchObject({
			code: 'file-refused',
			params: { file: 'outcomes-truncated.parquet' }
		});
		expect(await fingerprint(conn)).toBe(before);
	});
});

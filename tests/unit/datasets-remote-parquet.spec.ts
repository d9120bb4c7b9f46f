/**
 * A published Parquet file read by HTTP range requests (parquet-wasm's async reader, Node build)
 * from a local range-capable server: only the contract's columns are transferred, and the rows
 * load into the real engine with the fingerprint of the same file fetched whole.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as parquetNode from 'parquet-wasm/node';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { getTable } from '../../src/lib/contract/contract';
import { commitBundle, prepareBundle } from '../../src/lib/datasets/load-bundle';
import { neededColumns, readRemoteParquet } from '../../src/lib/datasets/remote-parquet';
import { initDatasetSql } from '../../src/lib/db/queries/dataset';
import { fingerprintSql, type FingerprintRow } from '../../src/lib/db/queries/fingerprint';
import { queryRows } from '../../src/lib/db/rows';
import { inPlaceDecoder, type FileDecoder, type InputFile } from '../../src/lib/ingest/decode';
import { serveSite } from '../e2e/bundle-server';
import { writeWideOutcomes } from '../helpers/wide-parquet';
import { decodeParquetNode, openNodeEngine } from '../helpers/node-engine';

type Pw = Parameters<typeof readRemoteParquet>[0];
const pw = parquetNode as unknown as Pw;

let dir: string;
let size: number;
let site: Awaited<ReturnType<typeof serveSite>>;

beforeAll(async () => {
	dir = mkdtempSync(path.join(tmpdir(), 'intersect-remote-'));
	size = await writeWideOutcomes(path.join(dir, 'outcomes.parquet'));
	site = await serveSite({ app: null, mounts: { '/b/': dir }, ranges: true });
});
afterAll(async () => {
	await site?.close();
	rmSync(dir, { recursive: true, force: true });
});

async function fingerprintOf(input: InputFile, decode: FileDecoder) {
	const conn = await openNodeEngine();
	await conn.query(initDatasetSql());
	await commitBundle(conn, await prepareBundle(conn, { inputs: [input], decode }), 'upload');
	return (await queryRows<FingerprintRow>(conn, fingerprintSql()))[0]!;
}

describe('Parquet by range requests', { timeout: 120_000 }, () => {
	test('the columns read are the contract table’s, whether the table is given or recognised', () => {
		const headers = [
			'outcome_id',
			'Meeting',
			'notes',
			'theme_id',
			'date',
			'type',
			'title',
			'status',
			'sectors'
		];
		const want = neededColumns(headers, { table: 'outcomes', name: 'x.parquet' });
		expect(want).not.toContain('notes');
		expect(want).toContain('outcome_id');
		expect(neededColumns(headers, { name: 'x.parquet' })).toEqual(want);
		expect(neededColumns(['a', 'b'], { name: 'x.parquet' })).toBeNull();
		// A header that fits no table whole (no theme_id) is read whole and refused as an upload.
		const misfit = headers.filter((h) => h !== 'theme_id');
		expect(neededColumns(misfit, { name: 'x.parquet' })).toBeNull();
	});

	test('reads fewer bytes than the file holds, and gives the rows and fingerprint of the whole file', async () => {
		const url = `${site.origin}/b/outcomes.parquet`;
		const start = site.log.length;
		const progress: number[] = [];
		const ipc = await readRemoteParquet(pw, {
			url,
			name: 'outcomes.parquet',
			table: 'outcomes',
			onProgress: (f) => progress.push(f)
		});
		const sent = site.log.slice(start).reduce((n, r) => n + r.bytes, 0);
		expect(site.log.slice(start).every((r) => r.status === 206)).toBe(true);
		expect(sent).toBeLessThan(size / 2);
		const table = tableFromIPC(ipc);
		expect(table.numRows).toBe(219);
		const contract = getTable('outcomes').columns.map((c) => c.name);
		expect(table.schema.fields.map((f) => f.name).every((n) => contract.includes(n))).toBe(true);
		expect(progress.at(-1)).toBe(1);

		const name = 'outcomes.parquet';
		const override = { table: 'outcomes' as const };
		const whole = await fingerprintOf(
			{ name, bytes: new Uint8Array(readFileSync(path.join(dir, name))), override },
			inPlaceDecoder(decodeParquetNode)
		);
		const ranged = await fingerprintOf({ name, bytes: new Uint8Array(0), override }, async () => ({
			kind: 'parquet',
			file: name,
			ipc
		}));
		expect(ranged).toEqual(whole);
	});
});

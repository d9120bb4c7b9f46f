/**
 * A real DuckDB-WASM engine in Node loaded through the app's own load path: with the bundled
 * sample, or with the three-dialect fixture (3 meetings, 3 themes, 4 outcomes, documented in
 * tests/fixtures/README.md).
 */
import { initDatasetSql } from '../../src/lib/db/queries/dataset';
import type { SqlConnection } from '../../src/lib/db/types';
import { commitBatch, prepareBatch } from '../../src/lib/ingest/load';
import { fixture, sample } from './files';
import { decodeParquetNode, openNodeEngine } from './node-engine';

/** A fresh engine with the three-dialect fixture loaded as the live tables. */
export async function openFixtureDb(): Promise<SqlConnection> {
	const conn = await openNodeEngine();
	await conn.query(initDatasetSql());
	const batch = await prepareBatch(conn, {
		files: [
			fixture('good/meetings-semicolon.csv'),
			fixture('good/themes-comma.csv'),
			fixture('good/outcomes-tab.tsv')
		],
		decodeParquet: decodeParquetNode
	});
	await commitBatch(conn, batch, { source: 'upload' });
	return conn;
}

/** Load the bundled sample's four files into `conn` as the live tables; the batch's error count. */
export async function loadSample(conn: SqlConnection): Promise<number> {
	const batch = await prepareBatch(conn, {
		files: ['meetings', 'themes', 'outcomes', 'attendance'].map(sample),
		decodeParquet: decodeParquetNode
	});
	await commitBatch(conn, batch, { source: 'sample' });
	return batch.errorCount;
}

/** A fresh engine with the bundled sample loaded as the live tables. */
export async function openSampleDb(): Promise<SqlConnection> {
	const conn = await openNodeEngine();
	await conn.query(initDatasetSql());
	await loadSample(conn);
	return conn;
}

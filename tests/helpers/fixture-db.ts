/**
 * A real DuckDB-WASM engine in Node loaded with the three-dialect fixture: 3 meetings, 3 themes,
 * 4 outcomes (documented in tests/fixtures/README.md), through the app's own load path.
 */
import { initDatasetSql } from '../../src/lib/db/queries/dataset';
import type { SqlConnection } from '../../src/lib/db/types';
import { commitBatch, prepareBatch } from '../../src/lib/ingest/load';
import { fixture } from './files';
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

/**
 * The real DuckDB-WASM engine in Node (blocking bundle), behind the same SqlConnection seam the
 * browser uses, plus parquet-wasm's Node build as the Parquet decoder.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import { readParquet } from 'parquet-wasm/node';
import { configureConnection, secureEngine } from '../../src/lib/db/setup';
import type { ParquetDecoder, SqlConnection } from '../../src/lib/db/types';

const require = createRequire(import.meta.url);
const dist = path.dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm'));

/**
 * Start a fresh in-memory DuckDB-WASM database, secured as the app's (settings locked), and return
 * a connection to it; `locked: false` for tests that must change a setting (memory limits).
 */
export async function openNodeEngine({ locked = true } = {}): Promise<SqlConnection> {
	const db = await duckdb.createDuckDB(
		{
			mvp: {
				mainModule: path.join(dist, 'duckdb-mvp.wasm'),
				mainWorker: path.join(dist, 'duckdb-node-mvp.worker.cjs')
			},
			eh: {
				mainModule: path.join(dist, 'duckdb-eh.wasm'),
				mainWorker: path.join(dist, 'duckdb-node-eh.worker.cjs')
			}
		},
		new duckdb.VoidLogger(),
		duckdb.NODE_RUNTIME
	);
	await db.instantiate();
	db.open({});
	const conn = db.connect();
	const sql: SqlConnection = {
		async query(text, params) {
			if (!params || params.length === 0) return conn.query(text);
			const stmt = conn.prepare(text);
			try {
				return stmt.query(...params);
			} finally {
				stmt.close();
			}
		},
		async insertArrowIPC(table, ipc) {
			conn.insertArrowFromIPCStream(ipc, { name: table, create: true });
		},
		async registerFile(name, bytes) {
			db.registerFileBuffer(name, bytes);
		},
		async dropFile(name) {
			db.dropFile(name);
		},
		async cancel() {
			return conn.cancelSent();
		}
	};
	if (locked) await secureEngine(sql);
	await configureConnection(sql);
	return sql;
}

/** parquet-wasm (Node build) as the app's Parquet decoder. */
export const decodeParquetNode: ParquetDecoder = async (bytes) =>
	readParquet(bytes).intoIPCStream();

/**
 * DuckDB-WASM in Node for the profiles: the same eh build the browser runs (blocking API, no
 * worker), with a bench dataset loaded into the app's live schema by `read_csv` with exact types
 * (no validation), so only queries are compared.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import { TABLES, readCsvSql, selectList } from '../lib/generate.mjs';

/** A fresh in-memory DuckDB-WASM: `{ db, conn }` (synchronous `conn.query`). */
export async function openWasm() {
	const wasm = createRequire(import.meta.url).resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm');
	const dist = path.dirname(wasm);
	const bundle = (name) => ({
		mainModule: path.join(dist, `duckdb-${name}.wasm`),
		mainWorker: path.join(dist, `duckdb-node-${name}.worker.cjs`)
	});
	const db = await duckdb.createDuckDB(
		{ mvp: bundle('mvp'), eh: bundle('eh') },
		new duckdb.VoidLogger(),
		duckdb.NODE_RUNTIME
	);
	await db.instantiate();
	db.open({});
	return { db, conn: db.connect() };
}

/** Load the CSV files of `dir` into the live schema (`initDatasetSql` from the real builders); ms. */
export function loadWasm({ db, conn }, q, dir) {
	const t0 = performance.now();
	conn.query(q.initDatasetSql());
	for (const t of TABLES) {
		db.registerFileBuffer(`${t}.csv`, new Uint8Array(readFileSync(path.join(dir, `${t}.csv`))));
		conn.query(
			`INSERT INTO ${t} BY NAME SELECT ${selectList(t)} FROM ${readCsvSql(t, `${t}.csv`)}`
		);
	}
	return performance.now() - t0;
}

/**
 * The engine seam: what the rest of the app (and the tests) need from a DuckDB connection.
 * The browser implementation lives in engine.ts; tests use the same DuckDB-WASM engine in Node.
 */
import type { Table } from 'apache-arrow';

/** A DuckDB-WASM connection, async in the browser and in Node alike. */
export interface SqlConnection {
	/** Run SQL (several statements allowed without params); `params` bind `?` placeholders. */
	query(sql: string, params?: unknown[]): Promise<Table>;
	/** Create or append to `table` from an Arrow IPC stream. */
	insertArrowIPC(table: string, ipc: Uint8Array): Promise<void>;
	/** Make `bytes` readable by SQL under `name` (the buffer is transferred: do not reuse it). */
	registerFile(name: string, bytes: Uint8Array): Promise<void>;
	/** Forget a registered file. */
	dropFile(name: string): Promise<void>;
	/** Cancel the query running on this connection, if any. */
	cancel(): Promise<boolean>;
}

/** Parquet bytes -> Arrow IPC stream bytes (parquet-wasm; the wasm DuckDB has no Parquet reader). */
export type ParquetDecoder = (bytes: Uint8Array) => Promise<Uint8Array>;

/** The app's load path and the Node DuckDB-WASM engine of the unit tests, for bench/profile/ingest.mjs. */
export { commitBatch, prepareBatch } from '../../src/lib/ingest/load';
export { initDatasetSql } from '../../src/lib/db/queries/dataset';
export { decodeParquetNode, openNodeEngine } from '../../tests/helpers/node-engine';

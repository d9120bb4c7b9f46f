/** What `npm run dataset:bundle` runs: the app's own load path and bundle writer, and the Node engine the tests use. */
export { commitBundle, prepareBundle } from '../../src/lib/datasets/load-bundle';
export { makeBundle, slug, zipBundle } from '../../src/lib/datasets/publish';
export { datasetErrorText } from '../../src/lib/datasets/messages';
export { initDatasetSql } from '../../src/lib/db/queries/dataset';
export { inPlaceDecoder } from '../../src/lib/ingest/decode';
export { decodeParquetNode, openNodeEngine } from '../../tests/helpers/node-engine';

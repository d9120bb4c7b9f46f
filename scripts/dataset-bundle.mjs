/**
 * `npm run dataset:bundle -- [options] files…`: make a published-dataset bundle from CSV or
 * Parquet exports without a browser (a scheduled export job can publish this way). The files go
 * through the app's own recognition and validation on the real DuckDB-WASM engine (in Node, as in
 * the unit tests), all or nothing, and the bundle is written by the app's own writer: one Parquet
 * file per table and manifest.json, in a folder (or a zip with --zip). See docs/publishing.md.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as parquet from 'parquet-wasm/node';
import { bundle } from '../bench/lib/queries.mjs';

const USAGE = `usage: npm run dataset:bundle -- --title T --version V --publisher P [--published YYYY-MM-DD]
       [--description D] [--out folder] [--zip] files…`;

const { values: o, positionals: files } = parseArgs({
	allowPositionals: true,
	options: {
		title: { type: 'string' },
		version: { type: 'string' },
		publisher: { type: 'string' },
		published: { type: 'string', default: new Date().toISOString().slice(0, 10) },
		description: { type: 'string' },
		out: { type: 'string' },
		zip: { type: 'boolean', default: false }
	}
});
if (!o.title || !o.version || !o.publisher || files.length === 0) {
	console.error(USAGE);
	process.exit(2);
}

const lib = await bundle('scripts/lib/dataset-bundle-entry.ts', 'dataset-bundle');
// The Node engine hands out tables of apache-arrow's CommonJS build: serialise them with it.
const arrow = createRequire(import.meta.url)('apache-arrow');
const toParquet = async (table) => {
	const props = new parquet.WriterPropertiesBuilder()
		.setCompression(parquet.Compression.SNAPPY)
		.build();
	return parquet.writeParquet(
		parquet.Table.fromIPCStream(arrow.tableToIPC(table, 'stream')),
		props
	);
};

const conn = await lib.openNodeEngine();
await conn.query(lib.initDatasetSql());
const inputs = files.map((f) => ({
	name: path.basename(f),
	bytes: new Uint8Array(readFileSync(f))
}));
const decode = lib.inPlaceDecoder(lib.decodeParquetNode);
let batch;
try {
	batch = await lib.prepareBundle(conn, { inputs, decode });
} catch (e) {
	console.error(`Not published: ${lib.datasetErrorText(e)}`);
	process.exit(1);
}
for (const p of batch.problems.filter((x) => x.severity === 'warning').slice(0, 5))
	console.warn(`warning: ${p.file}, row ${p.row}, ${p.column}: ${p.reason}`);
await lib.commitBundle(conn, batch, 'upload');
const info = {
	title: o.title,
	version: o.version,
	published: o.published,
	publisher: o.publisher,
	description: o.description
};
const made = await lib.makeBundle(conn, { info, toParquet });
const out = path.resolve(o.out ?? lib.slug(`${o.title} ${o.version}`));
if (o.zip) {
	writeFileSync(`${out}.zip`, lib.zipBundle(made, path.basename(out)));
} else {
	mkdirSync(out, { recursive: true });
	writeFileSync(path.join(out, 'manifest.json'), made.manifest);
	for (const f of made.files) writeFileSync(path.join(out, f.path), f.bytes);
}
const tables = batch.tables.map((t) => `${t.table} ${t.rows}`).join(', ');
console.log(`${o.zip ? `${out}.zip` : out}: ${tables}; fingerprint ${made.fingerprint}`);

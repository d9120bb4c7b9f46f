/**
 * Publishing what is loaded: one Parquet file per non-empty table (written by the app's Parquet
 * writer, passed in: parquet-wasm's browser build in the app, its Node build in the CLI), a
 * manifest with each file's table, size and SHA-256, and the lot as one zip whose single folder
 * is the bundle to copy onto a web server.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { Table } from 'apache-arrow';
import { TABLE_NAMES } from '$lib/contract/contract';
import { exportTableSql, tableColumnsSql, type ColumnTypeRow } from '$lib/db/queries/bundle';
import { fingerprintSql, type FingerprintRow } from '$lib/db/queries/fingerprint';
import { queryRows } from '$lib/db/rows';
import type { SqlConnection } from '$lib/db/types';
import { sha256Hex } from './hash';
import { MANIFEST_NAME, manifestJson, type BundleFile, type Manifest } from './manifest';

/** What the publisher says about the dataset. */
export type BundleInfo = Pick<
	Manifest,
	'title' | 'version' | 'published' | 'publisher' | 'description'
>;

/** A bundle in memory: the manifest's text and the files it lists. */
export interface Bundle {
	manifest: string;
	fingerprint: string;
	files: { path: string; bytes: Uint8Array }[];
}

/**
 * The bundle of the tables live on `conn`: each non-empty contract table as `<table>.parquet`
 * (list columns `;`-joined, as an upload writes them), hashed, and its manifest.
 */
export async function makeBundle(
	conn: SqlConnection,
	o: { info: BundleInfo; toParquet: (t: Table) => Promise<Uint8Array> }
): Promise<Bundle> {
	const files: Bundle['files'] = [];
	const listed: BundleFile[] = [];
	for (const table of TABLE_NAMES) {
		const columns = await queryRows<ColumnTypeRow>(conn, tableColumnsSql(table));
		const result = await conn.query(exportTableSql(table, columns));
		if (result.numRows === 0) continue;
		const bytes = await o.toParquet(result);
		const path = `${table}.parquet`;
		files.push({ path, bytes });
		listed.push({ path, table, bytes: bytes.length, sha256: await sha256Hex(bytes) });
	}
	const [fp] = await queryRows<FingerprintRow>(conn, fingerprintSql());
	const fingerprint = fp!.fingerprint;
	const manifest = manifestJson({ ...o.info, fingerprint, files: listed });
	return { manifest, fingerprint, files };
}

/** A file or folder name made from `title`: lower-case ASCII words joined by `-`. */
export function slug(title: string): string {
	const s = title
		.normalize('NFKD')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60);
	return s || 'dataset';
}

/** The bundle as zip bytes: everything inside one folder `folder/` (Parquet stored, not re-compressed). */
export function zipBundle(bundle: Bundle, folder: string): Uint8Array {
	const entries: Zippable = { [`${folder}/${MANIFEST_NAME}`]: strToU8(bundle.manifest) };
	for (const f of bundle.files) entries[`${folder}/${f.path}`] = [f.bytes, { level: 0 }];
	// A fixed date keeps the same bundle byte-identical from one publish to the next.
	return zipSync(entries, { mtime: new Date('2000-01-01T00:00:00Z') });
}

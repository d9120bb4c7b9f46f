/**
 * The saved dataset: which files each table keeps after replace and append, and the promise that
 * re-loading them in one batch rebuilds exactly the rows the analyst had (real engine).
 */
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, test } from 'vitest';
import { TABLE_NAMES, type TableName } from '../../src/lib/contract/contract';
import { initDatasetSql, type LoadMode } from '../../src/lib/db/queries/dataset';
import { queryRows } from '../../src/lib/db/rows';
import type { SqlConnection } from '../../src/lib/db/types';
import { inPlaceDecoder } from '../../src/lib/ingest/decode';
import { commitBatch, prepareBatch, type InputFile } from '../../src/lib/ingest/load';
import {
	afterCommit,
	isSampleOnly,
	replayInputs,
	sampleDataset,
	tableSources,
	usedKeys,
	type StoredDataset
} from '../../src/lib/state/stored-dataset';
import { decodeParquetNode, openNodeEngine } from '../helpers/node-engine';

const read = (url: URL) => new Uint8Array(readFileSync(url));
/** An upload as the browser hands it over: a File (a Blob), read when needed. */
const upload = (p: string): InputFile => ({
	name: p.split('/').pop()!,
	blob: new Blob([read(new URL(`../fixtures/${p}`, import.meta.url))])
});
const sample = (t: TableName): InputFile => ({
	name: `${t}.csv`,
	bytes: read(new URL(`../../data/${t}.csv`, import.meta.url))
});
const decode = inPlaceDecoder(decodeParquetNode);

let conn: SqlConnection;
let stored: StoredDataset;
const blobs = new Map<string, Blob>();

beforeEach(async () => {
	conn = await openNodeEngine();
	await conn.query(initDatasetSql());
	stored = sampleDataset();
	blobs.clear();
	await rebuild();
});

/** Load `files` in `mode` as the app does, and keep what the app would save. */
async function load(paths: string[], mode: LoadMode) {
	const batch = await prepareBatch(conn, { files: paths.map(upload), decode, mode });
	await commitBatch(conn, batch, { source: 'upload' });
	const { next, store } = afterCommit(stored, batch, mode, (i) => `${blobs.size}-${i}`);
	for (const s of store) blobs.set(s.key, s.file.blob!);
	stored = next;
}

/** Load the saved dataset in one batch, as the app does on start. */
async function rebuild() {
	const files = replayInputs(stored, { blob: (k) => blobs.get(k), sample });
	const batch = await prepareBatch(conn, { files, decode });
	expect(batch.files.filter((f) => f.error)).toEqual([]);
	await commitBatch(conn, batch, { source: 'upload', sources: tableSources(stored) });
}

async function snapshot() {
	const out: Record<string, unknown> = {};
	for (const t of TABLE_NAMES) out[t] = await queryRows(conn, `SELECT * FROM ${t} ORDER BY ALL`);
	out._dataset = await queryRows(
		conn,
		`SELECT table_name, source, files, "rows"::INTEGER AS r FROM _dataset ORDER BY 1`
	);
	return out;
}

describe('the saved dataset', () => {
	test('replace keeps only the new files of the tables in the batch', async () => {
		await load(['good/meetings-semicolon.csv', 'good/themes-comma.csv'], 'replace');
		expect(stored.tables.meetings.map((e) => e.name)).toEqual(['meetings-semicolon.csv']);
		expect(stored.tables.outcomes).toEqual([{ sample: true, name: 'outcomes.csv' }]);
		expect(isSampleOnly(stored)).toBe(false);
		expect(tableSources(stored)).toMatchObject({ meetings: 'upload', outcomes: 'sample' });
	});

	test('append keeps the earlier files, the sample included, then the new one', async () => {
		await load(['good/meetings-append.csv'], 'append');
		await load(['good/meetings-bom-crlf.csv'], 'append');
		expect(stored.tables.meetings.map((e) => e.name)).toEqual([
			'meetings.csv',
			'meetings-append.csv',
			'meetings-bom-crlf.csv'
		]);
		expect(usedKeys(stored).size).toBe(2);
	});

	test('a file that failed is not kept', async () => {
		await load(['bad/empty.csv', 'good/meetings-bom-crlf.csv'], 'replace');
		expect(stored.tables.meetings.map((e) => e.name)).toEqual(['meetings-bom-crlf.csv']);
		expect(usedKeys(stored).size).toBe(1);
	});

	test.each<[string, [string[], LoadMode][]]>([
		['replace', [[['good/meetings-semicolon.csv', 'good/outcomes-tab.tsv'], 'replace']]],
		[
			'append with duplicates against the live rows',
			[
				[['good/meetings-append.csv'], 'append'],
				[['good/meetings-bom-crlf.csv', 'bad/outcomes-orphans.csv'], 'append']
			]
		],
		[
			'replace then append, with rows rejected and extra columns',
			[
				[['bad/meetings-ragged.csv', 'good/outcomes-tab.tsv'], 'replace'],
				[['good/meetings-append.csv', 'good/outcomes-quoted.csv'], 'append']
			]
		]
	])('re-loading after %s gives exactly the rows that were live', async (_, steps) => {
		for (const [paths, mode] of steps) await load(paths, mode);
		const live = await snapshot();
		await rebuild();
		expect(await snapshot()).toEqual(live);
	});
});

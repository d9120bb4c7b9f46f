/**
 * Loading a bundle's files through the upload path itself (prepareBatch: the same recognition,
 * validation and problem report), all or nothing: a file that cannot be read or a row with an
 * error stops the load with one sentence naming the file (a published dataset has nobody to ask),
 * and the tables the bundle lacks are emptied in the same transaction, so what shows is exactly
 * the bundle. Runs in the browser and in Node (the CLI, the tests) alike.
 */
import { TABLE_NAMES } from '$lib/contract/contract';
import { emptyCopySql } from '$lib/db/queries/bundle';
import type { SqlConnection } from '$lib/db/types';
import {
	commitBatch,
	discardBatch,
	prepareBatch,
	type BatchReport,
	type InputFile,
	type LoadProgress
} from '$lib/ingest/load';
import type { FileDecoder } from '$lib/ingest/decode';
import { fileErrorText } from '$lib/state/recognition-messages';
import { DatasetError } from './errors';

/** Options of `prepareBundle`. */
export interface BundleLoadOptions {
	inputs: InputFile[];
	decode: FileDecoder;
	signal?: AbortSignal;
	onProgress?: (p: LoadProgress) => void;
}

/**
 * The first reason `batch` cannot be published or opened as it is, or null when it is clean:
 * a file refused (its sentence in the reader's language), else the first row error as codes
 * (file, row, column, problem reason, value; worded by `datasetErrorText`), else the count.
 */
export function bundleProblem(batch: BatchReport): DatasetError | null {
	const failed = batch.files.find((f) => f.error);
	if (failed)
		return new DatasetError('file-refused', {
			file: failed.file,
			detail: fileErrorText(failed) ?? failed.error!
		});
	const p = batch.problems.find((x) => x.severity === 'error');
	if (!p && batch.errorCount === 0) return null;
	if (!p)
		return new DatasetError('file-errors', {
			file: batch.files[0]!.file,
			count: batch.errorCount
		});
	return new DatasetError('file-invalid', {
		file: p.file,
		row: p.row,
		reason: p.reason,
		errors: batch.errorCount,
		...(p.column ? { column: p.column } : {}),
		...(p.value === null ? {} : { value: p.value })
	});
}

/**
 * Decode, recognise and validate the inputs; throws DatasetError (nothing live changed) unless
 * every file loads without an error. Returns the batch, ready for `commitBundle`.
 */
export async function prepareBundle(
	conn: SqlConnection,
	o: BundleLoadOptions
): Promise<BatchReport> {
	const batch = await prepareBatch(conn, { ...o, files: o.inputs, mode: 'replace' });
	const problem = bundleProblem(batch);
	if (problem) {
		await discardBatch(conn, batch);
		throw problem;
	}
	return batch;
}

/**
 * Put a prepared bundle live: its tables replace the loaded ones and every table it lacks is
 * emptied, in one transaction. `source` is recorded as the tables' provenance.
 */
export async function commitBundle(
	conn: SqlConnection,
	batch: BatchReport,
	source: 'sample' | 'upload'
): Promise<void> {
	const have = new Set(batch.tables.map((t) => t.table));
	const tables = [...batch.tables];
	for (const table of TABLE_NAMES.filter((t) => !have.has(t))) {
		const staging = `empty_${batch.id}_${table}`;
		await conn.query(emptyCopySql(table, staging));
		tables.push({ table, rows: 0, files: [], staging });
	}
	await commitBatch(conn, { ...batch, tables }, { source });
}

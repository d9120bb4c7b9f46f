/**
 * What is kept in the browser so the dataset survives a reload: for each table, the files its
 * rows came from, in order, with the analyst's choices. Re-loading them in one batch gives the
 * same rows: an append's duplicate-key rule (a key already loaded is rejected) is the same rule
 * as "a later duplicate in one batch is rejected". Pure functions; persist.ts does the storing.
 */
import { TABLE_NAMES, type TableName } from '$lib/contract/contract';
import type { LoadMode } from '$lib/db/queries/dataset';
import type { BatchReport, FileOverride, InputFile } from '$lib/ingest/load';

/** One file a table was loaded from: the bundled sample's, or an upload kept under `key`. */
export type StoredEntry =
	| { sample: true; name: string }
	| { sample?: false; name: string; key: string; manual?: Record<string, number> };

/** A published dataset a saved dataset was built on: its link reference and title. */
export interface PublishedBase {
	ref: string;
	title: string;
}

/**
 * The saved dataset: each table's files. With `base`, a table's `sample` entry stands for that
 * table as the published dataset `base` has it ("your copy" of it), not the bundled sample's.
 */
export interface StoredDataset {
	version: 1;
	tables: Record<TableName, StoredEntry[]>;
	base?: PublishedBase;
}

/** The dataset as it is when nothing was uploaded: every table from its sample file. */
export function sampleDataset(): StoredDataset {
	const tables = Object.fromEntries(
		TABLE_NAMES.map((t) => [t, [{ sample: true, name: `${t}.csv` }]])
	) as StoredDataset['tables'];
	return { version: 1, tables };
}

/** The published dataset `base` as it was opened, nothing uploaded on top. */
export function publishedDataset(base: PublishedBase): StoredDataset {
	return { ...sampleDataset(), base };
}

/** True when no table holds an uploaded file (the sample, or a published dataset as it is). */
export function isBaseOnly(d: StoredDataset): boolean {
	return TABLE_NAMES.every((t) => d.tables[t].every((e) => e.sample));
}

/** True when every table holds only its bundled sample file. */
export function isSampleOnly(d: StoredDataset): boolean {
	return !d.base && isBaseOnly(d);
}

/**
 * The saved dataset after `batch` was committed in `mode`: its loaded files replace (or follow)
 * each table's entries. `keyOf` names the stored copy of input `i`. Returns the new dataset and
 * the inputs to store.
 */
export function afterCommit(
	prev: StoredDataset,
	batch: BatchReport,
	mode: LoadMode,
	keyOf: (index: number) => string
): { next: StoredDataset; store: { key: string; file: InputFile }[] } {
	const next: StoredDataset = { ...prev, tables: { ...prev.tables } };
	const store: { key: string; file: InputFile }[] = [];
	for (const t of batch.tables) {
		const entries: StoredEntry[] = [];
		batch.files.forEach((f, i) => {
			if (f.table !== t.table || f.error) return;
			const input = batch.inputs[i]!;
			const key = keyOf(i);
			store.push({ key, file: input });
			entries.push({ name: f.file, key, manual: input.override?.manual });
		});
		next.tables[t.table] = mode === 'append' ? [...prev.tables[t.table], ...entries] : entries;
	}
	return { next, store };
}

/** Keys of the stored files a dataset still uses. */
export function usedKeys(d: StoredDataset): Set<string> {
	return new Set(TABLE_NAMES.flatMap((t) => d.tables[t].flatMap((e) => (e.sample ? [] : [e.key]))));
}

/**
 * The inputs that rebuild dataset `d`, in table order, each pinned to its table (and its hand
 * mapping): `blob(key)` gives a stored file, `sample(name)` the bundled one.
 */
export function replayInputs(
	d: StoredDataset,
	o: { blob: (key: string) => Blob | undefined; sample: (table: TableName) => InputFile }
): InputFile[] {
	return TABLE_NAMES.flatMap((t) =>
		d.tables[t].map((e): InputFile => {
			const override: FileOverride = { table: t, manual: e.sample ? undefined : e.manual };
			if (e.sample) return { ...o.sample(t), override };
			const blob = o.blob(e.key);
			if (!blob) throw new Error(`the stored copy of ${e.name} is missing`);
			return { name: e.name, blob, override };
		})
	);
}

/** Per table: `sample` when it holds only its sample file, else `upload`. */
export function tableSources(d: StoredDataset): Record<TableName, 'sample' | 'upload'> {
	return Object.fromEntries(
		TABLE_NAMES.map((t) => [t, d.tables[t].every((e) => e.sample) ? 'sample' : 'upload'])
	) as Record<TableName, 'sample' | 'upload'>;
}

/**
 * What this tab believes is stored, and saving the next version. The belief advances only after
 * a save succeeded: a failed save keeps the files it could not store in memory, so the next save
 * stores them too (or fails whole), and never writes a version naming a file that is not stored.
 */
import type { TableName } from '$lib/contract/contract';
import type { BatchReport } from '$lib/ingest/load';
import { KEEP_WHEN_FULL, sampleVersion, type DatasetVersion, type History } from './history';
import { pruneStored, QuotaError, saveVersion, type SaveResult } from './persist';
import {
	afterCommit,
	isBaseOnly,
	publishedDataset,
	sampleDataset,
	usedKeys,
	type PublishedBase,
	type StoredDataset
} from './stored-dataset';

/** Row counts and fingerprint of the live tables. */
export interface DatasetFacts {
	rows: Partial<Record<TableName, number>>;
	fingerprint: string | null;
}

/** The saved state of one tab: the version its live tables were built from, and unsaved files. */
export class DatasetSaver {
	/** The files the live tables were built from. */
	live: StoredDataset = sampleDataset();
	/** The stored version `live` was built on; null: the sample with nothing stored. */
	#baseId: string | null = null;
	/** The tab's base failed to restore: its next save is its own dataset, not merged. */
	#noMerge = false;
	/** A base (published dataset, sample) was opened over the stored versions, not yet saved. */
	#freshBase = false;
	#unsaved = new Map<string, Blob>();
	#sampleFacts: DatasetFacts = { rows: {}, fingerprint: null };

	/** The live tables now hold stored version `v` (restored, or switched to). */
	adopt(v: DatasetVersion | null, o: { failed?: boolean } = {}): void {
		this.live = v && !o.failed ? v.dataset : sampleDataset();
		this.#baseId = v?.id ?? null;
		this.#noMerge = o.failed === true;
		this.#freshBase = false;
		this.#unsaved.clear();
	}

	/**
	 * The live tables now hold published dataset `base` as opened (or the sample: null), not a
	 * stored version: the next save stores it first as the version that load is undone to.
	 */
	adoptBase(base: PublishedBase | null): void {
		this.live = base ? publishedDataset(base) : sampleDataset();
		this.#baseId = null;
		this.#noMerge = true;
		this.#freshBase = true;
		this.#unsaved.clear();
	}

	/** Remember the facts of the live tables (the sample's or published dataset's are the baseline's). */
	noteFacts(f: DatasetFacts): void {
		if (isBaseOnly(this.live)) this.#sampleFacts = f;
	}

	/** The dataset after `batch` was committed; its files wait in memory until `save`. */
	afterLoad(batch: BatchReport): void {
		const stamp = Date.now().toString(36);
		const { next, store } = afterCommit(this.live, batch, batch.mode, (i) => `${stamp}-${i}`);
		this.live = next;
		for (const { key, file } of store)
			this.#unsaved.set(key, file.blob ?? new Blob([file.bytes as BlobPart]));
	}

	/** The live tables were reset to the sample (saved as a version of its own by `save`). */
	afterReset(): void {
		this.live = sampleDataset();
		this.#freshBase = false;
	}

	/**
	 * Save the live dataset as a new version labelled with `files`; when storage is full, versions
	 * beyond the newest KEEP_WHEN_FULL (but never this tab's base) are dropped and the save tried
	 * once more. Returns what was stored; throws (QuotaError, a missing file) with the belief
	 * unchanged.
	 */
	async save(files: string[], facts: DatasetFacts): Promise<SaveResult & { history: History }> {
		const keys = usedKeys(this.live);
		const live = this.live;
		const store = () =>
			saveVersion({
				baseId: this.#baseId,
				noMerge: this.#noMerge,
				live,
				files: new Map([...this.#unsaved].filter(([k]) => keys.has(k))),
				baseline: sampleVersion({
					id: `v-${live.base ? 'published' : 'sample'}-${Date.now().toString(36)}`,
					savedAt: Date.now(),
					...this.#sampleFacts,
					base: live.base
				}),
				baselineFirst: this.#freshBase,
				make: (dataset, stamps) => {
					const same = JSON.stringify(dataset) === JSON.stringify(live);
					const known = same ? facts : { rows: {}, fingerprint: null };
					return { id: '', parent: null, savedAt: Date.now(), files, dataset, stamps, ...known };
				}
			});
		// Storage full: older versions make room (at least KEEP_WHEN_FULL stay), then one retry.
		const result = await store().catch(async (e: unknown) => {
			if (!(e instanceof QuotaError) || !(await pruneStored(KEEP_WHEN_FULL, this.#baseId))) throw e;
			return store();
		});
		// Only now is it stored; after a merge the belief is the merged dataset, so the next save
		// of this tab keeps the other tab's tables.
		for (const k of usedKeys(result.version.dataset)) this.#unsaved.delete(k);
		this.live = result.version.dataset;
		this.#baseId = result.version.id;
		this.#noMerge = false;
		this.#freshBase = false;
		return result;
	}
}

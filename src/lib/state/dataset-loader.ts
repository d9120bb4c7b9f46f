/**
 * Where the dataset comes from and where it is kept: the bundled sample, the saved uploads
 * (re-loaded on start), and saving after each load. Failures to save are reported, never silent.
 */
import type { TableName } from '$lib/contract/contract';
import { decodeParquet } from '$lib/db/parquet';
import type { SqlConnection } from '$lib/db/types';
import { lt } from '$lib/i18n';
import { inPlaceDecoder, type FileDecoder, type LoadProgress } from '$lib/ingest/decode';
import { commitBatch, discardBatch, prepareBatch, type BatchReport } from '$lib/ingest/load';
import { workerDecoder } from '$lib/ingest/worker-decoder';
import { loadedMessage, type LoadMessage } from './load-messages';
import { clearSaved, loadSaved, QuotaError, save } from './persist';
import { SAMPLE_FILES } from './sample';
import {
	afterCommit,
	isSampleOnly,
	replayInputs,
	sampleDataset,
	tableSources,
	type StoredDataset
} from './stored-dataset';

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Loads the sample or the saved dataset, and saves what each upload changed. */
export class DatasetLoader {
	#stored: StoredDataset = sampleDataset();
	#sample = new Map<string, Uint8Array>();
	#inPlace = inPlaceDecoder(decodeParquet);

	constructor(private readonly onProgress: (p: LoadProgress) => void) {}

	/** Uploads (Blobs) decode in the worker; the small sample files decode in place. */
	readonly decoder: FileDecoder = (file, o) =>
		file.blob ? workerDecoder(file, o) : this.#inPlace(file, o);

	async #sampleFile(table: TableName) {
		const f = SAMPLE_FILES.find((s) => s.name === `${table}.csv`)!;
		if (!this.#sample.has(f.name))
			this.#sample.set(f.name, new Uint8Array(await (await fetch(f.url)).arrayBuffer()));
		// A copy: staging hands the bytes to the DuckDB worker, which detaches them.
		return { name: f.name, bytes: this.#sample.get(f.name)!.slice() };
	}

	/** Load `dataset` (its files re-read and re-checked) in one batch, replacing every table. */
	async #load(
		conn: SqlConnection,
		dataset: StoredDataset,
		blobs: Map<string, Blob>,
		onProgress?: (p: LoadProgress) => void
	) {
		const samples = new Map<TableName, { name: string; bytes: Uint8Array }>();
		for (const t of Object.keys(dataset.tables) as TableName[])
			if (dataset.tables[t].some((e) => e.sample)) samples.set(t, await this.#sampleFile(t));
		const files = replayInputs(dataset, {
			blob: (k) => blobs.get(k),
			sample: (t) => samples.get(t)!
		});
		const batch = await prepareBatch(conn, { files, decode: this.decoder, onProgress });
		const failed = batch.files.find((f) => f.error);
		if (failed) {
			await discardBatch(conn, batch);
			throw new Error(failed.error);
		}
		await commitBatch(conn, batch, { source: 'upload', sources: tableSources(dataset) });
	}

	/** On start: the saved dataset if there is one (null message), else the sample. */
	async restore(conn: SqlConnection): Promise<LoadMessage | null> {
		// Storage that cannot even be opened (a private window, say) holds nothing to restore.
		const saved = await loadSaved().catch(() => null);
		if (saved && !isSampleOnly(saved.dataset)) {
			try {
				await this.#load(conn, saved.dataset, saved.blobs, this.onProgress);
				this.#stored = saved.dataset;
				return null;
			} catch (e) {
				await this.#load(conn, sampleDataset(), new Map());
				const text = lt('storage.restoreFailed', { message: errorText(e) });
				return { kind: 'error', text, details: [] };
			}
		}
		await this.#load(conn, sampleDataset(), new Map());
		return null;
	}

	/** Put `batch` live (the save follows, in `save`). */
	async commit(conn: SqlConnection, batch: BatchReport): Promise<LoadMessage> {
		const files = batch.files.map((f) => f.file).join(', ');
		this.onProgress({ stage: 'loading', file: files, fraction: 0 });
		await commitBatch(conn, batch, { source: 'upload', mode: batch.mode });
		return loadedMessage(batch);
	}

	/** Save the dataset a committed `batch` leaves; returns an alert when that failed. */
	async save(batch: BatchReport): Promise<string | null> {
		const stamp = Date.now().toString(36);
		const { next, store } = afterCommit(this.#stored, batch, batch.mode, (i) => `${stamp}-${i}`);
		// The saved copy may lag (storage full), but the next load builds on what is live now.
		this.#stored = next;
		try {
			const blobs = new Map(
				store.map(({ key, file }) => [key, file.blob ?? new Blob([file.bytes as BlobPart])])
			);
			await save(next, blobs);
			return null;
		} catch (e) {
			return e instanceof QuotaError
				? lt('storage.full')
				: lt('storage.failed', { message: errorText(e) });
		}
	}

	/** Load the bundled sample and forget the saved dataset. */
	async reset(conn: SqlConnection): Promise<LoadMessage | null> {
		await this.#load(conn, sampleDataset(), new Map());
		this.#stored = sampleDataset();
		try {
			await clearSaved();
			return null;
		} catch (e) {
			return { kind: 'error', text: lt('storage.failed', { message: errorText(e) }), details: [] };
		}
	}
}

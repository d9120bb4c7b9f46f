/**
 * Where the dataset comes from and where it is kept: the bundled sample, a stored version
 * (restored on start, or chosen from the history), and saving after each load. A restore says
 * what it could not bring back (rejected rows, a missing file, an unreadable record); a save
 * failure is reported, never silent.
 */
import type { TableName } from '$lib/contract/contract';
import { decodeParquet } from '$lib/db/parquet';
import type { SqlConnection } from '$lib/db/types';
import { lt, t } from '$lib/i18n';
import { inPlaceDecoder, type FileDecoder, type LoadProgress } from '$lib/ingest/decode';
import { problemText } from '$lib/ingest/problem-text';
import { commitBatch, discardBatch, prepareBatch, type BatchReport } from '$lib/ingest/load';
import { workerDecoder } from '$lib/ingest/worker-decoder';
import { DatasetSaver } from './dataset-saver';
import { currentVersion, type DatasetVersion, type History } from './history';
import { loadedMessage, type LoadMessage } from './load-messages';
import { fileErrorText } from './recognition-messages';
import { readFiles, readSaved, switchVersion } from './persist';
import { SAMPLE_FILES } from './sample';
import {
	isSampleOnly,
	replayInputs,
	sampleDataset,
	tableSources,
	type PublishedBase,
	type StoredDataset
} from './stored-dataset';

/**
 * Puts published dataset `base` live (src/lib/datasets registers it; the core cannot import a
 * feature). `alone`: nothing is uploaded on top of it in the dataset being restored.
 */
export type BaseOpener = (
	conn: SqlConnection,
	base: PublishedBase,
	o: { alone: boolean }
) => Promise<void>;

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));
const alert = (text: string, details: string[] = []): LoadMessage => ({
	kind: 'error',
	text,
	details
});

/** Loads the sample or a stored version, and keeps what each load changed (`saver`). */
export class DatasetLoader {
	readonly saver = new DatasetSaver();
	#sample = new Map<string, Uint8Array>();
	#inPlace = inPlaceDecoder(decodeParquet);
	/** Opens a published base; without one, a dataset built on a published dataset cannot load. */
	openBase: BaseOpener | null = null;

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

	/**
	 * Load `dataset` (its files re-read and re-checked) in one batch, replacing every table.
	 * Returns the rows that no longer pass the checks (first few, and their count).
	 */
	async #load(conn: SqlConnection, dataset: StoredDataset, blobs: Map<string, Blob>) {
		if (dataset.base) return this.#loadOnBase(conn, dataset, dataset.base, blobs);
		const samples = new Map<TableName, { name: string; bytes: Uint8Array }>();
		for (const t of Object.keys(dataset.tables) as TableName[])
			if (dataset.tables[t].some((e) => e.sample)) samples.set(t, await this.#sampleFile(t));
		const files = replayInputs(dataset, {
			blob: (k) => blobs.get(k),
			sample: (t) => samples.get(t)!
		});
		return this.#replay(conn, { files, sources: tableSources(dataset) });
	}

	/**
	 * A dataset built on a published one: the bundle put live as published, then the uploads on
	 * top, replacing their tables (appended where the table kept the published rows first).
	 */
	async #loadOnBase(
		conn: SqlConnection,
		dataset: StoredDataset,
		base: PublishedBase,
		blobs: Map<string, Blob>
	) {
		if (!this.openBase) throw new Error(`${base.title} cannot be opened here`);
		const tables = Object.keys(dataset.tables) as TableName[];
		const uploaded = tables.filter((t) => dataset.tables[t].some((e) => !e.sample));
		await this.openBase(conn, base, { alone: uploaded.length === 0 });
		let count = 0;
		const details: string[] = [];
		for (const mode of ['replace', 'append'] as const) {
			const part = sampleDataset();
			const these = uploaded.filter((t) => !!dataset.tables[t][0]!.sample === (mode === 'append'));
			if (these.length === 0) continue;
			for (const t of tables)
				part.tables[t] = these.includes(t) ? dataset.tables[t].filter((e) => !e.sample) : [];
			const files = replayInputs(part, {
				blob: (k) => blobs.get(k),
				sample: (t) => {
					throw new Error(`no sample file in a replay over ${base.title} (${t})`);
				}
			});
			const r = await this.#replay(conn, { files, mode });
			count += r.count;
			details.push(...r.details);
		}
		return { count, details: details.slice(0, 3) };
	}

	/** Load `files` in one batch and commit it; the rows that no longer pass, or throws. */
	async #replay(
		conn: SqlConnection,
		o: {
			files: ReturnType<typeof replayInputs>;
			mode?: 'replace' | 'append';
			sources?: ReturnType<typeof tableSources>;
		}
	) {
		const onProgress = this.onProgress;
		const batch = await prepareBatch(conn, {
			files: o.files,
			decode: this.decoder,
			onProgress,
			mode: o.mode
		});
		const failed = batch.files.find((f) => f.error);
		if (failed) {
			await discardBatch(conn, batch);
			throw new Error(fileErrorText(failed));
		}
		await commitBatch(conn, batch, { source: 'upload', sources: o.sources, mode: o.mode });
		const rejected = batch.problems.filter((p) => p.severity === 'error').slice(0, 3);
		return {
			count: batch.errorCount,
			details: rejected.map(
				(p) =>
					`${t('report.problemAt', { file: p.file, row: p.row })}${p.column ? `, ${p.column}` : ''}: ${problemText(p.reason)}`
			)
		};
	}

	/** Load stored version `v`; a message when rows were left out. Throws when it cannot load. */
	async #loadVersion(conn: SqlConnection, v: DatasetVersion): Promise<LoadMessage | null> {
		const blobs = await readFiles(v.dataset);
		const r = await this.#load(conn, v.dataset, blobs);
		return r.count > 0 ? alert(lt('storage.restoreRejected', { rows: r.count }), r.details) : null;
	}

	/** On start: the stored current version if there is one, else the sample; and the history. */
	async restore(
		conn: SqlConnection
	): Promise<{ message: LoadMessage | null; history: History | null }> {
		// Storage that cannot even be opened (a private window, say) holds nothing to restore.
		const saved = await readSaved().catch(() => ({ kind: 'none' }) as const);
		if (saved.kind === 'unknown') {
			await this.#load(conn, sampleDataset(), new Map());
			this.saver.adopt(null, { failed: true });
			return { message: alert(lt('storage.unknown')), history: null };
		}
		const history = saved.kind === 'history' ? saved.history : null;
		const v = history ? currentVersion(history) : null;
		if (!v || isSampleOnly(v.dataset)) {
			await this.#load(conn, sampleDataset(), new Map());
			this.saver.adopt(v);
			return { message: null, history };
		}
		try {
			const message = await this.#loadVersion(conn, v);
			this.saver.adopt(v);
			return { message, history };
		} catch (e) {
			await this.#load(conn, sampleDataset(), new Map());
			// The stored copy stays: the next save adds a version and keeps this one in the history.
			this.saver.adopt(v, { failed: true });
			return { message: alert(lt('storage.restoreFailed', { message: errorText(e) })), history };
		}
	}

	/**
	 * Make the kept version `v` live and current (undo, history). The live tables change only
	 * when every file loads; a message when rows were left out.
	 */
	async switchTo(
		conn: SqlConnection,
		v: DatasetVersion
	): Promise<{ message: LoadMessage | null; history: History }> {
		const message = await this.#loadVersion(conn, v);
		this.saver.adopt(v);
		const history = await switchVersion(v.id);
		return { message, history };
	}

	/** Put `batch` live (the save follows, in `saver.save`). */
	async commit(conn: SqlConnection, batch: BatchReport): Promise<LoadMessage> {
		const files = batch.files.map((f) => f.file).join(', ');
		this.onProgress({ stage: 'loading', file: files, fraction: 0 });
		await commitBatch(conn, batch, { source: 'upload', mode: batch.mode });
		this.saver.afterLoad(batch);
		return loadedMessage(batch);
	}

	/** Load the bundled sample (saved as a version by `saver.save`, so it can be undone). */
	async reset(conn: SqlConnection): Promise<void> {
		await this.#load(conn, sampleDataset(), new Map());
		this.saver.afterReset();
	}
}

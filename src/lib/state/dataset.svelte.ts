/**
 * The loaded dataset as app state: engine start (the saved dataset, else the bundled sample),
 * uploads with progress, cancel and their validation report, the analyst's choices, and saving
 * what was loaded. Charts re-query when `version` changes; every reader of the live tables (the
 * dashboard, the report, the workspace) first awaits `ready()`, so nothing answers from a dataset
 * that is still starting or half-way through a load.
 */
import { TABLE_NAMES } from '$lib/contract/contract';
import { sharedConnection } from '$lib/db/engine';
import { queryRows } from '$lib/db/rows';
import {
	datasetStatusSql,
	initDatasetSql,
	type DatasetStatusRow,
	type LoadMode
} from '$lib/db/queries/dataset';
import type { SqlConnection } from '$lib/db/types';
import { formatTime } from '$lib/i18n';
import { lt } from '$lib/i18n';
import type { FileOverride, LoadProgress } from '$lib/ingest/decode';
import {
	checkLoadRisk,
	discardBatch,
	isRisky,
	prepareBatch,
	revalidateBatch,
	type BatchReport,
	type LoadRisk
} from '$lib/ingest/load';
import {
	isClean,
	isRemappable,
	pendingMessage,
	stoppedMessage,
	type LoadMessage
} from './load-messages';
import { DatasetLoader, type BaseOpener } from './dataset-loader';
import { engineFailureText } from './engine-failure';
import { confirmedAlert } from './risk-messages';
import { DatasetVersions } from './dataset-versions.svelte';
import type { PublishedBase } from './stored-dataset';

export type { LoadMessage } from './load-messages';

/** Loads a dataset at start-up in place of the saved one; true when it did. */
export type StartHook = (conn: SqlConnection, signal: AbortSignal) => Promise<boolean>;

/** Dataset state: one instance for the app. */
export class DatasetState {
	status = $state<'starting' | 'ready' | 'busy' | 'failed'>('starting');
	startError = $state<string | null>(null);
	tables = $state<DatasetStatusRow[]>([]);
	version = $state(0);
	/** How uploaded tables change the loaded ones. */
	mode = $state<LoadMode>('replace');
	/** Stop every upload for review, even one without problems. */
	review = $state(false);
	/** A batch awaiting the analyst's decision. */
	pending = $state<BatchReport | null>(null);
	/** The last batch's report, kept for display after the load. */
	lastReport = $state<BatchReport | null>(null);
	message = $state<LoadMessage | null>(null);
	/** What the pending batch would orphan or shrink: the analyst confirms before it loads. */
	risk = $state<LoadRisk | null>(null);
	/** True while the analyst is asked to confirm the pending batch's `risk`. */
	confirming = $state(false);
	/** The running load's stage, or null. */
	progress = $state<LoadProgress | null>(null);
	#conn: SqlConnection | null = null;
	#abort: AbortController | null = null;
	#started: Promise<void> | null = null;
	/** Settles when no start or load is running; replaced by a pending one when a load begins. */
	#idle: Promise<void>;
	#release: (error?: unknown) => void = () => undefined;
	#loader = new DatasetLoader((p) => (this.progress = p));
	/** The kept versions, the fingerprint, saving. */
	readonly versions = new DatasetVersions(this.#loader.saver);

	constructor() {
		this.#idle = this.#hold();
	}

	/** A pending idle promise; `#release` settles it (rejects it with a start failure). */
	#hold(): Promise<void> {
		const p = new Promise<void>((resolve, reject) => {
			this.#release = (error) => (error === undefined ? resolve() : reject(error));
		});
		p.catch(() => undefined);
		return p;
	}

	/**
	 * The shared connection once the dataset is complete: the start finished and no load is
	 * running (a load begun while waiting is waited for too). Starts the engine when nothing has;
	 * rejects when the start failed.
	 */
	async ready(): Promise<SqlConnection> {
		void this.start();
		for (;;) {
			const idle = this.#idle;
			await idle;
			if (idle === this.#idle && this.status === 'ready') return this.connection();
		}
	}

	/** True when every dashboard table holds the bundled sample. */
	isSample = $derived(this.tables.length > 0 && this.tables.every((r) => r.source !== 'upload'));

	/** The shared connection, once started. */
	async connection(): Promise<SqlConnection> {
		this.#conn ??= await sharedConnection();
		return this.#conn;
	}

	/**
	 * Start (once) the engine and load the saved dataset, or the bundled sample when there is none.
	 * `open` (a published dataset, src/lib/datasets) loads instead when it returns true; when it
	 * throws, its message is shown over the saved or sample data.
	 */
	start(open?: StartHook): Promise<void> {
		this.#started ??= this.#start(open);
		return this.#started;
	}

	async #start(open?: StartHook): Promise<void> {
		try {
			const conn = await this.connection();
			this.versions.listen();
			await conn.query(initDatasetSql());
			this.#abort = new AbortController();
			const opened = await open?.(conn, this.#abort.signal).catch((e: unknown) => {
				this.message = stoppedMessage(e, []);
				return false;
			});
			this.#abort = null;
			if (!opened) {
				const restored = await this.#loader.restore(conn);
				this.message = restored.message ?? this.message;
				this.versions.history = restored.history;
			}
			await this.#refresh(conn);
			this.status = 'ready';
			this.#release();
		} catch (e) {
			this.status = 'failed';
			this.startError = engineFailureText(e);
			this.#release(new Error(this.startError));
		} finally {
			this.progress = null;
		}
	}

	async #refresh(conn: SqlConnection): Promise<void> {
		const rows = await queryRows<DatasetStatusRow>(conn, datasetStatusSql());
		this.tables = TABLE_NAMES.map((n) => rows.find((r) => r.table === n)!).filter(Boolean);
		await this.versions.noteLive(conn, this.tables);
		this.version++;
	}

	/** Run `work` as the one load in progress: busy status, progress, cancel, and its message. */
	async #run(files: string[], work: (conn: SqlConnection, signal: AbortSignal) => Promise<void>) {
		const conn = await this.connection();
		this.status = 'busy';
		this.#idle = this.#hold();
		this.#abort = new AbortController();
		const signal = this.#abort.signal;
		try {
			await work(conn, signal);
		} catch (e) {
			// A statement interrupted by Cancel fails with DuckDB's own error: the cancel is the cause.
			this.message = stoppedMessage(signal.aborted ? signal.reason : e, files);
		} finally {
			this.status = 'ready';
			this.progress = null;
			this.#abort = null;
			this.#release();
		}
	}

	/**
	 * Run `work` (opening a published dataset, showing the saved uploads) as the one load in
	 * progress, then re-query; when it throws, the data shown stays and the error is the message.
	 */
	async replaceWith(
		names: string[],
		work: (conn: SqlConnection, signal: AbortSignal) => Promise<LoadMessage | null>
	): Promise<void> {
		if (this.status !== 'ready') return;
		await this.cancelPending();
		this.message = null;
		await this.#run(names, async (conn, signal) => {
			this.message = await work(conn, signal);
			await this.#refresh(conn);
		});
	}

	/** Register how a published dataset a saved version was built on is opened (src/lib/datasets). */
	setBaseOpener(open: BaseOpener): void {
		this.#loader.openBase = open;
	}

	/** The live tables now hold published dataset `base` as opened (null: the sample), unsaved. */
	adoptBase(base: PublishedBase | null): void {
		this.#loader.saver.adoptBase(base);
	}

	/** Load the uploads saved in this browser (or the sample when there are none). */
	showSaved(): Promise<void> {
		return this.replaceWith([], async (conn) => {
			const restored = await this.#loader.restore(conn);
			this.versions.history = restored.history;
			return restored.message;
		});
	}

	/** Read, validate and (when clean) load files; otherwise wait for the analyst's decision. */
	async upload(fileList: File[]): Promise<void> {
		if (fileList.length === 0 || this.status !== 'ready') return;
		await this.cancelPending();
		this.message = null;
		const names = fileList.map((f) => f.name);
		await this.#run(names, async (conn, signal) => {
			const batch = await prepareBatch(conn, {
				files: fileList.map((f) => ({ name: f.name, blob: f })),
				decode: this.#loader.decoder,
				mode: this.mode,
				onProgress: (p) => (this.progress = p),
				signal
			});
			await this.#settle(conn, batch, this.review);
		});
	}

	/** After (re)validation: load a clean batch, keep one that needs a decision, drop a dead one. */
	async #settle(conn: SqlConnection, batch: BatchReport, ask: boolean): Promise<void> {
		this.lastReport = batch;
		const risk = batch.tables.length ? await checkLoadRisk(conn, batch) : null;
		this.risk = isRisky(risk) ? risk : null;
		const auto = isClean(batch) && !ask;
		if (auto && !this.risk) return this.#commit(conn, batch);
		this.confirming = auto;
		if (batch.tables.length === 0 && !isRemappable(batch)) {
			await discardBatch(conn, batch);
			this.pending = null;
		} else this.pending = batch;
		this.message = pendingMessage(batch);
	}

	async #commit(conn: SqlConnection, batch: BatchReport): Promise<void> {
		const confirmed = this.risk ? [confirmedAlert(this.risk)] : [];
		const message = await this.#loader.commit(conn, batch);
		this.message = confirmed.length ? { ...message, alerts: confirmed } : message;
		this.pending = null;
		this.risk = null;
		this.confirming = false;
		await this.#refresh(conn);
		// Saved after the dashboard has the new data; still busy, so no second load can interleave.
		const alerts = await this.versions.save(batch.tables.flatMap((x) => x.files));
		if (alerts.length) this.message = { ...message, alerts: [...confirmed, ...alerts] };
	}

	/** Re-check the pending batch with a file's table or columns chosen by hand. */
	remap(index: number, override: FileOverride): Promise<void> {
		return this.#revalidate({ [index]: override });
	}

	/** Choose replace or append; a pending batch is checked again under the new rule. */
	async setMode(mode: LoadMode): Promise<void> {
		this.mode = mode;
		if (this.pending && this.pending.mode !== mode) await this.#revalidate({});
	}

	async #revalidate(overrides: Record<number, FileOverride>): Promise<void> {
		const batch = this.pending;
		if (!batch || this.status !== 'ready') return;
		await this.#run(
			batch.files.map((f) => f.file),
			async (conn, signal) => {
				const next = await revalidateBatch(conn, batch, {
					overrides,
					mode: this.mode,
					signal,
					onProgress: (p) => (this.progress = p)
				});
				await this.#settle(conn, next, true);
			}
		);
	}

	/** Load the valid rows of the pending batch; one with a risk first asks (`confirmed` answers). */
	async loadPending(confirmed = false): Promise<void> {
		const batch = this.pending;
		if (!batch || this.status !== 'ready') return;
		this.confirming = this.risk !== null && !confirmed;
		if (this.confirming) return;
		await this.#run(
			batch.files.map((f) => f.file),
			(conn) => this.#commit(conn, batch)
		);
	}

	/** Drop the pending batch; the live data stays as it was. */
	async cancelPending(): Promise<void> {
		const batch = this.pending;
		if (!batch) return;
		this.pending = null;
		this.risk = null;
		this.confirming = false;
		this.message = null;
		await discardBatch(await this.connection(), batch);
	}

	/** Stop the running load now (its running statement is interrupted); nothing of it goes live. */
	cancelLoad(): void {
		// The commit (stage `loading`) is one short transaction and is never interrupted.
		if (!this.#abort || this.progress?.stage === 'loading') return;
		this.#abort.abort(new DOMException(lt('upload.cancelled'), 'AbortError'));
		void this.#conn?.cancel().catch(() => undefined);
	}

	/** Replace every table with the bundled sample, kept as a version (so it can be undone). */
	async resetToSample(): Promise<void> {
		await this.cancelPending();
		await this.#run([], async (conn) => {
			await this.#loader.reset(conn);
			this.message = null;
			this.lastReport = null;
			await this.#refresh(conn);
			const alerts = await this.versions.save([]);
			if (alerts.length) this.message = { kind: 'error', text: alerts[0]!, details: [] };
		});
	}

	/** Show the stored current version (another tab's load): as on start, from storage. */
	async showStored(): Promise<void> {
		if (this.status !== 'ready') return;
		await this.cancelPending();
		await this.#run([], async (conn) => {
			const restored = await this.#loader.restore(conn);
			this.message = restored.message;
			this.versions.history = restored.history;
			this.versions.elsewhere = null;
			this.lastReport = null;
			await this.#refresh(conn);
		});
	}

	/** Go back to the version the current one was loaded on top of. */
	undo(): Promise<void> {
		const v = this.versions.undoTarget;
		return v ? this.switchTo(v.id) : Promise.resolve();
	}

	/** Make kept version `id` live and current; the live data stays when it cannot load. */
	async switchTo(id: string): Promise<void> {
		const v = this.versions.find(id);
		if (!v || this.status !== 'ready') return;
		await this.cancelPending();
		this.message = null;
		await this.#run(v.files, async (conn) => {
			const r = await this.#loader.switchTo(conn, v);
			this.versions.stored(r.history, v.files);
			this.lastReport = null;
			await this.#refresh(conn);
			this.message = r.message ?? {
				kind: 'success',
				text: lt('history.switched', { time: formatTime(v.savedAt) }),
				details: []
			};
		});
	}
}

/** The app's dataset state. */
export const dataset = new DatasetState();

/**
 * The loaded dataset as app state: engine start, the bundled sample, uploads with their
 * validation report, and what each table holds. Charts re-query when `version` changes.
 */
import { TABLE_NAMES } from '$lib/contract/contract';
import { sharedConnection } from '$lib/db/engine';
import { decodeParquet } from '$lib/db/parquet';
import { queryRows } from '$lib/db/rows';
import { datasetStatusSql, initDatasetSql, type DatasetStatusRow } from '$lib/db/queries/dataset';
import type { SqlConnection } from '$lib/db/types';
import {
	commitBatch,
	discardBatch,
	prepareBatch,
	type BatchReport,
	type InputFile
} from '$lib/ingest/load';
import { t } from '$lib/i18n';
import { SAMPLE_FILES } from './sample';

/** A message shown after a load: an error (role=alert) or a confirmation. */
export interface LoadMessage {
	kind: 'error' | 'success';
	text: string;
	details: string[];
}

/** Dataset state: one instance for the app. */
export class DatasetState {
	status = $state<'starting' | 'ready' | 'busy' | 'failed'>('starting');
	startError = $state<string | null>(null);
	tables = $state<DatasetStatusRow[]>([]);
	version = $state(0);
	/** A batch awaiting the analyst's decision (it has row errors). */
	pending = $state<BatchReport | null>(null);
	/** The last batch's report, kept for display after the load. */
	lastReport = $state<BatchReport | null>(null);
	message = $state<LoadMessage | null>(null);
	#conn: SqlConnection | null = null;

	/** True when every dashboard table holds the bundled sample. */
	isSample = $derived(this.tables.length > 0 && this.tables.every((r) => r.source !== 'upload'));

	/** The shared connection, once started. */
	async connection(): Promise<SqlConnection> {
		this.#conn ??= await sharedConnection();
		return this.#conn;
	}

	/** Start the engine and load the bundled sample data. */
	async start(): Promise<void> {
		try {
			const conn = await this.connection();
			await conn.query(initDatasetSql());
			await this.#loadSample(conn);
			this.status = 'ready';
		} catch (e) {
			this.status = 'failed';
			this.startError = t('engine.failed', { message: e instanceof Error ? e.message : String(e) });
		}
	}

	async #loadSample(conn: SqlConnection): Promise<void> {
		const files = await Promise.all(
			SAMPLE_FILES.map(async (f) => ({
				name: f.name,
				bytes: new Uint8Array(await (await fetch(f.url)).arrayBuffer())
			}))
		);
		const batch = await prepareBatch(conn, { files, decodeParquet });
		if (batch.errorCount > 0 || batch.files.some((f) => f.error))
			throw new Error('the bundled sample data did not validate');
		await commitBatch(conn, batch, { source: 'sample' });
		await this.#refresh(conn);
	}

	async #refresh(conn: SqlConnection): Promise<void> {
		const rows = await queryRows<DatasetStatusRow>(conn, datasetStatusSql());
		this.tables = TABLE_NAMES.map((n) => rows.find((r) => r.table === n)!).filter(Boolean);
		this.version++;
	}

	/** Read, validate and (when clean) load files; with row errors, wait for the analyst. */
	async upload(fileList: File[]): Promise<void> {
		if (fileList.length === 0 || this.status === 'busy') return;
		const conn = await this.connection();
		if (this.pending) await this.cancelPending();
		this.status = 'busy';
		this.message = null;
		try {
			const files: InputFile[] = await Promise.all(
				fileList.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) }))
			);
			const batch = await prepareBatch(conn, { files, decodeParquet });
			this.lastReport = batch;
			const failed = batch.files.filter((f) => f.error);
			if (batch.tables.length === 0) {
				this.message = {
					kind: 'error',
					text: t('upload.failed'),
					details: failed.map((f) => f.error!)
				};
			} else if (batch.errorCount > 0 || failed.length > 0) {
				this.pending = batch;
				this.message = {
					kind: 'error',
					text: t('upload.problems', {
						errors: batch.errorCount,
						warnings: batch.warningCount,
						files: batch.files.map((f) => f.file).join(', ')
					}),
					details: failed.map((f) => f.error!)
				};
			} else {
				await this.#commit(conn, batch);
			}
		} catch (e) {
			this.message = { kind: 'error', text: t('upload.failed'), details: [String(e)] };
		} finally {
			this.status = 'ready';
		}
	}

	async #commit(conn: SqlConnection, batch: BatchReport): Promise<void> {
		await commitBatch(conn, batch, { source: 'upload' });
		this.pending = null;
		const summary = batch.tables.map(
			(x) => `${x.table}: ${x.files.join(', ')} (${t('dataset.rows', { rows: x.rows })})`
		);
		this.message = {
			kind: 'success',
			text: t('upload.loaded', { files: batch.tables.flatMap((x) => x.files).join(', ') }),
			details: summary
		};
		await this.#refresh(conn);
	}

	/** Load the valid rows of the pending batch. */
	async loadPending(): Promise<void> {
		if (!this.pending) return;
		const conn = await this.connection();
		this.status = 'busy';
		try {
			await this.#commit(conn, this.pending);
		} catch (e) {
			this.message = { kind: 'error', text: t('upload.failed'), details: [String(e)] };
		} finally {
			this.status = 'ready';
		}
	}

	/** Drop the pending batch; the live data stays as it was. */
	async cancelPending(): Promise<void> {
		if (!this.pending) return;
		const conn = await this.connection();
		await discardBatch(conn, this.pending);
		this.pending = null;
		this.message = null;
	}

	/** Replace every table with the bundled sample. */
	async resetToSample(): Promise<void> {
		const conn = await this.connection();
		await this.cancelPending();
		this.status = 'busy';
		try {
			await this.#loadSample(conn);
			this.message = null;
			this.lastReport = null;
		} finally {
			this.status = 'ready';
		}
	}
}

/** The app's dataset state. */
export const dataset = new DatasetState();

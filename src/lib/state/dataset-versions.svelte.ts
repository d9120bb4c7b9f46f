/**
 * The dataset versions as app state: the live tables' fingerprint, the kept history, whether a
 * save is running, and saving the live dataset as the next version (DatasetSaver does the
 * storing). DatasetState owns one and calls it after every change of the live tables.
 */
import type { DatasetStatusRow } from '$lib/db/queries/dataset';
import { fingerprintSql, type FingerprintRow } from '$lib/db/queries/fingerprint';
import { queryRows } from '$lib/db/rows';
import type { SqlConnection } from '$lib/db/types';
import type { DatasetFacts, DatasetSaver } from './dataset-saver';
import { currentVersion, othersFiles, type DatasetVersion, type History } from './history';
import { saveAlerts } from './save-messages';
import { openTabChannel, type DatasetAnnouncement } from './tab-channel';

/** The kept versions of the dataset and the live tables' place among them. */
export class DatasetVersions {
	/** True while a load is being saved in the browser's storage. */
	saving = $state(false);
	/** The kept dataset versions (null until something was saved). */
	history = $state<History | null>(null);
	/** The live tables' fingerprint. */
	fingerprint = $state<string | null>(null);
	/** Another tab stored a dataset this tab does not show (or this tab's save merged one in). */
	elsewhere = $state<DatasetAnnouncement | null>(null);
	#rows: DatasetFacts['rows'] = {};
	#announce: ((a: DatasetAnnouncement) => void) | null = null;

	constructor(private readonly saver: DatasetSaver) {}

	/** Listen to the other tabs (in the browser, once the app starts). */
	listen(): void {
		this.#announce ??= openTabChannel((a) => {
			if (a.id !== this.history?.current) this.elsewhere = a;
		});
	}

	/** The live tables now show the stored current version of `history`: tell the other tabs. */
	stored(history: History, files: string[]): void {
		this.history = history;
		this.elsewhere = null;
		this.#announce?.({ files, id: history.current });
	}

	/** Note the live tables' row counts and fingerprint (after every change of them). */
	async noteLive(conn: SqlConnection, tables: DatasetStatusRow[]): Promise<void> {
		const [fp] = await queryRows<FingerprintRow>(conn, fingerprintSql());
		this.fingerprint = fp?.fingerprint ?? null;
		this.#rows = Object.fromEntries(tables.map((r) => [r.table, r.rows]));
		this.saver.noteFacts({ rows: this.#rows, fingerprint: this.fingerprint });
	}

	/** Save the live dataset as a new version (`files`: the load's); alerts when that failed. */
	async save(files: string[]): Promise<string[]> {
		this.saving = true;
		try {
			const r = await this.saver.save(files, { rows: this.#rows, fingerprint: this.fingerprint });
			this.stored(r.history, files);
			// The stored version holds another tab's tables too: this tab can show it.
			if (r.merged) this.elsewhere = { files: othersFiles(r.version), id: r.version.id };
			return saveAlerts(r);
		} catch (e) {
			return saveAlerts(e);
		} finally {
			this.saving = false;
		}
	}

	/** The version "Undo last load" goes back to: the current version's parent, if kept. */
	get undoTarget(): DatasetVersion | null {
		const h = this.history;
		const parent = h ? currentVersion(h).parent : null;
		return h?.versions.find((v) => v.id === parent) ?? null;
	}

	/** The kept version `id`, if any. */
	find(id: string): DatasetVersion | null {
		return this.history?.versions.find((v) => v.id === id) ?? null;
	}
}

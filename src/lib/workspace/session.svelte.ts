/**
 * The workspace as app state: its own connection, the schema browser's catalog, the running
 * query (with Cancel) and its outcome. Results stay Arrow tables; the grid reads cells lazily.
 */
import type { Table } from 'apache-arrow';
import { tableToRows } from '$lib/db/rows';
import {
	catalogColumnsSql,
	catalogTablesSql,
	rowCountsSql,
	type CatalogColumnRow,
	type CatalogTableRow,
	type RowCountRow
} from '$lib/db/queries/workspace';
import { describeColumns, type ResultColumn } from './cells';
import { workspaceConnection } from './connection';
import type { QueryLibrary } from './library.svelte';
import { t } from '$lib/i18n';
import { exclusive, runWorkspaceSql } from './run';

/** A table or view in the schema browser, with its columns and (tables only) exact row count. */
export interface CatalogEntry extends CatalogTableRow {
	rows: number | null;
	columns: { name: string; type: string }[];
}

/** A message under the editor: an error (DuckDB's text), a refusal by the guard, a cancellation. */
export interface RunMessage {
	kind: 'error' | 'refused' | 'cancelled' | 'waiting';
	text: string;
}

/** The dataset's readiness as the workspace needs it (DatasetState provides both). */
export interface DatasetReadiness {
	/** Resolves when the dataset is complete (started, no load running); rejects if it failed. */
	ready(): Promise<unknown>;
	/** True when `ready()` would resolve now. */
	isReady(): boolean;
}

/** Workspace state: one instance per page. */
export class WorkspaceSession {
	status = $state<'connecting' | 'idle' | 'waiting' | 'running'>('connecting');
	catalog = $state.raw<CatalogEntry[]>([]);
	result = $state.raw<Table | null>(null);
	columns = $state.raw<ResultColumn[]>([]);
	ms = $state(0);
	statements = $state(0);
	message = $state<RunMessage | null>(null);
	/** Runs finished (outcome shown, catalog re-read): tests and assistive tech wait on it. */
	runs = $state(0);
	#cancelled = false;
	#library: QueryLibrary;
	#dataset: DatasetReadiness;

	/** `dataset` tells when the loaded tables are complete: every run and catalog read awaits it. */
	constructor(library: QueryLibrary, dataset: DatasetReadiness) {
		this.#library = library;
		this.#dataset = dataset;
	}

	/** Table name -> column names, for the editor's completion. */
	completionSchema = $derived(
		Object.fromEntries(this.catalog.map((t) => [t.name, t.columns.map((c) => c.name)]))
	);

	/** Re-read the catalog (after a load, or after the analyst created or dropped TEMP objects). */
	async refreshCatalog(): Promise<void> {
		await this.#dataset.ready();
		const conn = await workspaceConnection();
		if (this.status === 'connecting') this.status = 'idle';
		const [tables, cols, counts] = await exclusive(conn, async () => {
			const tables = tableToRows<CatalogTableRow>(await conn.run(catalogTablesSql()));
			const cols = tableToRows<CatalogColumnRow>(await conn.run(catalogColumnsSql()));
			const counted = tables.filter((t) => t.kind === 'table').map((t) => t.name);
			return [tables, cols, tableToRows<RowCountRow>(await conn.run(rowCountsSql(counted)))];
		});
		this.catalog = tables.map((t) => ({
			...t,
			rows: counts.find((c) => c.name === t.name)?.rows ?? null,
			columns: cols.filter((c) => c.table === t.name).map((c) => ({ name: c.column, type: c.type }))
		}));
	}

	/**
	 * Run the editor's text (Run and Ctrl+Enter alike) once the dataset is complete, saying so
	 * while it waits; the outcome replaces the previous result or message.
	 */
	async run(sql: string): Promise<void> {
		if (this.status === 'running' || this.status === 'waiting') return;
		this.status = 'waiting';
		if (!this.#dataset.isReady()) this.message = { kind: 'waiting', text: t('engine.waiting') };
		try {
			await this.#dataset.ready();
		} catch (e) {
			this.status = 'idle';
			this.message = { kind: 'error', text: e instanceof Error ? e.message : String(e) };
			this.runs++;
			return;
		}
		const runner = await workspaceConnection();
		this.status = 'running';
		this.#cancelled = false;
		this.message = null;
		const out = await runWorkspaceSql({ runner, sql, isCancelled: () => this.#cancelled });
		this.status = 'idle';
		if (out.kind === 'result') {
			this.result = out.table;
			this.columns = describeColumns(out.table);
			this.ms = out.ms;
			this.statements = out.statements;
		} else if (out.kind === 'cancelled') {
			this.message = { kind: 'cancelled', text: t('ws.cancelled') };
		} else {
			this.message = { kind: out.kind, text: out.message };
		}
		this.#library.record({
			sql,
			// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a timestamp string, not state
			at: new Date().toISOString(),
			ok: out.kind === 'result',
			rows: out.kind === 'result' ? out.table.numRows : null
		});
		// The script may have created or dropped TEMP objects: the browser shows them.
		if (out.kind === 'result') await this.refreshCatalog().catch(() => undefined);
		this.runs++;
	}

	/** Interrupt the running query. */
	async cancel(): Promise<void> {
		if (this.status !== 'running') return;
		this.#cancelled = true;
		await (await workspaceConnection()).cancel();
	}
}

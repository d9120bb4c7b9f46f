/**
 * The workspace's own DuckDB connection, apart from the dashboard's shared one. Statements are
 * sent as pending queries (`send`), which the worker runs in slices between other messages: the
 * dashboard's queries are not blocked behind a long analysis, and `cancelSent` can interrupt it
 * (a plain `query` runs to its end in one worker task and cannot be cancelled).
 */
import { Table } from 'apache-arrow';
import type { RecordBatch } from 'apache-arrow';
import { getEngine } from '$lib/db/engine';
import type { StatementRunner } from './run';

let opened: Promise<StatementRunner> | null = null;

/** Open (once) the workspace connection on the app's secured engine. */
export function workspaceConnection(): Promise<StatementRunner> {
	opened ??= (async () => {
		const db = await getEngine();
		// The engine's settings (offline, locked) were applied once at its start (db/setup.ts).
		const conn = await db.connect();
		const exec = async (sql: string) => {
			const reader = await conn.send(sql);
			const batches: RecordBatch[] = [];
			for await (const batch of reader) batches.push(batch);
			return new Table(reader.schema, batches);
		};
		// One statement at a time: a second pending query on a connection would replace the first
		// (a catalog refresh racing a run, say). Cancel is not queued: it must reach the running one.
		let tail: Promise<unknown> = Promise.resolve();
		return {
			run(sql) {
				const next = tail.then(() => exec(sql));
				tail = next.catch(() => undefined);
				return next;
			},
			cancel: () => conn.cancelSent()
		};
	})();
	opened.catch(() => (opened = null));
	return opened;
}

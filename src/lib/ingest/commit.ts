/**
 * Putting a prepared batch live, or throwing it away. The live tables change only inside one
 * transaction; if any statement fails the transaction is rolled back and nothing live changed.
 */
import { commitSql, type LoadMode } from '../db/queries/dataset';
import { dropTableSql, ROLLBACK_SQL } from '../db/queries/staging';
import type { SqlConnection } from '../db/types';
import type { BatchReport } from './batch';
import { releaseStaged } from './stage';

const dropStaged = (conn: SqlConnection, batch: BatchReport) => releaseStaged(conn, batch.staged);

/**
 * Replace (or, in `append` mode, extend) the live tables with the batch's staging tables in one
 * transaction, recording the source (`sample` or the file names). On failure: rolled back, the
 * batch discarded, the error rethrown. `sources` gives a table its own source.
 */
export async function commitBatch(
	conn: SqlConnection,
	batch: BatchReport,
	o: {
		source: 'sample' | 'upload';
		mode?: LoadMode;
		sources?: Partial<Record<string, 'sample' | 'upload'>>;
	}
): Promise<void> {
	try {
		if (batch.tables.length === 0) return;
		const tables = batch.tables.map((t) => ({ ...t, source: o.sources?.[t.table] }));
		await conn.query(commitSql({ tables, source: o.source, mode: o.mode ?? batch.mode }));
	} catch (e) {
		await conn.query(ROLLBACK_SQL).catch(() => undefined);
		await discardBatch(conn, batch);
		throw e;
	} finally {
		await dropStaged(conn, batch);
	}
}

/** Drop a prepared batch's staging and raw tables without touching the live ones. */
export async function discardBatch(conn: SqlConnection, batch: BatchReport): Promise<void> {
	for (const t of batch.tables) await conn.query(dropTableSql(t.staging));
	await dropStaged(conn, batch);
}

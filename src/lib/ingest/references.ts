/**
 * Before a prepared batch goes live: would it leave live rows pointing nowhere, or a Replace
 * remove more than half of a table? Checked on the live and staging tables, as the dataset would
 * be after the commit; the UI asks the analyst to confirm when it would.
 */
import { CONTRACT, getTable, type TableName } from '../contract/contract';
import { liveTablesSql } from '../db/queries/dataset';
import {
	orphanedSql,
	rowCountSql,
	type OrphanedRow,
	type ReferencePlan,
	type RowCountRow
} from '../db/queries/references';
import { queryRows } from '../db/rows';
import type { SqlConnection } from '../db/types';
import type { BatchReport } from './batch';

/** A Replace that would leave a table with less than half its rows. */
export interface Shrink {
	table: TableName;
	before: number;
	after: number;
}

/** What a batch would do that the analyst should confirm first. */
export interface LoadRisk {
	/** References (with rows it would orphan): live rows that would point to a removed key. */
	orphans: OrphanedRow[];
	shrinks: Shrink[];
}

/** True when `risk` holds anything to confirm. */
export function isRisky(risk: LoadRisk | null): boolean {
	return risk !== null && (risk.orphans.length > 0 || risk.shrinks.length > 0);
}

/** The contract's references whose parent the batch changes and whose child rows stay live. */
function plans(batch: BatchReport, live: Set<string>): ReferencePlan[] {
	const staged = (t: TableName) => batch.tables.find((x) => x.table === t);
	const replace = batch.mode === 'replace';
	return CONTRACT.flatMap((t) =>
		t.columns.flatMap((c) => {
			const to = c.references;
			const parent = to ? staged(to) : undefined;
			if (!to || !parent || !live.has(to) || !live.has(t.name)) return [];
			if (replace && staged(t.name)) return [];
			const key = getTable(to).key;
			const after = replace ? [parent.staging] : [to, parent.staging];
			return [{ from: t.name, column: c.name, to, key, kept: t.name, before: [to], after }];
		})
	);
}

/** Check what committing `batch` would do to references and table sizes (nothing changes). */
export async function checkLoadRisk(conn: SqlConnection, batch: BatchReport): Promise<LoadRisk> {
	const live = new Set(
		(await queryRows<{ name: string }>(conn, liveTablesSql())).map((r) => r.name)
	);
	const orphans: OrphanedRow[] = [];
	for (const p of plans(batch, live)) {
		const [row] = await queryRows<OrphanedRow>(conn, orphanedSql(p));
		if (row && row.n > 0) orphans.push({ ...row, examples: [...row.examples] });
	}
	const shrinks: Shrink[] = [];
	if (batch.mode === 'replace')
		for (const x of batch.tables) {
			if (!live.has(x.table)) continue;
			const [row] = await queryRows<RowCountRow>(conn, rowCountSql(x.table));
			const before = row?.n ?? 0;
			if (x.rows * 2 < before) shrinks.push({ table: x.table, before, after: x.rows });
		}
	return { orphans, shrinks };
}

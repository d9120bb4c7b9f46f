/**
 * Checking a load's effect on references and table sizes before it commits, on the real
 * DuckDB-WASM engine over the bundled sample.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import type { LoadMode } from '../../src/lib/db/queries/dataset';
import { orphanedSql } from '../../src/lib/db/queries/references';
import { queryRows } from '../../src/lib/db/rows';
import type { SqlConnection } from '../../src/lib/db/types';
import { discardBatch, prepareBatch, type BatchReport } from '../../src/lib/ingest/load';
import { checkLoadRisk, isRisky, type LoadRisk } from '../../src/lib/ingest/references';
import { openSampleDb } from '../helpers/fixture-db';
import { decodeParquetNode } from '../helpers/node-engine';

let conn: SqlConnection;
beforeAll(async () => {
	conn = await openSampleDb();
});

const csv = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });
const count = async (t: string) =>
	(await queryRows<{ n: number }>(conn, `SELECT count(*)::INTEGER AS n FROM ${t}`))[0]!.n;

/** Prepare `files` in `mode`, check the risk, discard: nothing live changes. */
async function risk(
	files: ReturnType<typeof csv>[],
	mode: LoadMode = 'replace'
): Promise<LoadRisk> {
	const batch: BatchReport = await prepareBatch(conn, {
		files,
		mode,
		decodeParquet: decodeParquetNode
	});
	try {
		expect(batch.tables.length).toBeGreaterThan(0);
		return await checkLoadRisk(conn, batch);
	} finally {
		await discardBatch(conn, batch);
	}
}

describe('what a load would do, checked before it commits', () => {
	test('replacing the 46 meetings with one orphans outcomes and attendance and shrinks meetings', async () => {
		const meetings = await count('meetings');
		const r = await risk([csv('meetings.csv', 'meeting_no,date\n46,2024-01-02\n')]);
		expect(r.shrinks).toEqual([{ table: 'meetings', before: meetings, after: 1 }]);
		expect(r.orphans.map((o) => [o.from, o.column, o.to])).toEqual([
			['outcomes', 'meeting_no', 'meetings'],
			['attendance', 'meeting_no', 'meetings']
		]);
		for (const o of r.orphans) {
			expect(o.n).toBeGreaterThan(0);
			expect(o.examples.length).toBeLessThanOrEqual(3);
			expect(o.examples).not.toContain('46');
		}
		// Examples in the column's order: meeting numbers numerically, not as text.
		expect(r.orphans[0]!.examples).toEqual(['1', '2', '3']);
		expect(isRisky(r)).toBe(true);
		expect(await count('meetings')).toBe(meetings);
	});

	test('replacing themes with themes that keep every referenced id asks nothing', async () => {
		const ids = await queryRows<{ theme_id: string }>(
			conn,
			'SELECT theme_id FROM themes ORDER BY 1'
		);
		const text = ['theme_id,name', ...ids.map((r) => `${r.theme_id},Renamed ${r.theme_id}`)].join(
			'\n'
		);
		const r = await risk([csv('themes.csv', text)]);
		expect(r).toEqual({ orphans: [], shrinks: [] });
		expect(isRisky(r)).toBe(false);
	});

	test('appending a meeting orphans nothing and shrinks nothing', async () => {
		const r = await risk([csv('meetings.csv', 'meeting_no,date\n900,2024-01-02\n')], 'append');
		expect(r).toEqual({ orphans: [], shrinks: [] });
	});

	test('replacing meetings together with the outcomes that point to them only asks about attendance', async () => {
		const r = await risk([
			csv('meetings.csv', 'meeting_no,date\n1,2024-01-02\n2,2024-02-02\n'),
			csv(
				'outcomes.csv',
				'outcome_id,meeting_no,date,theme_id,title,status,sectors\nX-1,1,2024-01-02,gender,T,planned,GS\n'
			)
		]);
		expect(r.orphans.map((o) => o.from)).toEqual(['attendance']);
		expect(r.shrinks.map((s) => s.table)).toEqual(['meetings', 'outcomes']);
	});

	test('the orphan query quotes identifiers and never inlines a value', () => {
		const sql = orphanedSql({
			from: 'outcomes',
			column: 'theme"id',
			to: 'themes',
			key: 'theme_id',
			kept: 'outcomes',
			before: ['themes'],
			after: ['stg_x_themes']
		});
		expect(sql).toContain('"theme""id"');
		expect(sql).toContain('FROM "stg_x_themes"');
	});
});

/**
 * The fast path gives the precise path's answers: for every fixture, and for generated files full
 * of awkward cells, both paths load the same rows and report the same problems.
 */
import { readdirSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { queryRows } from '../../src/lib/db/rows';
import type { SqlConnection } from '../../src/lib/db/types';
import {
	discardBatch,
	prepareBatch,
	type BatchReport,
	type InputFile
} from '../../src/lib/ingest/load';
import type { LoadMode } from '../../src/lib/db/queries/dataset';
import { fixture } from '../helpers/files';
import { openSampleDb } from '../helpers/fixture-db';
import { messyFiles } from '../helpers/messy';
import { decodeParquetNode } from '../helpers/node-engine';

let conn: SqlConnection;
beforeAll(async () => {
	conn = await openSampleDb();
}, 120_000);

/** What a user sees of a prepared batch, and every staged row. */
async function outcome(batch: BatchReport) {
	const staged: Record<string, unknown[]> = {};
	for (const t of batch.tables) {
		const cols = await queryRows<{ n: string }>(
			conn,
			`SELECT column_name AS n FROM (DESCRIBE "${t.staging}")`
		);
		staged[t.table] = [
			cols.map((c) => c.n),
			...(await queryRows(conn, `SELECT * FROM "${t.staging}"`))
		];
	}
	return {
		files: batch.files.map(({ mapping: _m, ...f }) => f),
		problems: batch.problems,
		errors: batch.errorCount,
		warnings: batch.warningCount,
		tables: batch.tables.map((t) => [t.table, t.rows, t.files]),
		staged
	};
}

/** Prepare `files()` on both paths (fresh bytes each time) and expect the same outcome. */
async function expectSameAnswers(files: () => InputFile[], mode: LoadMode = 'replace') {
	const results = [];
	for (const path of ['precise', 'fast'] as const) {
		const batch = await prepareBatch(conn, {
			files: files(),
			decodeParquet: decodeParquetNode,
			mode,
			path
		});
		try {
			results.push(await outcome(batch));
		} finally {
			await discardBatch(conn, batch);
		}
	}
	expect(results[1]).toEqual(results[0]);
	return results[0]!;
}

const dir = (d: string) =>
	readdirSync(new URL(`../fixtures/${d}`, import.meta.url)).map((f) => `${d}/${f}`);

describe('fast and precise paths agree', () => {
	test.each([...dir('good'), ...dir('bad')])('on fixture %s', async (path) => {
		await expectSameAnswers(() => [fixture(path)]);
	});

	test('on several files for one table, checked against each other (duplicates across files)', async () => {
		const r = await expectSameAnswers(() =>
			[
				'good/meetings-semicolon.csv',
				'bad/meetings-duplicate-key.csv',
				'good/meetings-bom-crlf.csv',
				'good/outcomes-quoted.csv',
				'good/outcomes.parquet',
				'good/meetings.parquet'
			].map(fixture)
		);
		expect(r.tables.map((t) => t[0])).toEqual(['meetings', 'outcomes']);
	});

	test('when appending rows whose keys are already loaded', async () => {
		const r = await expectSameAnswers(() => [fixture('good/meetings-append.csv')], 'append');
		expect(r.errors).toBeGreaterThan(0);
	});

	test.each([1, 2, 3])('on generated files full of awkward cells (seed %i)', async (seed) => {
		const r = await expectSameAnswers(() => messyFiles({ seed, rows: 400 }));
		// The generator must reach the precise parse: aliases, bad numbers, other date spellings.
		expect(r.errors).toBeGreaterThan(50);
		expect(r.warnings).toBeGreaterThan(5);
		expect(r.tables.map((t) => (t[1] as number) > 0)).toEqual([true, true, true, true]);
	});

	test('on a generated clean file of 3000 outcomes', async () => {
		const lines = ['outcome_id,meeting_no,date,theme_id,title,type,status,lead_sector,sectors'];
		for (let i = 0; i < 3000; i++)
			lines.push(
				`G-${i},${1 + (i % 46)},2020-01-01,gender,Generated outcome ${i},action,planned,GS,GS;BR`
			);
		const bytes = new TextEncoder().encode(lines.join('\n'));
		const r = await expectSameAnswers(() => [{ name: 'outcomes-3000.csv', bytes: bytes.slice() }]);
		expect([r.errors, r.warnings, r.tables[0]![1]]).toEqual([0, 0, 3000]);
	});
});

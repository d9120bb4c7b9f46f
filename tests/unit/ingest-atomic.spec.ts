/**
 * A load changes the live tables in one step or not at all: a failing commit, a cancel, an abort
 * or an out-of-memory file leave the previous dataset exactly as it was. Append mode applies the
 * duplicate-key rule against the live rows. Real DuckDB-WASM engine throughout.
 */
import { beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { TABLE_NAMES } from '../../src/lib/contract/contract';
import { initDatasetSql } from '../../src/lib/db/queries/dataset';
import { problemReason } from '../../src/lib/db/queries/problems';
import { problemText } from '../../src/lib/ingest/problem-text';
import { queryRows } from '../../src/lib/db/rows';
import type { SqlConnection } from '../../src/lib/db/types';
import {
	commitBatch,
	discardBatch,
	prepareBatch,
	type InputFile,
	type LoadProgress
} from '../../src/lib/ingest/load';
import { fixture, sample } from '../helpers/files';
import { decodeParquetNode, openNodeEngine } from '../helpers/node-engine';

let conn: SqlConnection;
beforeAll(async () => {
	// Unlocked: one test below lowers the memory limit to provoke an out-of-memory failure.
	conn = await openNodeEngine({ locked: false });
	await conn.query(initDatasetSql());
});
beforeEach(async () => {
	const batch = await prepare(TABLE_NAMES.map(sample));
	await commitBatch(conn, batch, { source: 'sample' });
});

const prepare = (files: InputFile[], o: Partial<Parameters<typeof prepareBatch>[1]> = {}) =>
	prepareBatch(conn, { files, decodeParquet: decodeParquetNode, ...o });
const rows = <T = Record<string, unknown>>(sql: string) => queryRows<T>(conn, sql);

/** Every live row of every table, with the provenance record: what the analyst would see. */
async function snapshot() {
	const out: Record<string, unknown[]> = {};
	for (const t of TABLE_NAMES) out[t] = await rows(`SELECT * FROM ${t} ORDER BY ALL`);
	out._dataset = await rows(`SELECT table_name, source, files, "rows" FROM _dataset ORDER BY 1`);
	return out;
}

/** Tables a load leaves behind: staging, raw, checked and problem tables. */
const leftovers = () =>
	rows<{ name: string }>(
		`SELECT table_name AS name FROM duckdb_tables() WHERE regexp_matches(table_name, '^(stg|raw|chk|prob|fast|txt|cnt)_')`
	);

describe('atomic loads', () => {
	test('a commit that fails half way leaves every table exactly as it was', async () => {
		const before = await snapshot();
		const batch = await prepare(
			['good/meetings-semicolon.csv', 'good/themes-comma.csv'].map(fixture)
		);
		// Meetings would be swapped first; themes' staging table vanishing makes the second step fail.
		await conn.query(`DROP TABLE ${batch.tables.find((t) => t.table === 'themes')!.staging}`);
		await expect(commitBatch(conn, batch, { source: 'upload' })).rejects.toThrow();
		expect(await snapshot()).toEqual(before);
		expect(await leftovers()).toEqual([]);
		// The connection is usable afterwards: no transaction left open.
		const again = await prepare([fixture('good/meetings-semicolon.csv')]);
		await commitBatch(conn, again, { source: 'upload' });
		expect(await rows(`SELECT count(*)::INTEGER AS n FROM meetings`)).toEqual([{ n: 3 }]);
	});

	test('cancelling a prepared batch leaves the dataset as it was and no staging tables', async () => {
		const before = await snapshot();
		const batch = await prepare(
			['good/outcomes-tab.tsv', 'good/meetings-semicolon.csv', 'bad/meetings-ragged.csv'].map(
				fixture
			)
		);
		expect(batch.tables.length).toBeGreaterThan(0);
		await discardBatch(conn, batch);
		expect(await snapshot()).toEqual(before);
		expect(await leftovers()).toEqual([]);
	});

	test.each(['parsing', 'validating'] as const)(
		'aborting while %s stops the load, cleans up and changes nothing',
		async (stage) => {
			const before = await snapshot();
			const abort = new AbortController();
			const onProgress = (p: LoadProgress) => {
				if (p.stage === stage) abort.abort(new DOMException('Load cancelled', 'AbortError'));
			};
			await expect(
				prepare(['good/meetings-semicolon.csv', 'good/outcomes-tab.tsv'].map(fixture), {
					onProgress,
					signal: abort.signal
				})
			).rejects.toThrow('Load cancelled');
			expect(await snapshot()).toEqual(before);
			expect(await leftovers()).toEqual([]);
		}
	);

	test('a file too big for memory says so and the previous data stays', async () => {
		const before = await snapshot();
		const lines = ['outcome_id,meeting_no,date,theme_id,title,status,sectors'];
		for (let i = 0; i < 200_000; i++)
			lines.push(
				`X-${i},1,2020-01-01,gender,A title long enough to take some room ${i},planned,BR`
			);
		const big = { name: 'huge.csv', bytes: new TextEncoder().encode(lines.join('\n')) };
		const [{ limit } = { limit: '' }] = await rows<{ limit: string }>(
			`SELECT current_setting('memory_limit') AS limit`
		);
		await conn.query(`SET memory_limit = '8MB'`);
		try {
			const batch = await prepare([big]);
			expect(batch.files[0]!.errorCode).toEqual({ code: 'tooBig', params: {} });
			expect(batch.files[0]!.error).toBe(
				"huge.csv is too big to load in this browser tab's memory. Nothing was loaded; split the file or load it as Parquet."
			);
			expect(batch.tables).toEqual([]);
		} finally {
			// RESET does not give the buffer pool its memory back in this build: set it explicitly.
			await conn.query(`SET memory_limit = '${limit}'`);
		}
		expect(await snapshot()).toEqual(before);
		expect(await leftovers()).toEqual([]);
	});
});

describe('append mode', () => {
	test('new rows are added; a row whose key is already live is an error and not added', async () => {
		const batch = await prepare([fixture('good/meetings-append.csv')], { mode: 'append' });
		expect(problemText(batch.problems[0]!.reason, 'en')).toBe(
			'duplicate meeting_no: already in the loaded meetings'
		);
		expect(batch.problems).toEqual([
			{
				file: 'meetings-append.csv',
				row: 2,
				column: 'meeting_no',
				value: '46',
				reason: problemReason('duplicateLoaded', 'meeting_no', 'meetings'),
				severity: 'error'
			}
		]);
		await commitBatch(conn, batch, { source: 'upload' });
		const m = await rows(
			`SELECT count(*)::INTEGER AS n, max(meeting_no)::INTEGER AS last, (SELECT participants::INTEGER FROM meetings WHERE meeting_no = 46) AS p46 FROM meetings`
		);
		expect(m).toEqual([{ n: 48, last: 48, p46: 51 }]);
		expect(
			await rows(
				`SELECT source, files, "rows"::INTEGER AS r FROM _dataset WHERE table_name = 'meetings'`
			)
		).toEqual([{ source: 'upload', files: ['meetings.csv', 'meetings-append.csv'], r: 48 }]);
	});

	test('the same file in replace mode has no duplicate and replaces the table', async () => {
		const batch = await prepare([fixture('good/meetings-append.csv')]);
		expect(batch.errorCount).toBe(0);
		await commitBatch(conn, batch, { source: 'upload' });
		expect(await rows(`SELECT count(*)::INTEGER AS n FROM meetings`)).toEqual([{ n: 3 }]);
	});

	test('appended rows may bring extra columns; the live rows get empty cells there', async () => {
		const batch = await prepare([fixture('good/outcomes-tab.tsv')], { mode: 'append' });
		// Meetings 1-3 and themes accessibility/gender are live; theme `ai` is not.
		expect(batch.problems.map((p) => `${p.row} ${p.column} ${p.severity}`)).toEqual([
			'4 theme_id warning',
			'5 theme_id warning'
		]);
		await commitBatch(conn, batch, { source: 'upload' });
		expect(
			await rows(
				`SELECT count(*)::INTEGER AS n, count(priority)::INTEGER AS with_priority FROM outcomes`
			)
		).toEqual([{ n: 219 + 4, with_priority: 2 }]);
	});

	test('appending to a table with its referenced table in the same batch sees both', async () => {
		const batch = await prepare(
			['good/meetings-bom-crlf.csv', 'bad/outcomes-orphans.csv'].map(fixture),
			{ mode: 'append' }
		);
		// Meetings 11 and 12 are live already (errors); meeting 1 is live, 999 nowhere.
		expect(batch.problems.map((p) => `${p.file} ${p.row} ${p.column} ${p.severity}`)).toEqual([
			'meetings-bom-crlf.csv 2 meeting_no error',
			'meetings-bom-crlf.csv 3 meeting_no error',
			'outcomes-orphans.csv 3 meeting_no warning',
			'outcomes-orphans.csv 4 theme_id warning'
		]);
		await discardBatch(conn, batch);
	});
});

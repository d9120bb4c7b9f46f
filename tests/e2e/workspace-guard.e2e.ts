/**
 * The workspace guard's sweep, in the browser: every statement kind behind every character
 * DuckDB's parser reads as space and every comment placement, run through the editor (Ctrl+Enter)
 * of one workspace tab; afterwards the dashboard in that tab shows the same KPIs, the engine's
 * settings and catalogs are unchanged, and (harness) no request left the origin.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { SQL_SPACES } from '../../src/lib/workspace/tokenize';
import { CONFIRMED_KPI, kpis, useApp } from './harness';

const app = useApp();

/** What may come before a verb: each DuckDB space, comments, a comment between spaces. */
const PREFIXES = [
	'',
	...SQL_SPACES,
	'-- note\n',
	'-- note\r',
	'/* note */',
	'/* nested /* note */ */',
	'\u200b/**/\ufeff',
	'\u3000--\r\n\u2060'
];

/** Statements that would change the engine, its settings, files or the loaded data. */
const REFUSED = [
	"ATTACH ':memory:' AS evil",
	'USE temp',
	'DETACH memory',
	'DETACH DATABASE memory',
	"SET GLOBAL default_order = 'DESC'",
	'SET threads = 1',
	'RESET ALL',
	'PRAGMA disable_optimizer',
	"COPY meetings TO 'leak.csv'",
	"COPY meetings FROM 'leak.csv'",
	"EXPORT DATABASE 'dump'",
	"IMPORT DATABASE 'dump'",
	'LOAD json',
	'INSTALL json',
	'FORCE INSTALL json',
	'UPDATE EXTENSIONS',
	'CHECKPOINT',
	'VACUUM',
	'BEGIN TRANSACTION',
	'COMMIT',
	'ROLLBACK',
	'CALL pragma_version()',
	'PREPARE p AS SELECT 1',
	'EXECUTE p',
	'DEALLOCATE p',
	'DROP TABLE meetings',
	'DELETE FROM outcomes',
	"UPDATE themes SET name = 'x'",
	'INSERT INTO meetings SELECT * FROM meetings',
	'TRUNCATE attendance',
	'ALTER TABLE meetings RENAME TO m2',
	"COMMENT ON TABLE meetings IS 'x'",
	'MERGE INTO meetings USING meetings m ON true WHEN MATCHED THEN DELETE',
	'CREATE TABLE mine AS SELECT 1',
	'CREATE SCHEMA s',
	"CREATE SECRET s (TYPE s3, KEY_ID 'k', SECRET 's')",
	'CREATE OR REPLACE MACRO isc_norm(v) AS 1',
	'CREATE TEMP TABLE temp.meetings AS SELECT 1',
	'CREATE TEMP VIEW outcomes AS SELECT 1',
	'CREATE TABLE temp.main.themes AS SELECT 1',
	'WITH x AS (SELECT 1) DELETE FROM outcomes',
	'EXPLAIN ANALYZE DELETE FROM outcomes'
];

/** Reading statements and the analyst's own TEMP objects: these run. */
const ALLOWED = [
	'SELECT count(*) FROM meetings',
	'WITH m AS (FROM meetings) SELECT count(*) FROM m',
	'FROM themes',
	'VALUES (1)',
	'TABLE themes',
	'DESCRIBE outcomes',
	'SUMMARIZE themes',
	'SHOW TABLES',
	'EXPLAIN SELECT 1',
	'PIVOT outcomes ON status USING count(*)',
	'UNPIVOT (SELECT 1 AS a, 2 AS b) ON a, b INTO NAME k VALUE v',
	'CREATE OR REPLACE TEMP TABLE mine AS SELECT 1 AS x'
];

/**
 * Put each of `sqls` in the editor and run it with Ctrl+Enter, inside the page (one round trip
 * for the whole batch: the sweep has ~1,200 cases); the outcome kind of each, in order.
 */
async function runCases(page: Page, sqls: string[]): Promise<string[]> {
	return page.evaluate(async (sqls) => {
		type View = {
			state: { doc: { length: number } };
			dispatch(t: { changes: { from: number; to: number; insert: string } }): void;
		};
		const content = document.querySelector('.cm-content') as HTMLElement & {
			cmTile?: { root?: { view?: View } };
		};
		// CodeMirror's view from its DOM (what EditorView.findFromDOM reads).
		const view = content.cmTile?.root?.view;
		if (!view) throw new Error('no CodeMirror view on .cm-content');
		const main = document.querySelector('main[data-runs]')!;
		const runs = () => Number(main.getAttribute('data-runs'));
		const out: string[] = [];
		for (const sql of sqls) {
			const before = runs();
			view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: sql } });
			content.dispatchEvent(
				new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', ctrlKey: true, bubbles: true })
			);
			while (runs() === before) await new Promise((r) => setTimeout(r, 2));
			out.push(document.querySelector('[data-message]')?.getAttribute('data-message') ?? 'result');
		}
		return out;
	}, sqls);
}

/** Run one statement through the editor; its outcome kind. */
const runCase = async (page: Page, sql: string) => (await runCases(page, [sql]))[0]!;

describe('the workspace guard, swept in the browser', () => {
	test('no statement kind behind any space or comment changes what the dashboard shows', async () => {
		const page = await app.dashboard();
		const before = await kpis(page);
		await page.getByRole('link', { name: 'SQL workspace' }).click();
		await page.locator('[data-table="meetings"] [data-rows="46"]').waitFor({ timeout: 60_000 });
		await page.getByRole('textbox', { name: 'SQL query' }).click();

		const cases: [string, string][] = [];
		for (const prefix of PREFIXES) {
			for (const sql of REFUSED) cases.push([`${prefix}${sql}`, 'refused']);
			// Reading runs the engine (slower): every kind behind a few prefixes, one behind all.
			const few = ['', '\u200b', '-- note\r', '/* nested /* note */ */'].includes(prefix);
			for (const sql of few ? ALLOWED : ALLOWED.slice(0, 1))
				cases.push([`${prefix}${sql}`, 'result']);
		}
		const got = await runCases(
			page,
			cases.map(([sql]) => sql)
		);
		const wrong = cases
			.map(([sql, want], i) => (got[i] === want ? '' : `${JSON.stringify(sql)} → ${got[i]}`))
			.filter(Boolean);
		expect(wrong).toEqual([]);
		expect(got).toHaveLength(cases.length);

		// The engine's own lock holds where the guard lets a statement through: a DROP of the
		// app's macro passes the guard (not a table name) and the read-only transaction refuses it.
		expect(await runCase(page, 'DROP MACRO isc_norm')).toBe('error');
		// Reading from another origin is an error, never a request (the harness fails on any).
		for (const url of ['https://example.com/a.csv', 'http://example.com/a.parquet'])
			expect(await runCase(page, `SELECT * FROM '${url}'`)).toBe('error');
		expect(await runCase(page, `FROM read_text('https://example.com/')`)).toBe('error');
		const check = `SELECT (SELECT count(*) FROM meetings)::INTEGER AS meetings,
current_setting('default_order') AS ord, current_setting('threads')::INTEGER AS threads,
(SELECT string_agg(database_name, ',' ORDER BY database_name) FROM duckdb_databases()) AS dbs,
current_database() AS db`;
		expect(await runCase(page, check)).toBe('result');
		const cells = await page.locator('[role="row"][data-row="0"] [role="cell"]').allTextContents();
		expect(cells.slice(1, 2).concat(cells.slice(2, 3), cells.slice(4))).toEqual([
			'46',
			'ASCENDING',
			'memory,system,temp',
			'memory'
		]);

		await page.getByRole('link', { name: 'Dashboard' }).click();
		await page.locator(CONFIRMED_KPI).waitFor();
		await expect.poll(() => kpis(page), { timeout: 30_000 }).toEqual(before);
	}, 600_000);
});

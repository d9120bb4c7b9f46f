import { readFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { CONFIRMED_KPI, kpi, repoPath, seriousA11yViolations, useApp } from './harness';

const app = useApp();

/** A fresh profile on /workspace, once the schema browser lists the loaded tables. */
async function openWorkspace(): Promise<Page> {
	const page = await (await app.profile()).newPage();
	await page.goto(`${app.origin}/workspace`);
	await page.locator('[data-table="outcomes"] [data-rows]:not([data-rows=""])').waitFor({
		timeout: 60_000
	});
	return page;
}

/** Replace the editor's text, as typing would (CodeMirror is a contenteditable). */
async function setSql(page: Page, sql: string): Promise<void> {
	const editor = page.getByRole('textbox', { name: 'SQL query' });
	await editor.click();
	await page.keyboard.press('ControlOrMeta+a');
	await page.keyboard.press('Delete');
	await page.keyboard.insertText(sql);
}

/** Run the editor's text and wait for its outcome (the page counts finished runs). */
async function run(page: Page, how: 'button' | 'keys' = 'button'): Promise<void> {
	const runs = Number(await page.locator('main[data-runs]').getAttribute('data-runs'));
	if (how === 'keys') await page.keyboard.press('ControlOrMeta+Enter');
	else await page.getByRole('button', { name: 'Run', exact: true }).click();
	await page.locator(`main[data-runs="${runs + 1}"]`).waitFor({ timeout: 60_000 });
}

const rowCount = async (page: Page) =>
	Number(await page.locator('.summary[data-rows]').getAttribute('data-rows'));

/** Native DuckDB over a file: an oracle independent of the app. */
async function nativeRows(sql: string): Promise<unknown[][]> {
	const db = await DuckDBInstance.create(':memory:');
	const c = await db.connect();
	const rows = (await (await c.runAndReadAll(sql)).getRowsJS()) as unknown[][];
	c.closeSync();
	db.closeSync();
	return rows;
}

describe('the SQL workspace', () => {
	test('shows the loaded tables with their row counts and columns', async () => {
		const page = await openWorkspace();
		const rows = (t: string) =>
			page.locator(`[data-table="${t}"] [data-rows]`).getAttribute('data-rows');
		expect(await Promise.all(['meetings', 'themes', 'outcomes', 'attendance'].map(rows))).toEqual([
			'46',
			'13',
			'219',
			'184'
		]);
		await expect(page.locator('[data-table="_dataset"]').count()).resolves.toBe(0);
		await page.locator('[data-table="outcomes"] summary').click();
		await expect(
			page.getByRole('list', { name: 'Columns of outcomes' }).textContent()
		).resolves.toContain('VARCHAR[]');
		await expect(
			page.getByRole('link', { name: 'SQL workspace' }).getAttribute('aria-current')
		).resolves.toBe('page');
	});

	test('a starter query fills the grid; CSV and Parquet exports hold the same rows', async () => {
		const page = await openWorkspace();
		await page.getByRole('button', { name: 'Outcomes per sector per year' }).click();
		await run(page);
		const expected = await nativeRows(`SELECT year(date::DATE) AS year, s AS sector, count(*) AS n
FROM (SELECT date, unnest(string_split(sectors, ';')) AS s FROM read_csv('${repoPath('data/outcomes.csv')}', all_varchar = true))
GROUP BY ALL ORDER BY year, sector`);
		expect(await rowCount(page)).toBe(expected.length);
		await expect(
			page
				.getByRole('status')
				.filter({ hasText: /rows · [\d.,]+ ms/ })
				.count()
		).resolves.toBe(1);
		const firstRow = page.locator('[role="row"][data-row="0"] [role="cell"]');
		expect(await firstRow.allTextContents()).toEqual(['1', ...expected[0]!.map(String)]);

		const [csvDownload] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: 'Export CSV' }).click()
		]);
		const csv = readFileSync((await csvDownload.path())!, 'utf8');
		expect(csvDownload.suggestedFilename()).toBe('intersect-query.csv');
		expect(csv.startsWith('\uFEFFyear,sector,outcomes\r\n')).toBe(true);
		const lines = csv.slice(1).trimEnd().split('\r\n').slice(1);
		expect(lines).toEqual(expected.map((r) => r.map(String).join(',')));

		const [pqDownload] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: 'Export Parquet' }).click()
		]);
		expect(pqDownload.suggestedFilename()).toBe('intersect-query.parquet');
		const back = await nativeRows(
			`SELECT year, sector, outcomes FROM read_parquet('${await pqDownload.path()}') ORDER BY year, sector`
		);
		expect(back.map((r) => r.map(String))).toEqual(expected.map((r) => r.map(String)));
	});

	test('the editor completes table and column names of the loaded data', async () => {
		const page = await openWorkspace();
		await setSql(page, 'SELECT * FROM outc');
		await page.keyboard.press('Control+Space');
		const options = page.getByRole('listbox').getByRole('option');
		await expect(options.first().textContent()).resolves.toBe('outcomes');
		await page.keyboard.press('Enter');
		await page.keyboard.insertText(' WHERE outcomes.sta');
		await page.keyboard.press('Control+Space');
		await expect.poll(() => options.allTextContents()).toContain('status');
	});

	test('a query run the moment /workspace opens in a fresh profile waits and answers 46', async () => {
		const page = await (await app.profile()).newPage();
		await page.goto(`${app.origin}/workspace`);
		await setSql(page, 'SELECT count(*) AS n FROM meetings');
		// Asked while the engine is still starting: Run is disabled, Ctrl+Enter must wait too.
		await expect(page.getByText('Starting the in-browser database…').isVisible()).resolves.toBe(
			true
		);
		await run(page, 'keys');
		const cells = page.locator('[role="row"][data-row="0"] [role="cell"]');
		expect(await cells.allTextContents()).toEqual(['1', '46']);
	});

	test('Ctrl+Enter runs; a syntax error shows DuckDB’s own message', async () => {
		const page = await openWorkspace();
		await setSql(page, 'SELECT * FROM outcomes WHERE');
		await run(page, 'keys');
		await expect(page.getByRole('alert').textContent()).resolves.toContain(
			'Parser Error: syntax error at end of input'
		);
	});

	test('a DROP of a live table is refused and the dashboard still shows its numbers', async () => {
		const page = await app.dashboard();
		const meetings = await kpi(page, 'meetings');
		expect(meetings).toBe(46);
		await page.getByRole('link', { name: 'SQL workspace' }).click();
		await page.locator('[data-table="meetings"] [data-rows="46"]').waitFor({ timeout: 60_000 });
		await setSql(page, '-- tidy up\nDROP TABLE meetings;');
		await run(page);
		await expect(page.getByRole('alert').textContent()).resolves.toMatch(
			/DROP TABLE is refused: it would change the dashboard’s table "meetings"/
		);
		await setSql(page, 'DELETE FROM main."outcomes"');
		await run(page);
		await expect(page.getByRole('alert').textContent()).resolves.toContain('DELETE is refused');
		await page.getByRole('link', { name: 'Dashboard' }).click();
		await page.locator(CONFIRMED_KPI).waitFor();
		await expect.poll(() => kpi(page, 'meetings')).toBe(meetings);
		expect(await kpi(page, 'outcomes')).toBe(219);
	});

	test('TEMP tables of the analyst’s own work and appear in the schema browser', async () => {
		const page = await openWorkspace();
		await setSql(
			page,
			`CREATE TEMP TABLE recent AS FROM outcomes WHERE status = 'completed';\nFROM recent;`
		);
		await run(page);
		const n = await rowCount(page);
		expect(n).toBeGreaterThan(0);
		await expect(
			page.locator('[data-table="recent"] [data-rows]').getAttribute('data-rows')
		).resolves.toBe(String(n));
	});

	test('100,000 rows: the grid renders only the rows in view and scrolls to the last', async () => {
		const page = await openWorkspace();
		await setSql(page, 'SELECT range AS n, range * 2 AS twice FROM range(100000)');
		await run(page);
		expect(await rowCount(page)).toBe(100000);
		await expect(
			page.getByRole('status').filter({ hasText: '100,000 rows' }).count()
		).resolves.toBe(1);
		const rendered = await page.locator('[role="row"][data-row]').count();
		expect(rendered).toBeGreaterThan(5);
		expect(rendered).toBeLessThan(60);
		await page.getByRole('table', { name: 'Query results' }).evaluate((el) => {
			el.scrollTop = el.scrollHeight;
		});
		const last = page.locator('[role="row"][data-row="99999"] [role="cell"]');
		await last.first().waitFor();
		expect(await last.allTextContents()).toEqual(['100000', '99999', '199998']);
		expect(await page.locator('[role="row"][data-row]').count()).toBeLessThan(60);
	});

	test('a long query can be cancelled, and the workspace keeps working', async () => {
		const page = await openWorkspace();
		await setSql(page, 'SELECT sum(a.range * b.range) FROM range(200000) a, range(200000) b');
		await page.getByRole('button', { name: 'Run', exact: true }).click();
		const cancel = page.getByRole('button', { name: 'Cancel' });
		await expect.poll(() => cancel.isEnabled()).toBe(true);
		await cancel.click();
		await page.locator('[data-message="cancelled"]').waitFor({ timeout: 30_000 });
		await setSql(page, 'SELECT 42 AS answer');
		await run(page);
		expect(await rowCount(page)).toBe(1);
	});

	test('Chart this draws one bar per year of the starter query', async () => {
		const page = await openWorkspace();
		await page.getByRole('button', { name: 'Outcomes per sector per year' }).click();
		await run(page);
		await page.getByRole('button', { name: 'Chart this' }).click();
		const chart = page.getByRole('region', { name: 'Chart this' });
		await chart.getByLabel('X').selectOption('year');
		await chart.getByLabel('Y (summed)').selectOption('outcomes');
		const years = await nativeRows(
			`SELECT count(DISTINCT year(date::DATE)) FROM read_csv('${repoPath('data/outcomes.csv')}', all_varchar = true)`
		);
		await expect(chart.locator('svg [data-mark]').count()).resolves.toBe(Number(years[0]![0]));
		await chart.getByLabel('Line').check();
		await expect(chart.locator('svg path.line').count()).resolves.toBe(1);
	});

	test('saved queries and history survive a reload; a full storage is reported', async () => {
		const page = await openWorkspace();
		await setSql(page, 'SELECT 7 AS lucky');
		await run(page);
		await page.getByLabel('Name').fill('Lucky number');
		await page.getByRole('button', { name: 'Save query' }).click();
		await page.reload();
		await page
			.getByRole('button', { name: 'Lucky number', exact: true })
			.waitFor({ timeout: 60_000 });
		await expect(
			page
				.getByRole('region', { name: 'History' })
				.getByRole('button', { name: 'SELECT 7 AS lucky' })
				.count()
		).resolves.toBe(1);
		// Fill this origin's storage to its quota, then save again: the failure must be visible.
		await page.evaluate(() => {
			const chunk = 'x'.repeat(1 << 20);
			for (let i = 0; i < 64; i++) {
				try {
					localStorage.setItem(`filler-${i}`, chunk);
				} catch {
					let size = chunk.length;
					while (size > 16) {
						size >>= 1;
						try {
							localStorage.setItem(`filler-${i}-${size}`, chunk.slice(0, size));
						} catch {
							/* smaller next time */
						}
					}
					return;
				}
			}
		});
		await page.getByLabel('Name').fill('Another one with a long name');
		await page.getByRole('button', { name: 'Save query' }).click();
		await expect(page.getByRole('alert').textContent()).resolves.toMatch(
			/storage for the app is full/
		);
	});

	test('meets accessibility basics: no serious or critical axe violation', async () => {
		const page = await openWorkspace();
		await page.getByRole('button', { name: 'Outcomes per sector per year' }).click();
		await run(page);
		expect(await seriousA11yViolations(page)).toEqual([]);
	});
});

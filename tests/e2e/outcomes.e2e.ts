/**
 * The outcome list under the charts in real Chromium: it follows chart selections, sorts,
 * scrolls through every row without putting them all in the page, downloads as CSV and hands
 * its query to the SQL workspace.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { referenceCount } from '../helpers/reference';
import { kpi, repoPath, seriousA11yViolations, useApp } from './harness';

const app = useApp();
const OUTCOMES = repoPath('data/outcomes.csv');

const section = (page: Page) => page.getByRole('region', { name: /^Outcomes \(\d+\)$/ });
const listed = async (page: Page) => Number(await section(page).getAttribute('data-count'));
/** The text of one column of the rows now in the page. */
const column = (page: Page, n: number) =>
	section(page)
		.locator(`tbody tr[data-outcome] td:nth-child(${n})`)
		.evaluateAll((tds) => tds.map((td) => td.textContent?.trim() ?? ''));

describe('the outcome list', () => {
	test("clicking a theme lists exactly that theme's outcomes, as many as the KPI counts", async () => {
		const page = await app.dashboard();
		const all = await kpi(page, 'outcomes');
		await expect.poll(() => listed(page)).toBe(all);
		const panel = page.locator('figure[data-chart="theme-trends"] svg [data-mark]').nth(2);
		await panel.click();
		await expect.poll(() => new URL(page.url()).searchParams.get('theme')).not.toBeNull();
		const theme = new URL(page.url()).searchParams.get('theme')!;
		const expected = await referenceCount(OUTCOMES, `theme_id = '${theme.replace(/'/g, "''")}'`);
		await expect.poll(() => kpi(page, 'outcomes')).toBe(expected);
		await expect.poll(() => listed(page)).toBe(expected);
		expect(await section(page).getByRole('heading').textContent()).toBe(`Outcomes (${expected})`);
		const themes = await column(page, 2);
		expect(themes.length).toBe(Math.min(expected, themes.length));
		expect(new Set(themes).size).toBe(1);

		// The CSV holds the same outcomes, every one of that theme.
		const [file] = await Promise.all([
			page.waitForEvent('download'),
			section(page).getByRole('button', { name: 'Download CSV' }).click()
		]);
		const lines = readFileSync((await file.path())!, 'utf8')
			.trim()
			.split('\r\n');
		expect(lines.length - 1).toBe(expected);
		expect(lines.slice(1).every((l) => l.split(',')[2] === theme)).toBe(true);
	});

	test('sorts by a header and scrolls through every outcome with only a window of rows in the page', async () => {
		const page = await app.dashboard();
		const total = await kpi(page, 'outcomes');
		await expect.poll(() => listed(page)).toBe(total);
		const inPage = await section(page).locator('tbody tr[data-outcome]').count();
		expect(inPage).toBeLessThan(total);

		const title = section(page).getByRole('columnheader', { name: 'Title' });
		const before = (await column(page, 1))[0];
		await title.getByRole('button').click();
		await expect.poll(() => title.getAttribute('aria-sort')).toBe('ascending');
		await expect.poll(async () => (await column(page, 1))[0]).not.toBe(before);
		const titles = await column(page, 1);
		expect(titles.slice(0, 5)).toEqual([...titles.slice(0, 5)].sort((a, b) => a.localeCompare(b)));

		const scroller = section(page).getByRole('region', {
			name: 'Outcomes under the current filters'
		});
		await scroller.evaluate((el) => (el.scrollTop = el.scrollHeight));
		const last = section(page).locator(`tbody tr[aria-rowindex="${total + 1}"]`);
		await expect.poll(() => last.getAttribute('data-outcome'), { timeout: 30_000 }).toMatch(/\S/);
		expect(await seriousA11yViolations(page)).toEqual([]);
	});

	test('"Open this view in SQL" writes the filtered query into the workspace, where it gives the same rows', async () => {
		const page = await app.dashboard('/?status=completed&sector=BDT');
		await expect.poll(() => listed(page)).toBe(await kpi(page, 'outcomes'));
		const n = await listed(page);
		await section(page).getByRole('button', { name: 'Open this view in SQL' }).click();
		await page.waitForURL(/\/workspace\?/);
		const editor = page.getByRole('textbox', { name: 'SQL query' });
		await expect.poll(() => editor.textContent()).toContain("o.status = 'completed'");
		await page
			.locator('[data-table="outcomes"] [data-rows]:not([data-rows=""])')
			.waitFor({ timeout: 60_000 });
		await page.getByRole('button', { name: 'Run', exact: true }).click();
		const summary = page.locator('.summary[data-rows]');
		await expect.poll(() => summary.getAttribute('data-rows'), { timeout: 30_000 }).toBe(String(n));
	});
});

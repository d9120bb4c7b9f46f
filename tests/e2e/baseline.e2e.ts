/**
 * "Change since baseline" (docs/metrics.md): a baseline set near the KPI tiles shows each count's
 * change since that date, equal to what the sample's CSV files say was dated after it; the URL
 * carries it through a reload, Clear removes it, and a date outside the data says so.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { CONFIRMED_KPI, kpis, repoPath, useApp } from './harness';

const app = useApp();
const SINCE = '2019-06-30';

/** Dates (third column of meetings.csv is the second; of outcomes.csv the third) after `since`. */
function datedAfter(file: string, column: number, since: string): number {
	const lines = readFileSync(repoPath(`data/${file}`), 'utf8')
		.trim()
		.split('\n')
		.slice(1);
	return lines.map((l) => l.split(',')[column]!).filter((d) => d > since).length;
}

/** The baseline line of a tile (empty when there is none). */
const sinceText = (page: Page, id: string) =>
	page.locator(`[data-kpi="${id}"] [data-since]`).allTextContents();

describe('change since baseline', () => {
	test('a baseline shows +N since its date, N counted from the CSV; the URL keeps it; Clear removes it', async () => {
		const page = await app.dashboard('/');
		const before = await kpis(page);
		expect(await page.locator('[data-since]').count()).toBe(0);

		await page.getByText('Compare with a baseline…').click();
		await page.getByLabel('Baseline date').fill(SINCE);
		await page.getByLabel('Label (optional)').fill('Council 2019');
		await page.getByRole('button', { name: 'Set baseline' }).click();
		await page.waitForURL(/since=2019-06-30&sincelabel=Council\+2019/);
		await page.locator(CONFIRMED_KPI).waitFor({ timeout: 60_000 });

		const meetings = datedAfter('meetings.csv', 1, SINCE);
		const outcomes = datedAfter('outcomes.csv', 2, SINCE);
		expect(meetings).toBeGreaterThan(0);
		expect(await sinceText(page, 'meetings')).toEqual([
			`+${meetings} since 30 Jun 2019 (Council 2019)`
		]);
		expect(await sinceText(page, 'outcomes')).toEqual([
			`+${outcomes} since 30 Jun 2019 (Council 2019)`
		]);
		// Rates change in percentage points; the tiles' own values are unchanged.
		expect((await sinceText(page, 'completion-rate'))[0]).toMatch(/(pp|no change) since/);
		expect(await kpis(page)).toEqual(before);

		await page.reload();
		await page.locator(CONFIRMED_KPI).waitFor({ timeout: 60_000 });
		expect(page.url()).toContain('since=2019-06-30');
		expect(await sinceText(page, 'meetings')).toEqual([
			`+${meetings} since 30 Jun 2019 (Council 2019)`
		]);

		await page.getByRole('button', { name: 'Clear baseline' }).click();
		await page.waitForURL((u) => !u.search.includes('since='));
		await page.locator(CONFIRMED_KPI).waitFor({ timeout: 60_000 });
		expect(await page.locator('[data-since]').count()).toBe(0);
	});

	test('a baseline before the data starts says so instead of a number; a bad date is ignored', async () => {
		const page = await app.dashboard('/?since=2010-01-01');
		const tile = page.locator('[data-kpi="meetings"]');
		expect(await tile.locator('[data-since-outside="before"]').textContent()).toBe(
			'no change since baseline: data from 4 Mar 2015'
		);
		expect(await tile.locator('[data-since]').count()).toBe(0);
		await page.goto(`${app.origin}/?since=2019-02-30`);
		await page.locator(CONFIRMED_KPI).waitFor({ timeout: 60_000 });
		expect(await page.locator('[data-since], [data-since-outside]').count()).toBe(0);
		expect(page.url()).not.toContain('since=');
	});
});

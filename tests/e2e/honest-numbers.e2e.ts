/**
 * Numbers that say what they honour (docs/metrics.md): a KPI change against a period the data
 * only partly covers is not shown, tiles and charts name the filters they ignore, and the
 * completion rate ignores the status filter.
 */
import { describe, expect, test } from 'vitest';
import { kpi, useApp } from './harness';

const app = useApp();

describe('honest numbers', () => {
	test('2016–2018 is not compared with 2013–2015 when the data starts in March 2015', async () => {
		const page = await app.dashboard('/?from=2016-01-01&to=2018-12-31');
		const tile = page.locator('[data-kpi="outcomes"]');
		await tile.locator('[data-partial]').waitFor();
		expect(await tile.textContent()).toContain('no comparison: data from 4 Mar 2015');
		expect(await tile.locator('[data-previous]').count()).toBe(0);
		// A fully covered previous period still shows its change.
		await page.goto(`${app.origin}/?from=2019-01-01&to=2021-12-31`);
		await tile.locator('[data-previous]').waitFor({ timeout: 60_000 });
	});

	test('a sector filter is named as not applied on the meetings tile and chart, and only there', async () => {
		const page = await app.dashboard('/?sector=BDT');
		const note = 'not filtered by sector';
		await expect.poll(() => page.locator('[data-kpi="meetings"]').textContent()).toContain(note);
		expect(await page.locator('[data-kpi="outcomes"]').textContent()).not.toContain(note);
		const meetings = page.locator('figure[data-chart="meetings-per-year"]');
		expect(await meetings.textContent()).toContain(note);
		const heatmap = page.locator('figure[data-chart="theme-sector-heatmap"]');
		expect(await heatmap.textContent()).not.toContain(note);
	});

	test('the completion rate ignores a status filter instead of reading 100 %', async () => {
		const page = await app.dashboard('/');
		const rate = await kpi(page, 'completion-rate');
		const all = await kpi(page, 'outcomes');
		await page.goto(`${app.origin}/?status=completed`);
		await expect.poll(() => kpi(page, 'outcomes'), { timeout: 60_000 }).toBeLessThan(all);
		expect(await kpi(page, 'completion-rate')).toBeCloseTo(rate);
		expect(await page.locator('[data-kpi="completion-rate"]').textContent()).toContain(
			'not filtered by status'
		);
	});
});

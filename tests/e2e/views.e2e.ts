import { describe, expect, test } from 'vitest';
import { CHART_IDS } from '../../src/lib/charts';
import type { Page } from 'playwright-core';
import { referenceCount } from '../helpers/reference';
import { fixturePath, kpi, repoPath, useApp, waitForLoaded } from './harness';

const app = useApp();
const fresh = (path = '/') => app.dashboard(path);

const OUTCOMES = repoPath('data/outcomes.csv');
/** Every chart of the registry, in dashboard order. */
const CHARTS = CHART_IDS;

/** The numbers in a chart's "Show data" table, as text rows. */
async function dataTable(page: Page, chart: string): Promise<string[][]> {
	const fig = page.locator(`figure[data-chart="${chart}"]`);
	const toggle = fig.getByRole('button', { name: /Show data|Hide data/ });
	if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
	return fig
		.locator('tbody tr')
		.evaluateAll((rows) =>
			rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? ''))
		);
}

describe('management views', () => {
	test('all six charts render on the sample data, each data table matching its marks', async () => {
		const page = await fresh();
		for (const id of CHARTS) {
			const rows = await dataTable(page, id);
			expect(rows.length, id).toBeGreaterThan(0);
			const marks = await page.locator(`figure[data-chart="${id}"] svg [data-mark]`).count();
			expect(marks, `${id}: marks = table rows`).toBe(rows.length);
		}
	});

	test('choosing a sector filters every KPI and chart, with numbers matching SQL on the data', async () => {
		const page = await fresh();
		const before = await dataTable(page, 'sector-collaboration');
		await page.getByLabel('Sector', { exact: true }).selectOption('BDT');
		const expected = await referenceCount(
			OUTCOMES,
			`list_contains(string_split(sectors, ';'), 'BDT')`
		);
		await expect.poll(() => kpi(page, 'outcomes')).toBe(expected);
		expect(new URL(page.url()).searchParams.get('sector')).toBe('BDT');
		// The heatmap's other sector columns now count only outcomes that also involve BDT.
		const heat = await dataTable(page, 'theme-sector-heatmap');
		const bdtTotal = heat.filter((r) => r[1] === 'BDT').reduce((n, r) => n + Number(r[2]), 0);
		expect(bdtTotal).toBe(expected);
		expect(await dataTable(page, 'sector-collaboration')).not.toEqual(before);
		const attendance = await dataTable(page, 'attendance-by-sector');
		expect(new Set(attendance.map((r) => r[1]))).toEqual(new Set(['BDT']));
	});

	test('clicking a heatmap cell filters by its theme and sector; the chip removes it again', async () => {
		const page = await fresh();
		const cell = page.locator('figure[data-chart="theme-sector-heatmap"] svg [data-mark]').first();
		await cell.click();
		await expect.poll(() => new URL(page.url()).searchParams.get('theme')).not.toBeNull();
		const url = new URL(page.url());
		const [theme, sector] = [url.searchParams.get('theme')!, url.searchParams.get('sector')!];
		const expected = await referenceCount(
			OUTCOMES,
			`theme_id = '${theme.replace(/'/g, "''")}' AND list_contains(string_split(sectors, ';'), '${sector}')`
		);
		await expect.poll(() => kpi(page, 'outcomes')).toBe(expected);
		await page.getByRole('button', { name: /Remove filter Theme/ }).click();
		await expect.poll(() => new URL(page.url()).searchParams.get('theme')).toBeNull();
	});

	test('the URL restores the exact view on reload, and back/forward step through filter changes', async () => {
		const page = await fresh('/?period=3y&status=completed');
		const filtered = await kpi(page, 'outcomes');
		expect(await page.getByLabel('Period', { exact: true }).inputValue()).toBe('3y');
		await page.reload();
		await page.locator('#dashboard[data-provisional="false"] [data-kpi="outcomes"]').waitFor();
		await expect.poll(() => kpi(page, 'outcomes')).toBe(filtered);
		await page.getByLabel('Sector', { exact: true }).selectOption('GS');
		await expect.poll(() => new URL(page.url()).searchParams.get('sector')).toBe('GS');
		// The engine's answer for that view is shown (not the previous view's figures).
		await page.locator('#dashboard[data-provisional="false"][data-view*="sector=GS"]').waitFor();
		const withSector = await kpi(page, 'outcomes');
		await page.goBack();
		await expect.poll(() => kpi(page, 'outcomes')).toBe(filtered);
		await page.goForward();
		await expect.poll(() => kpi(page, 'outcomes')).toBe(withSector);
	});

	test('a period shows each KPI change against the previous period of equal length', async () => {
		const page = await fresh('/?from=2021-01-01&to=2021-12-31');
		const now = await referenceCount(OUTCOMES, `date >= '2021-01-01' AND date <= '2021-12-31'`);
		const before = await referenceCount(OUTCOMES, `date >= '2020-01-01' AND date <= '2020-12-31'`);
		await expect.poll(() => kpi(page, 'outcomes')).toBe(now);
		const change = page.locator('[data-kpi="outcomes"] .change');
		await expect(change.getAttribute('data-previous')).resolves.toBe(String(before));
		await expect(change.textContent()).resolves.toContain(String(Math.abs(now - before)));
	});

	test('filters that match nothing say so and offer to clear them', async () => {
		const page = await fresh('/?from=1990-01-01&to=1990-12-31');
		await page.getByRole('status').filter({ hasText: 'No rows match' }).waitFor();
		await page.getByRole('button', { name: 'Clear all filters' }).first().click();
		await expect.poll(() => kpi(page, 'meetings')).toBe(46);
	});
});

/** Pairs of visible <text> in a chart whose boxes overlap by more than a sliver. */
function overlappingTexts(page: Page, chart: string): Promise<string[]> {
	return page.locator(`figure[data-chart="${chart}"] svg`).evaluate((svg) => {
		const boxes = [...svg.querySelectorAll('text')]
			.filter((t) => (t.textContent ?? '').trim() !== '' && t.getClientRects().length > 0)
			.map((t) => ({ text: t.textContent!.trim(), r: t.getBoundingClientRect() }));
		const out: string[] = [];
		for (let i = 0; i < boxes.length; i++)
			for (let j = i + 1; j < boxes.length; j++) {
				const [a, b] = [boxes[i]!.r, boxes[j]!.r];
				const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
				const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
				if (w > 2 && h > 2) out.push(`${boxes[i]!.text} / ${boxes[j]!.text}`);
			}
		return out;
	});
}

describe('an uploaded dataset with more themes and years than the sample', () => {
	for (const width of [1280, 360]) {
		test(`16 themes with long names over 17 years draw legibly at ${width} px`, async () => {
			const page = await app.dashboard('/', { viewport: { width, height: 900 } });
			await page
				.getByLabel(/Upload/)
				.setInputFiles([
					fixturePath('good/themes-wide.csv'),
					fixturePath('good/outcomes-wide.csv')
				]);
			await waitForLoaded(page);
			await expect.poll(() => kpi(page, 'themes')).toBe(16);
			expect(await kpi(page, 'outcomes')).toBe(138);
			for (const id of CHARTS) {
				const rows = await dataTable(page, id);
				const marks = await page.locator(`figure[data-chart="${id}"] svg [data-mark]`).count();
				expect(marks, `${id}: marks = table rows`).toBe(rows.length);
			}
			expect((await dataTable(page, 'theme-sector-heatmap')).length).toBe(16 * 4);
			expect((await dataTable(page, 'theme-trends')).length).toBe(16);
			const years = (await dataTable(page, 'outcome-status-trend')).map((r) => r[0]);
			expect(new Set(years).size).toBe(17);
			for (const id of ['theme-sector-heatmap', 'outcome-status-trend', 'theme-trends'])
				expect(await overlappingTexts(page, id), id).toEqual([]);
		});
	}
});

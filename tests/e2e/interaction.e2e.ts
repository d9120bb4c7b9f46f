import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { referenceCount } from '../helpers/reference';
import {
	CONFIRMED_KPI,
	fixturePath,
	kpi,
	repoPath,
	seriousA11yViolations,
	useApp,
	waitForLoaded,
	waitForPaint
} from './harness';

const app = useApp();
const OUTCOMES = repoPath('data/outcomes.csv');

const marks = (page: Page, id: string) =>
	page.locator(`figure[data-chart="${id}"] svg [data-mark]`);
const tooltip = (page: Page, id: string) =>
	page.locator(`figure[data-chart="${id}"] [data-tooltip]`);
const param = (page: Page, key: string) => new URL(page.url()).searchParams.getAll(key);

/** Wait until the figures are the engine's for the address now shown. */
async function settled(page: Page): Promise<void> {
	await page.locator(CONFIRMED_KPI).waitFor();
}

/** The "Show data" table of a chart, as cell texts. */
async function dataTable(page: Page, id: string): Promise<string[][]> {
	const fig = page.locator(`figure[data-chart="${id}"]`);
	const show = fig.getByRole('button', { name: 'Show data' });
	if (await show.count()) await show.click();
	return fig
		.locator('tbody tr')
		.evaluateAll((rows) =>
			rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? ''))
		);
}

describe('cross-highlight: the clicked chart keeps its marks, the others filter', () => {
	test('a bar in Meetings per year keeps every year there and filters the outcome charts', async () => {
		const page = await app.dashboard();
		const years = await marks(page, 'meetings-per-year').count();
		const statusBars = await marks(page, 'outcome-status-trend').count();
		const allOutcomes = await kpi(page, 'outcomes');
		const bar = marks(page, 'meetings-per-year').nth(3);
		await bar.click();
		await expect.poll(() => param(page, 'by')).toEqual(['period.meetings-per-year']);
		await settled(page);
		const [from, to] = [param(page, 'from')[0]!, param(page, 'to')[0]!];
		expect(await marks(page, 'meetings-per-year').count()).toBe(years);
		expect(
			await page.locator('figure[data-chart="meetings-per-year"] [data-selected]').count()
		).toBeGreaterThan(0);
		// Hovering another bar shows its exact numbers in the tooltip: its accessible name.
		const other = marks(page, 'meetings-per-year').nth(0);
		await other.hover();
		const label = await other.getAttribute('aria-label');
		await expect.poll(() => tooltip(page, 'meetings-per-year').textContent()).toBe(label);
		// The status chart follows the period: only that year's bars are left.
		expect(await marks(page, 'outcome-status-trend').count()).toBeLessThan(statusBars);
		const expected = await referenceCount(
			OUTCOMES,
			`CAST(date AS DATE) BETWEEN DATE '${from}' AND DATE '${to}'`
		);
		expect(await kpi(page, 'outcomes')).toBe(expected);
		expect(expected).toBeLessThan(allOutcomes);
	});

	test('a heatmap cell keeps all its cells, outlines the one chosen, and filters Theme trends', async () => {
		const page = await app.dashboard();
		const cells = await marks(page, 'theme-sector-heatmap').count();
		expect(cells).toBe(13 * 4);
		const panels = await marks(page, 'theme-trends').count();
		await marks(page, 'theme-sector-heatmap').nth(5).click();
		await expect.poll(() => param(page, 'by').length).toBe(2);
		await settled(page);
		expect(await marks(page, 'theme-sector-heatmap').count()).toBe(cells);
		const selected = page.locator('figure[data-chart="theme-sector-heatmap"] [data-selected]');
		expect(await selected.count()).toBe(1);
		expect(await marks(page, 'theme-trends').count()).toBeLessThan(panels);
		expect(await marks(page, 'theme-trends').count()).toBe(1);
		const [theme, sector] = [param(page, 'theme')[0]!, param(page, 'sector')[0]!];
		const expected = await referenceCount(
			OUTCOMES,
			`theme_id = '${theme.replace(/'/g, "''")}' AND list_contains(string_split(sectors, ';'), '${sector}')`
		);
		expect(await kpi(page, 'outcomes')).toBe(expected);
		expect(await seriousA11yViolations(page)).toEqual([]);
	});
});

describe('tooltips and the keyboard', () => {
	test('the skip link is the first Tab stop, and each chart is one Tab stop', async () => {
		const page = await app.dashboard();
		await page.keyboard.press('Tab');
		await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe(
			'Skip to dashboard'
		);
		// Walk the whole Tab order (from the skip link back round to it, or off the page).
		const inSvg: boolean[] = [];
		for (let i = 0; i < 400; i++) {
			const at = await page.evaluate(() => {
				const e = document.activeElement;
				if (!e || e === document.body) return null;
				if (e.hasAttribute('data-seen')) return 'seen';
				e.setAttribute('data-seen', '');
				return e.closest('svg') ? 'svg' : 'html';
			});
			if (at === null || at === 'seen') break;
			inSvg.push(at === 'svg');
			await page.keyboard.press('Tab');
		}
		const chartStops = inSvg.filter(Boolean).length;
		// Before one Tab stop per chart, every focusable mark and legend entry was a stop.
		const focusableMarks = await page.locator('figure[data-chart] svg [tabindex]').count();
		console.info(
			`Tab stops: ${inSvg.length} (${chartStops} in charts); with every mark a stop: ${inSvg.length - chartStops + focusableMarks}`
		);
		expect(chartStops).toBe(6);
		for (const id of ['meetings-per-year', 'theme-sector-heatmap', 'theme-trends']) {
			const inChart = page.locator(`figure[data-chart="${id}"] svg [tabindex="0"]`);
			expect(await inChart.count(), id).toBe(1);
		}
	});

	test('focus shows the exact value from the data table; arrows move, Enter selects, Escape clears', async () => {
		const page = await app.dashboard();
		const table = await dataTable(page, 'theme-sector-heatmap');
		// From the chart's Export button, one Tab reaches the chart: its first cell.
		const fig = page.locator('figure[data-chart="theme-sector-heatmap"]');
		await fig.getByRole('button', { name: /^Export/ }).focus();
		await page.keyboard.press('Tab');
		await expect
			.poll(() =>
				marks(page, 'theme-sector-heatmap')
					.first()
					.evaluate((e) => e === document.activeElement)
			)
			.toBe(true);
		const tip = tooltip(page, 'theme-sector-heatmap');
		await tip.waitFor();
		const [theme, sector, outcomes] = table[0]!;
		await expect(tip.textContent()).resolves.toContain(theme);
		await expect(tip.textContent()).resolves.toContain(`${sector}: ${outcomes} outcome`);
		// Down: the next theme's cell in the same sector column (cells run theme by theme).
		await page.keyboard.press('ArrowDown');
		const [theme4, sector4, outcomes4] = table[4]!;
		expect(sector4).toBe(sector);
		await expect
			.poll(() => tip.textContent())
			.toContain(`${theme4}, ${sector4}: ${outcomes4} outcome`);
		await page.keyboard.press('ArrowUp');
		await page.keyboard.press('ArrowRight');
		const [, sector2, outcomes2] = table[1]!;
		await expect.poll(() => tip.textContent()).toContain(`${sector2}: ${outcomes2} outcome`);
		await page.keyboard.press('Enter');
		await expect.poll(() => param(page, 'sector')).toEqual([sector2]);
		await settled(page);
		await page.keyboard.press('Escape');
		await expect.poll(() => param(page, 'sector')).toEqual([]);
		expect(param(page, 'theme')).toEqual([]);
		await settled(page);
		await expect(tip.count()).resolves.toBe(0);
	});
});

describe('right to left', () => {
	test('in the Arabic heatmap, mirrored, Left moves to the next sector column as seen', async () => {
		const page = await app.dashboard('/?lang=ar');
		const cells = marks(page, 'theme-sector-heatmap');
		await cells.first().focus();
		const box = async () => page.evaluate(() => document.activeElement!.getBoundingClientRect().x);
		const x0 = await box();
		await page.keyboard.press('ArrowLeft');
		await expect.poll(() => cells.nth(1).evaluate((e) => e === document.activeElement)).toBe(true);
		expect(await box()).toBeLessThan(x0);
	});
});

describe('phone first screen and degenerate data', () => {
	test('at 360 px the headline numbers are above the upload control, in the first screen', async () => {
		const page = await app.dashboard('/', { viewport: { width: 360, height: 740 } });
		const kpiBox = await page.locator('[data-kpi="meetings"]').boundingBox();
		const upload = await page
			.getByRole('group', { name: 'Drop zone for CSV and Parquet exports' })
			.boundingBox();
		expect(kpiBox && upload).toBeTruthy();
		expect(kpiBox!.y + kpiBox!.height).toBeLessThanOrEqual(740);
		expect(kpiBox!.y).toBeLessThan(upload!.y);
		expect(await seriousA11yViolations(page)).toEqual([]);
	});

	test('a touch tap shows the value, a second tap on the same mark filters', async () => {
		const page = await app.dashboard('/', {
			viewport: { width: 360, height: 740 },
			hasTouch: true,
			isMobile: true
		});
		const bar = marks(page, 'meetings-per-year').nth(2);
		await bar.tap();
		await tooltip(page, 'meetings-per-year').waitFor();
		await expect(tooltip(page, 'meetings-per-year').textContent()).resolves.toMatch(/\d+ meeting/);
		expect(param(page, 'from')).toEqual([]);
		await bar.tap();
		await expect.poll(() => param(page, 'by')).toEqual(['period.meetings-per-year']);
	});

	test('one year, one theme and no attendance: the year reads once, the empty chart says why', async () => {
		const page = await app.dashboard();
		await page
			.getByLabel(/Upload/)
			.setInputFiles([
				fixturePath('good/meetings-one-year.csv'),
				fixturePath('good/themes-one.csv'),
				fixturePath('good/outcomes-one-year.csv')
			]);
		await waitForLoaded(page);
		await expect.poll(() => kpi(page, 'outcomes')).toBe(3);
		await waitForPaint(page);
		const years = page.locator('figure[data-chart="theme-trends"] svg text.year');
		await expect(years.allTextContents()).resolves.toEqual(['2019']);
		await expect(
			page.locator('figure[data-chart="theme-trends"] figcaption').textContent()
		).resolves.not.toContain('2019–2019');
		for (const id of ['meetings-per-year', 'outcome-status-trend']) {
			const ticks = await page
				.locator(`figure[data-chart="${id}"] svg .axis text`)
				.allTextContents();
			expect(
				ticks.filter((t) => t.trim() === '2019'),
				id
			).toHaveLength(1);
		}
		await expect(
			page.locator('figure[data-chart="attendance-by-sector"] [role="status"]').textContent()
		).resolves.toMatch(/No data|No attendance/);
		expect(await seriousA11yViolations(page)).toEqual([]);
	});
});

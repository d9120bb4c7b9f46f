import { describe, expect, test } from 'vitest';
import { referenceKpis } from '../helpers/reference';
import {
	fixturePath,
	kpi,
	KPI_IDS,
	kpis,
	repoPath,
	seriousA11yViolations,
	useApp,
	waitForLoaded
} from './harness';

const app = useApp();
const fresh = () => app.dashboard();

describe('first screen', () => {
	test('shows the sample data with its true numbers, no action needed', async () => {
		const page = await fresh();
		const expected = await referenceKpis({
			meetings: repoPath('data/meetings.csv'),
			themes: repoPath('data/themes.csv'),
			outcomes: repoPath('data/outcomes.csv')
		});
		for (const id of KPI_IDS) expect(await kpi(page, id), id).toBeCloseTo(expected[id]!, 6);
		await expect(
			page.getByRole('region', { name: 'Loaded dataset' }).textContent()
		).resolves.toContain('Sample data');
		const firstChart = await page.evaluate(
			() => performance.getEntriesByName('intersect:first-chart')[0]?.startTime ?? -1
		);
		const engine = await page.evaluate(
			() => performance.getEntriesByName('intersect:engine-ready')[0]?.startTime ?? -1
		);
		console.info(
			`navigation -> engine ready ${engine.toFixed(0)} ms, -> first chart ${firstChart.toFixed(0)} ms`
		);
	});

	test('draws the three charts, each a labelled figure whose data table matches its marks', async () => {
		const page = await fresh();
		for (const id of ['meetings-per-year', 'theme-sector-heatmap', 'outcome-status-trend']) {
			const fig = page.locator(`figure[data-chart="${id}"]`);
			await expect(fig.locator('figcaption').textContent()).resolves.not.toBe('');
			await expect(fig.getAttribute('aria-labelledby')).resolves.toBeTruthy();
			await fig.getByRole('button', { name: 'Show data' }).click();
			const table = fig.locator('table');
			await expect(table.locator('thead tr').count()).resolves.toBe(1);
			const rows = await table.locator('tbody tr').count();
			expect(rows).toBeGreaterThan(0);
			const marks = await fig.locator('svg [data-mark]').count();
			expect(marks, `${id}: one mark per data row`).toBe(rows);
		}
		const heatRows = await page
			.locator('figure[data-chart="theme-sector-heatmap"] tbody tr')
			.count();
		expect(heatRows).toBe(13 * 4);
	});

	test('meets accessibility basics: no serious or critical axe violation, data tables open or not', async () => {
		const page = await fresh();
		await page.locator('figure[data-chart="theme-sector-heatmap"] svg').waitFor();
		expect(await seriousA11yViolations(page)).toEqual([]);
		// Open every data table too: long ones scroll and must be reachable by keyboard.
		const showData = page.getByRole('button', { name: 'Show data' });
		while ((await showData.count()) > 0) await showData.first().click();
		expect(await page.getByRole('region', { name: /: data$/ }).count()).toBe(6);
		expect(await seriousA11yViolations(page)).toEqual([]);
	});
});

describe('uploading exports', () => {
	test('three CSV dialects replace the sample and the KPIs show their numbers', async () => {
		const page = await fresh();
		await page
			.getByLabel(/Upload/)
			.setInputFiles([
				fixturePath('good/meetings-semicolon.csv'),
				fixturePath('good/themes-comma.csv'),
				fixturePath('good/outcomes-tab.tsv')
			]);
		await waitForLoaded(page);
		await expect.poll(() => kpi(page, 'meetings')).toBe(3);
		expect(await kpi(page, 'outcomes')).toBe(4);
		expect(await kpi(page, 'themes')).toBe(3);
		expect(await kpi(page, 'participants')).toBe(30 + 41 + 52);
		expect(await kpi(page, 'completion-rate')).toBeCloseTo(1 / 3, 6);
		expect(await kpi(page, 'cross-sector-share')).toBeCloseTo(3 / 4, 6);
		const badge = await page.getByRole('region', { name: 'Loaded dataset' }).textContent();
		expect(badge).toContain('outcomes-tab.tsv');
	});

	test('Parquet exports load too (dates from timestamps, sectors as lists)', async () => {
		const page = await fresh();
		await page
			.getByLabel(/Upload/)
			.setInputFiles([fixturePath('good/meetings.parquet'), fixturePath('good/outcomes.parquet')]);
		await waitForLoaded(page);
		await expect.poll(() => kpi(page, 'meetings')).toBe(4);
		expect(await kpi(page, 'outcomes')).toBe(5);
		expect(await kpi(page, 'participants')).toBe(130);
		expect(await kpi(page, 'completion-rate')).toBeCloseTo(2 / 4, 6);
		expect(await kpi(page, 'cross-sector-share')).toBeCloseTo(3 / 5, 6);
	});

	test('a file lacking a required column is named in an alert and the previous numbers stay', async () => {
		const page = await fresh();
		const before = await kpis(page);
		await page.getByLabel(/Upload/).setInputFiles([fixturePath('bad/meetings-missing-date.csv')]);
		const alert = page.getByRole('alert');
		await alert.waitFor();
		await expect(alert.textContent()).resolves.toMatch(/meetings-missing-date\.csv.*date/);
		expect(await kpis(page)).toEqual(before);
	});
});

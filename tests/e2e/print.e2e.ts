/**
 * Figures laid out for paper (issue 15, items 4, 5 and 7) in real Chromium: a filtered export
 * carries no on-screen dimming; a 16 cm print figure has no text under 7 pt; the analyst's
 * title, subtitle and note reach the SVG and the printed report and are kept; partial years are
 * marked; the collaboration figure prints as the sector matrix.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { CHART_IDS } from '../../src/lib/charts';
import { DIMMED_OPACITY } from '../../src/lib/charts/interaction';
import { useApp } from './harness';

const app = useApp();

/** The chart's export panel, opened if it is closed. */
async function exportPanel(page: Page, chart: string) {
	const fig = page.locator(`figure[data-chart="${chart}"]`);
	const toggle = fig.getByRole('button', { name: 'Export' });
	if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
	return fig.getByRole('group', { name: /^Export / });
}

/** Click `name` in the chart's export panel and return the download's bytes. */
async function download(page: Page, chart: string, name: string | RegExp) {
	const panel = await exportPanel(page, chart);
	const [dl] = await Promise.all([
		page.waitForEvent('download'),
		panel.getByRole('button', { name }).click()
	]);
	const chunks: Buffer[] = [];
	for await (const c of await dl.createReadStream()) chunks.push(c as Buffer);
	return new Uint8Array(Buffer.concat(chunks));
}

/**
 * What the SVG file holds, as the browser renders it: its width (px), the smallest font size of
 * any drawn text (px, computed), the opacities below 1 on any element, and its top-level texts.
 */
async function readSvg(page: Page, bytes: Uint8Array) {
	return page.evaluate((text) => {
		const host = document.createElement('div');
		host.style.cssText = 'position:fixed;left:0;top:0;opacity:0;pointer-events:none';
		const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
		const svg = document.importNode(doc.documentElement, true) as unknown as SVGSVGElement;
		host.append(svg);
		document.body.append(host);
		let minFont = Infinity;
		for (const t of Array.from(svg.querySelectorAll('text, tspan'))) {
			if (!t.textContent?.trim()) continue;
			minFont = Math.min(minFont, parseFloat(getComputedStyle(t).fontSize));
		}
		const faded = Array.from(svg.querySelectorAll('[opacity]'))
			.map((el) => Number(el.getAttribute('opacity')))
			.filter((o) => o < 1);
		const texts = Array.from(svg.querySelectorAll(':scope > text')).map((t) => t.textContent);
		const marks = svg.querySelectorAll('[data-mark]').length;
		// Marks outlined as the chart's own selection (the page's CSS stroke, inlined as attributes).
		const outlined = Array.from(svg.querySelectorAll('[data-mark]')).filter(
			(el) => el.getAttribute('stroke-width') === '2'
		).length;
		const width = Number(svg.getAttribute('width'));
		const height = Number(svg.getAttribute('height'));
		host.remove();
		return { width, height, minFont, faded, texts, marks, outlined };
	}, new TextDecoder().decode(bytes));
}

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(bytes: Uint8Array) {
	const view = new DataView(bytes.buffer, bytes.byteOffset);
	return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** Printed size (pt) of `px` text in a figure `width` px wide printed `cm` wide. */
const points = (px: number, width: number, cm: number) => (px * ((cm / 2.54) * 72)) / width;

describe('figures for paper', () => {
	test('a filtered export has no element faded by the on-screen dimming; collaboration prints as the matrix', async () => {
		const page = await app.dashboard('/?sector=BR');
		// On screen the sector filter dims the other sectors' marks (what must not be exported).
		const heat = page.locator('figure[data-chart="theme-sector-heatmap"] svg');
		expect(await heat.locator(`[data-mark][opacity="${DIMMED_OPACITY}"]`).count()).toBeGreaterThan(
			0
		);
		for (const chart of CHART_IDS) {
			const svg = await readSvg(page, await download(page, chart, 'Download SVG'));
			expect(svg.faded, `${chart}: opacities below 1`).toEqual([]);
			if (chart === 'sector-collaboration') expect(svg.marks, 'the 4×4 lower half').toBe(10);
			await page.keyboard.press('Escape');
		}
	});

	test('a chart’s own selection exports as an outline: every mark kept, nothing faded, no filter claimed', async () => {
		const page = await app.dashboard('/');
		const fig = page.locator('figure[data-chart="theme-sector-heatmap"]');
		const cells = await fig.locator('svg [data-mark]').count();
		await fig.locator('svg [data-mark]').nth(5).click();
		await page.waitForURL((u) => u.searchParams.has('by'));
		await page.locator('#dashboard[data-current="true"]').waitFor({ timeout: 60_000 });
		expect(await fig.locator('svg [data-selected]').count()).toBe(1);
		const svg = await readSvg(page, await download(page, 'theme-sector-heatmap', 'Download SVG'));
		expect(svg.marks).toBe(cells);
		expect(svg.faded).toEqual([]);
		expect(svg.outlined).toBe(1);
		// Its numbers ignore the clauses it made itself, so its source line does not name them.
		expect(svg.texts.join(' ')).not.toMatch(/Theme: |Sector: /);
	});

	test('a 16 cm print figure is laid out for 16 cm: its smallest text prints at 7 pt or more', async () => {
		// A wide window: the screen chart is ~1400 px, which scaled to 16 cm gave 3–4 pt text.
		const page = await app.dashboard('/', { viewport: { width: 1600, height: 1000 } });
		for (const chart of CHART_IDS) {
			const svg = await readSvg(page, await download(page, chart, 'Download SVG'));
			expect(svg.width, chart).toBeLessThanOrEqual(Math.ceil((16 / 2.54) * 96));
			const pt = points(svg.minFont, svg.width, 16);
			expect(pt, `${chart}: smallest text ${svg.minFont} px`).toBeGreaterThanOrEqual(7);
			if (chart === 'theme-trends') {
				const png = pngSize(await download(page, chart, 'Download PNG for print'));
				// The PNG is this figure at 300 dpi: 16 cm wide, same proportions.
				expect(png.width).toBe(1890);
				expect(png.height / png.width).toBeCloseTo(svg.height / svg.width, 2);
			}
			await page.keyboard.press('Escape');
		}
	});

	test('partial years are hatched and labelled on screen and in the export', async () => {
		const page = await app.dashboard('/');
		const fig = page.locator('figure[data-chart="meetings-per-year"]');
		await expect(fig.locator('svg .partial text').allTextContents()).resolves.toEqual([
			'from 4 Mar',
			'to 20 Sept'
		]);
		const svg = await readSvg(page, await download(page, 'meetings-per-year', 'Download SVG'));
		expect(svg.minFont).toBeGreaterThan(0);
		const text = new TextDecoder().decode(await download(page, 'theme-trends', 'Download SVG'));
		expect(text).toContain(
			'Hatched: years the data covers only in part (2015 from 4 Mar and 2022 to 20 Sept).'
		);
	});

	test('title, subtitle and note edited in the Export menu are written into the SVG and kept', async () => {
		const page = await app.dashboard('/?sector=BR');
		const panel = await exportPanel(page, 'meetings-per-year');
		await panel.getByLabel('Title', { exact: true }).fill('ISC-TF meetings, 2015–2022');
		await panel.getByLabel('Subtitle', { exact: true }).fill('All formats; 2022 to 20 September');
		await panel.getByLabel('Note', { exact: true }).fill('2020: meetings moved online.');
		const svg = await readSvg(page, await download(page, 'meetings-per-year', 'Download SVG'));
		expect(svg.texts[0]).toBe('ISC-TF meetings, 2015–2022');
		expect(svg.texts).toContain('All formats; 2022 to 20 September');
		expect(svg.texts).toContain('2020: meetings moved online.');
		await page.reload();
		await page.locator('#dashboard[data-current="true"]').waitFor({ timeout: 60_000 });
		const again = await exportPanel(page, 'meetings-per-year');
		await expect(again.getByLabel('Title', { exact: true }).inputValue()).resolves.toBe(
			'ISC-TF meetings, 2015–2022'
		);
	});

	test('the report prints titles, subtitles and notes as edited, with no dimming', async () => {
		const page = await app.dashboard('/');
		await page.goto(
			`${app.origin}/report?sector=BR&charts=theme-sector-heatmap,sector-collaboration`
		);
		const sheet = page.locator('.sheet figure[data-chart="theme-sector-heatmap"]');
		await sheet.locator('svg').waitFor({ timeout: 60_000 });
		await page.getByLabel('Title of figure 1', { exact: true }).fill('Where BR works, by theme');
		await page.getByLabel('Subtitle of figure 1').fill('Outcomes involving BR');
		await page
			.getByLabel('Note on figure 1')
			.fill('Counts overlap: an outcome can involve several sectors.');
		await page.emulateMedia({ media: 'print' });
		await expect(sheet.locator('h2').textContent()).resolves.toBe('Where BR works, by theme');
		await expect(sheet.locator('.subtitle').textContent()).resolves.toBe('Outcomes involving BR');
		await expect(sheet.locator('.note').textContent()).resolves.toBe(
			'Counts overlap: an outcome can involve several sectors.'
		);
		await expect(sheet.locator('h2').isVisible()).resolves.toBe(true);
		expect(await page.locator('.sheet svg [opacity]').count(), 'no dimmed mark').toBe(0);
		expect(
			await page.locator('.sheet figure[data-chart="sector-collaboration"] svg [data-mark]').count()
		).toBe(10);
		const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
		expect(pdf.length).toBeGreaterThan(1000);
		// Kept: the same view's report shows them again.
		await page.emulateMedia({ media: 'screen' });
		await page.reload();
		await sheet.locator('svg').waitFor({ timeout: 60_000 });
		await expect(sheet.locator('h2').textContent()).resolves.toBe('Where BR works, by theme');
	});
});

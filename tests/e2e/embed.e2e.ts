/**
 * Embeds in real Chromium: the chart alone (no app chrome), in a plain host page through the
 * copied <iframe> snippet, sized to its frame; of the bundled sample (loaded from the site) and
 * of uploaded data (carried in the link, opened in a fresh profile that never saw the data);
 * and damaged or forged links refused. No request ever leaves the app's origin.
 */
import { describe, expect, test } from 'vitest';
import type { FrameLocator, Page } from 'playwright-core';
import { encodeEmbed } from '../../src/lib/figures/embed-payload';
import {
	fixturePath,
	openDashboard,
	seriousA11yViolations,
	useApp,
	waitForLoaded
} from './harness';

const app = useApp();
/** A fresh browser profile (cookies, storage and cache of its own). */
const profile = app.profile;

/** Copy the embed code of a chart from the dashboard's Export menu. */
async function copyEmbedCode(page: Page, chart: string): Promise<string> {
	await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
		origin: app.origin
	});
	const fig = page.locator(`figure[data-chart="${chart}"]`);
	await fig.getByRole('button', { name: 'Export' }).click();
	const panel = fig.getByRole('group', { name: /^Export / });
	await panel.getByRole('button', { name: 'Copy embed code' }).click();
	await panel.getByRole('status').filter({ hasText: 'Embed code copied' }).waitFor();
	const snippet = await page.evaluate(() => navigator.clipboard.readText());
	expect(await panel.getByLabel('Embed code').inputValue()).toBe(snippet);
	return snippet;
}

const srcOf = (snippet: string) => /src="([^"]+)"/.exec(snippet)![1]!.replace(/&amp;/g, '&');

/** Neither app chrome nor dashboard controls inside an embed. */
async function expectBare(frame: Page | FrameLocator) {
	await expect(frame.locator('nav').count()).resolves.toBe(0);
	await expect(frame.locator('input[type="file"]').count()).resolves.toBe(0);
	await expect(frame.getByRole('button').count()).resolves.toBe(0);
	await expect(frame.getByText('Show data').count()).resolves.toBe(0);
}

describe('embed of the bundled sample', () => {
	test('Copy embed code gives a titled iframe that shows the chart alone in a plain page', async () => {
		const context = await profile({ viewport: { width: 1280, height: 900 } });
		const page = await openDashboard(context, app.origin, '/?sector=BR');
		const snippet = await copyEmbedCode(page, 'theme-sector-heatmap');
		expect(snippet).toMatch(
			new RegExp(
				`^<iframe src="${app.origin}/embed/theme-sector-heatmap\\?sector=BR&amp;fp=[0-9a-f]{8}" title="Theme × sector activity \\(Intersect\\)" width="\\d+" height="\\d+" style="border:0;max-width:100%" loading="lazy"></iframe>$`
			)
		);
		const fp = /fp=([0-9a-f]{8})/.exec(snippet)![1]!;

		const host = await context.newPage();
		await host.setContent(`<!doctype html><title>Host</title><h1>A host page</h1>${snippet}`);
		const frame = host.frameLocator('iframe');
		await frame.locator('svg [data-mark]').first().waitFor({ timeout: 60_000 });
		await expect(frame.locator('svg [data-mark]').count()).resolves.toBe(13 * 4);
		await expectBare(frame);
		await expect(frame.locator('h1').textContent()).resolves.toBe('Theme × sector activity');
		const note = await frame.locator('figcaption').textContent();
		expect(note).toMatch(
			/Source: ISC-TF exports \(sample data\), 4 Mar 2015 – 20 Sept 2022; filters: Sector: BR\./
		);
		// The embed loaded the sample itself and found the same data: same fingerprint, no warning.
		expect(note).toContain(`Intersect 0.1.0 · dataset ${fp}`);
		expect(note).not.toContain('changed');
		await expect(
			frame.getByRole('link', { name: 'Open in Intersect' }).getAttribute('href')
		).resolves.toBe('/?sector=BR');
	});

	test('fits its iframe without scrolling, from a phone-sized frame to a wide one', async () => {
		const context = await profile();
		const host = await context.newPage();
		for (const [w, h] of [
			[360, 300],
			[900, 560]
		] as const) {
			await host.setContent(
				`<iframe src="${app.origin}/embed/meetings-per-year" title="Meetings per year" width="${w}" height="${h}" style="border:0"></iframe>`
			);
			const frame = host.frames()[1]!;
			await frame.locator('svg [data-mark]').first().waitFor({ timeout: 60_000 });
			const fit = await frame.evaluate(() => {
				const svg = document.querySelector('figure svg')!.getBoundingClientRect();
				const note = document.querySelector('figcaption')!.getBoundingClientRect();
				return {
					scroll: document.documentElement.scrollHeight - innerHeight,
					svgInside: svg.right <= innerWidth + 0.5 && svg.bottom <= innerHeight + 0.5,
					noteInside: note.bottom <= innerHeight + 0.5,
					svgWidth: svg.width
				};
			});
			expect(fit, `${w}×${h}`).toMatchObject({ scroll: 0, svgInside: true, noteInside: true });
			expect(fit.svgWidth).toBeGreaterThan(w * 0.6);
		}
	});

	test('is light for a reader in dark mode too, with no serious accessibility violation', async () => {
		const context = await profile({ colorScheme: 'dark' });
		const page = await context.newPage();
		await page.goto(`${app.origin}/embed/outcome-status-trend?period=3y`);
		await page.locator('svg [data-mark]').first().waitFor({ timeout: 60_000 });
		const colours = await page.evaluate(() => ({
			ground: getComputedStyle(document.body).backgroundColor,
			text: getComputedStyle(document.querySelector('h1')!).color
		}));
		expect(colours).toEqual({ ground: 'rgb(255, 255, 255)', text: 'rgb(27, 31, 36)' });
		expect(await seriousA11yViolations(page)).toEqual([]);
	});
});

describe('embed of uploaded data', () => {
	test('renders from the link alone in a fresh profile that never loaded the data', async () => {
		const analyst = await profile();
		const page = await openDashboard(analyst, app.origin);
		await page
			.getByLabel(/Upload/)
			.setInputFiles([
				fixturePath('good/meetings-semicolon.csv'),
				fixturePath('good/themes-formula.csv'),
				fixturePath('good/outcomes-formula.csv')
			]);
		await waitForLoaded(page);
		await expect
			.poll(() => page.locator('figure[data-chart="theme-sector-heatmap"] [data-mark]').count())
			.toBe(16);
		const url = srcOf(await copyEmbedCode(page, 'theme-sector-heatmap'));
		expect(url).toMatch(/\/embed\/theme-sector-heatmap#data=[A-Za-z0-9_-]+$/);

		const reader = await profile();
		const view = await reader.newPage();
		const requested: string[] = [];
		view.on('request', (r) => requested.push(new URL(r.url()).pathname));
		await view.goto(url);
		await view.locator('svg [data-mark]').first().waitFor({ timeout: 30_000 });
		await expect(view.locator('svg [data-mark]').count()).resolves.toBe(16);
		await expectBare(view);
		for (const name of ['+1 Accessibility', '-2 Gender', '@SUM(A1)'])
			await expect(view.locator('svg text', { hasText: name }).count()).resolves.toBe(1);
		const note = await view.locator('figcaption').textContent();
		expect(note).toContain(
			'Source: ISC-TF exports (meetings-semicolon.csv, themes-formula.csv, outcomes-formula.csv; sample attendance)'
		);
		await expect(view.getByRole('link', { name: 'Open in Intersect' }).count()).resolves.toBe(0);
		// Everything came from the link: no data file was fetched, no database engine started.
		expect(requested.filter((p) => /\.(csv|parquet|wasm)$/.test(p))).toEqual([]);
	});
});

describe('damaged or forged embed links', () => {
	const meta = {
		dataset: 'x.csv',
		period: '2020',
		filters: [],
		fingerprint: '00000000',
		version: '0.1.0'
	};

	test('are refused with a sentence that says so, and nothing is drawn', async () => {
		const context = await profile();
		const page = await context.newPage();
		const heatmap = await encodeEmbed({
			chart: 'theme-sector-heatmap',
			rows: [{ theme_id: 't', theme: 'T', sector: 'BR', outcomes: 1 }],
			meta
		});
		for (const [path, message] of [
			[
				'/embed/theme-sector-heatmap#data=AAAA',
				'damaged or incomplete (its data is not a packed chart)'
			],
			[
				`/embed/theme-trends#data=${heatmap}`,
				'damaged or incomplete (its numbers are for another chart)'
			],
			[`/embed/theme-sector-heatmap#data=${heatmap.slice(0, -6)}`, 'damaged or incomplete'],
			['/embed/no-such-chart', 'There is no chart named “no-such-chart”.']
		]) {
			await page.goto(`${app.origin}${path}`);
			const alert = page.getByRole('alert');
			await alert.waitFor();
			expect(await alert.textContent(), path).toContain(message);
			await expect(page.locator('svg [data-mark]').count()).resolves.toBe(0);
			await expect(page.locator('nav').count()).resolves.toBe(0);
		}
	});

	test('markup in embedded names is shown as text, never run', async () => {
		const context = await profile();
		const page = await context.newPage();
		const dialogs: string[] = [];
		page.on('dialog', (d) => {
			dialogs.push(d.message());
			void d.dismiss();
		});
		const evil = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
		const data = await encodeEmbed({
			chart: 'theme-trends',
			rows: [
				{ theme_id: 'x', theme: evil, year: 2020, outcomes: 2 },
				{ theme_id: 'x', theme: evil, year: 2021, outcomes: 3 }
			],
			meta: { ...meta, dataset: '<b>bold</b>.csv', filters: ['Theme: <i>x</i>'] }
		});
		await page.goto(`${app.origin}/embed/theme-trends#data=${data}`);
		await page.locator('svg [data-mark]').first().waitFor();
		await expect(page.locator('img, b, i').count()).resolves.toBe(0);
		const scripts = await page.locator('script').allTextContents();
		expect(scripts.filter((s) => s.includes('alert('))).toEqual([]);
		await expect(page.locator('figcaption').textContent()).resolves.toContain('(<b>bold</b>.csv)');
		expect(await page.locator('svg [data-mark]').getAttribute('aria-label')).toContain(
			'<img src=x'
		);
		expect(dialogs).toEqual([]);
	});
});

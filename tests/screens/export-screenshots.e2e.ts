/**
 * Screenshots for docs/embedding.md (not part of `npm test`; `npm run screenshots` takes them):
 * a chart's Export menu, the report page, an embed in a host page, and an exported figure.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import {
	launchChromium,
	openContext,
	openDashboard,
	repoPath,
	serveBuild,
	waitForPaint
} from '../e2e/harness';

let server: Awaited<ReturnType<typeof serveBuild>>;
let browser: Browser;

beforeAll(async () => {
	server = await serveBuild();
	browser = await launchChromium();
});
afterAll(async () => {
	await browser?.close();
	await server?.close();
});

const shot = (name: string) => repoPath(`docs/screenshots/${name}.png`);

test('screenshot of a chart’s Export menu', async () => {
	const { context, outside } = await openContext(browser, server.origin, {
		viewport: { width: 1280, height: 900 },
		colorScheme: 'light'
	});
	const page = await openDashboard(context, server.origin, '/?sector=BR');
	const fig = page.locator('figure[data-chart="outcome-status-trend"]');
	await fig.locator('svg [data-mark]').first().waitFor();
	await fig.getByRole('button', { name: 'Export' }).click();
	const panel = fig.getByRole('group', { name: /^Export / });
	await panel.getByRole('button', { name: 'Download SVG' }).focus();
	const [a, b] = [await fig.boundingBox(), await panel.boundingBox()];
	const bottom = Math.max(a!.y + a!.height, b!.y + b!.height) + 12;
	await page.screenshot({
		path: shot('export-menu'),
		fullPage: true,
		clip: { x: a!.x - 12, y: a!.y - 12, width: a!.width + 24, height: bottom - a!.y + 12 }
	});

	// The same chart as exported for print, to show what the file looks like.
	const [dl] = await Promise.all([
		page.waitForEvent('download'),
		panel.getByRole('button', { name: /Download PNG \(2×/ }).click()
	]);
	await dl.saveAs(shot('figure-export'));
	expect(outside).toEqual([]);
	await context.close();
});

test('screenshot of the report page', async () => {
	const { context, outside } = await openContext(browser, server.origin, {
		viewport: { width: 1440, height: 1000 },
		colorScheme: 'light'
	});
	const page = await context.newPage();
	await page.goto(
		`${server.origin}/report?period=3y&charts=meetings-per-year,theme-sector-heatmap,sector-collaboration&per=2`
	);
	await page.locator('.sheet figure[data-chart] svg').nth(2).waitFor({ timeout: 60_000 });
	await waitForPaint(page);
	await page.screenshot({ path: shot('report') });
	expect(outside).toEqual([]);
	await context.close();
});

test('screenshot of an embed in a host page', async () => {
	const { context, outside } = await openContext(browser, server.origin, {
		viewport: { width: 900, height: 620 },
		colorScheme: 'light'
	});
	const page = await context.newPage();
	const html = `<!doctype html><meta charset="utf-8"><title>Host</title>
<body style="font-family: system-ui, sans-serif; margin: 24px; color: #1b1f24; background: #f0f2f5">
<h1 style="font-size: 20px">A web page with an embedded chart</h1>
<p style="max-width: 640px">The chart below is an &lt;iframe&gt; pasted from “Copy embed code”.</p>
<iframe src="${server.origin}/embed/outcome-status-trend?period=3y" title="Outcomes by status over time (Intersect)" width="720" height="420" style="border:0;max-width:100%;background:#fff" loading="lazy"></iframe>`;
	await page.setContent(html);
	await page.frameLocator('iframe').locator('svg [data-mark]').first().waitFor({ timeout: 60_000 });
	await waitForPaint(page);
	await page.screenshot({ path: shot('embed') });
	expect(outside).toEqual([]);
	await context.close();
});

/**
 * Screenshots for the README and docs (not part of `npm test`): `npm run screenshots` builds the
 * app and writes docs/screenshots/*.png at desktop and phone widths, light and dark, and the
 * outcome list under the charts.
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

const SHOTS = [
	{ name: 'dashboard', width: 1440, height: 900, colorScheme: 'light' as const },
	{ name: 'dashboard-dark', width: 1440, height: 900, colorScheme: 'dark' as const },
	{ name: 'dashboard-phone', width: 360, height: 780, colorScheme: 'light' as const },
	{ name: 'dashboard-phone-dark', width: 360, height: 780, colorScheme: 'dark' as const },
	// The first screen in Arabic and Chinese, drawn with the bundled Noto fonts (the machine that
	// takes them has no CJK font: tofu here would mean the fonts are missing).
	{ name: 'dashboard-ar', width: 1280, height: 900, colorScheme: 'light' as const, lang: 'ar' },
	{ name: 'dashboard-zh', width: 1280, height: 900, colorScheme: 'light' as const, lang: 'zh' }
];

for (const s of SHOTS) {
	test(`screenshot ${s.name}`, async () => {
		const { context, outside } = await openContext(browser, server.origin, {
			viewport: { width: s.width, height: s.height },
			colorScheme: s.colorScheme,
			deviceScaleFactor: 1
		});
		const path = 'lang' in s ? `/?lang=${s.lang}` : (process.env.SHOT_PATH ?? '/');
		const page = await openDashboard(context, server.origin, path);
		await page.locator('figure[data-chart] svg').last().waitFor();
		await waitForPaint(page);
		await page.screenshot({
			path: repoPath(`docs/screenshots/${s.name}.png`),
			fullPage: !('lang' in s)
		});
		expect(outside).toEqual([]);
		await context.close();
	});
}

for (const s of [
	{ name: 'outcomes', width: 1280, height: 900 },
	{ name: 'outcomes-phone', width: 360, height: 780 }
]) {
	test(`screenshot ${s.name}: the outcome list filtered to one theme`, async () => {
		const { context, outside } = await openContext(browser, server.origin, {
			viewport: { width: s.width, height: s.height },
			deviceScaleFactor: 1
		});
		const page = await openDashboard(context, server.origin, '/?theme=accessibility');
		const section = page.locator('section[data-count]:not([data-count=""])');
		await section.locator('tbody tr[data-outcome]').first().waitFor();
		await section.scrollIntoViewIfNeeded();
		await section.screenshot({ path: repoPath(`docs/screenshots/${s.name}.png`) });
		expect(outside).toEqual([]);
		await context.close();
	});
}

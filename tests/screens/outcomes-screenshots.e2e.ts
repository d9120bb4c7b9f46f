/**
 * README screenshots of the outcome list under the charts (not part of `npm test`): run with
 * `npm run screenshots`; writes docs/screenshots/outcomes*.png at 1280 and 360 px.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, openContext, openDashboard, repoPath, serveBuild } from '../e2e/harness';

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

for (const s of [
	{ name: 'outcomes', width: 1280, height: 900 },
	{ name: 'outcomes-phone', width: 360, height: 780 }
]) {
	test(`screenshot ${s.name}`, async () => {
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

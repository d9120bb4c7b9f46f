/**
 * The first visit as a newcomer sees it: while the engine's 34 MB download is under way (served
 * slowly here, as over an intranet link), the page says how much has arrived; a browser without
 * WebAssembly is told why Intersect cannot run there and what to use instead.
 */
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { launchChromium, openContext, serveBuild } from './harness';

let server: Awaited<ReturnType<typeof serveBuild>>;
let browser: Browser;
let opened: Awaited<ReturnType<typeof openContext>>[] = [];

beforeAll(async () => {
	// 1 MB every 40 ms: the download takes ~1.5 s, with the gaps DuckDB-WASM's progress needs.
	server = await serveBuild({
		slow: { match: /duckdb-[a-z]+\.wasm$/, chunk: 1 << 20, everyMs: 40 }
	});
	browser = await launchChromium();
});
afterAll(async () => {
	await browser?.close();
	await server?.close();
});
afterEach(async () => {
	for (const c of opened) await c.context.close();
	for (const c of opened) {
		expect(c.outside, 'requests outside the origin').toEqual([]);
		expect(c.errors, 'page errors').toEqual([]);
	}
	opened = [];
});

async function profile() {
	const c = await openContext(browser, server.origin);
	opened.push(c);
	return c.context;
}

test('while the engine downloads, the dashboard shows the megabytes received out of the total', async () => {
	const page = await (await profile()).newPage();
	await page.goto(server.origin);
	// Wait until some bytes have arrived (polled every animation frame, no fixed delay).
	const bytes = await page.waitForFunction(
		() => {
			const el = document.querySelector('[data-engine-phase="download"]');
			const n = Number(el?.getAttribute('data-engine-bytes') ?? 0);
			return n > 0 ? n : false;
		},
		undefined,
		{ polling: 'raf', timeout: 60_000 }
	);
	expect(await bytes.jsonValue()).toBeGreaterThan(0);
	const status = page.locator('[data-engine-phase="download"] [role="status"]');
	await expect
		.poll(() => status.textContent(), { interval: 50, timeout: 30_000 })
		.toMatch(/Downloading the in-browser database: [\d.]+ MB of 3\d\.\d MB…/);
	await expect
		.poll(() => page.locator('[data-engine-phase] progress').count(), { timeout: 10_000 })
		.toBe(1);
	// …and it ends: the notice gives way to the dashboard.
	await page.locator('[data-kpi="meetings"][data-value]').waitFor({ timeout: 90_000 });
	expect(await page.locator('[data-engine-phase="download"]').count()).toBe(0);
});

test('a browser without WebAssembly is told what is missing and which browsers to use', async () => {
	const context = await profile();
	await context.addInitScript(() => {
		Reflect.deleteProperty(globalThis, 'WebAssembly');
	});
	const page = await context.newPage();
	await page.goto(server.origin);
	const alert = page.getByRole('alert').filter({ hasText: 'cannot run' });
	await alert.waitFor({ timeout: 60_000 });
	expect(await alert.textContent()).toMatch(
		/lacks WebAssembly\. Open Intersect in a current version of Chrome, Edge, Firefox or Safari/
	);
	// Nothing pretends to be starting.
	expect(await page.getByText('Starting the in-browser database…').count()).toBe(0);
});

/**
 * The first visit as a newcomer sees it: while the engine's 34 MB download is under way (served
 * slowly here, as over an intranet link), the page says how much has arrived and already shows
 * the figures kept from before (the build's sample snapshot, or this browser's last results for
 * its stored upload); a browser without WebAssembly is told why Intersect cannot run there.
 */
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import {
	CONFIRMED_KPI,
	fixturePath,
	kpis,
	launchChromium,
	openContext,
	serveBuild,
	waitForLoaded
} from './harness';

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
	await page.locator(CONFIRMED_KPI).waitFor({
		timeout: 90_000
	});
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

/** KPIs painted while the engine is still downloading (data-provisional="true"), then confirmed. */
async function paintedBeforeEngine(page: import('playwright-core').Page) {
	await page.waitForFunction(
		() =>
			document.querySelector(
				'#dashboard[data-provisional="true"] [data-kpi="meetings"][data-value]'
			) &&
			document.querySelector('[data-engine-phase="download"]') &&
			document.querySelector('figure[data-chart] svg [data-mark]'),
		undefined,
		{ polling: 'raf', timeout: 60_000 }
	);
	const early = await kpis(page);
	await page.locator(CONFIRMED_KPI).waitFor({
		timeout: 90_000
	});
	return { early, confirmed: await kpis(page) };
}

test("a fresh profile sees the sample's KPIs and charts before the engine has downloaded, and the engine confirms them", async () => {
	const page = await (await profile()).newPage();
	await page.goto(server.origin);
	const { early, confirmed } = await paintedBeforeEngine(page);
	expect(early[0]).toBe(46);
	expect(early).toEqual(confirmed);
});

test("after an upload, a reload paints that upload's figures (not the sample's) before the engine", async () => {
	const page = await (await profile()).newPage();
	await page.goto(server.origin);
	await page.locator(CONFIRMED_KPI).waitFor({
		timeout: 90_000
	});
	await page
		.getByLabel('Upload exports (CSV or Parquet)')
		.setInputFiles(
			['good/meetings-bom-crlf.csv', 'good/themes-utf16le.txt', 'good/outcomes-quoted.csv'].map(
				fixturePath
			)
		);
	await waitForLoaded(page);
	// The three-dialect upload: 2 meetings (tests/fixtures/README.md).
	await expect.poll(() => kpis(page).then((k) => k[0]), { timeout: 30_000 }).toBe(2);
	const uploaded = await kpis(page);
	// The upload's view was kept once its figures were confirmed.
	await page.waitForFunction(
		async () =>
			new Promise<boolean>((resolve) => {
				const req = indexedDB.open('intersect-views');
				req.onsuccess = () => {
					const db = req.result;
					if (!db.objectStoreNames.contains('views')) return resolve(false);
					const all = db.transaction('views').objectStore('views').getAllKeys();
					all.onsuccess = () => resolve(all.result.length > 0);
				};
				req.onerror = () => resolve(false);
			}),
		undefined,
		{ polling: 100, timeout: 30_000 }
	);
	await page.reload();
	const { early, confirmed } = await paintedBeforeEngine(page);
	expect(early).toEqual(uploaded);
	expect(confirmed).toEqual(uploaded);
});

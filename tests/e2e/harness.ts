/**
 * End-to-end harness: serve the built app (build/) on 127.0.0.1, drive Debian's Chromium through
 * playwright-core, record (and block) every request outside the app's origin, run axe-core.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { CHROMIUM } from './chromium.mjs';
import { MIME } from './mime.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BUILD = path.join(ROOT, 'build');

/** Where and how serveBuild serves a build. */
export interface ServeOptions {
	/** Folder of the build (default build/). */
	dir?: string;
	/** The base path it was built with (`BASE_PATH`), e.g. `/intersect`; '' for the root. */
	base?: string;
	/** Extra response headers, e.g. a Content-Security-Policy. */
	headers?: Record<string, string>;
	/** Files whose path matches are sent slowly, as over a slow network: `chunk` bytes every `everyMs`. */
	slow?: { match: RegExp; chunk: number; everyMs: number };
	/** Answer unknown paths with the single-page fallback, as docs/deploy.md asks (default); `false`: 404, as a plain file server does. */
	fallback?: boolean;
}

/**
 * Serve a build as a static single-page app on a free 127.0.0.1 port, with the rules of
 * docs/deploy.md: a path is the file (a folder its index.html), else the file plus `.html`,
 * else `200.html`; nothing outside `base` exists.
 */
export async function serveBuild({
	dir = BUILD,
	base = '',
	headers = {},
	slow,
	fallback = true
}: ServeOptions = {}): Promise<{ origin: string; close: () => Promise<void> }> {
	if (!existsSync(path.join(dir, 'index.html')))
		throw new Error(`${dir}/index.html is missing: run \`vite build\` first (npm test does)`);
	const server: Server = createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://x');
		const inside = decodeURIComponent(url.pathname);
		if (!(inside === base || inside.startsWith(`${base}/`))) return void res.writeHead(404).end();
		let file = path.join(dir, inside.slice(base.length));
		if (!file.startsWith(dir)) return void res.writeHead(403).end();
		if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
		if (!existsSync(file) && !fallback) return void res.writeHead(404).end();
		if (!existsSync(file)) {
			const html = `${file.replace(/\/(index\.html)?$/, '')}.html`;
			file = existsSync(html) ? html : path.join(dir, '200.html');
		}
		res.writeHead(200, {
			'content-type': MIME[path.extname(file)] ?? 'application/octet-stream',
			'content-length': String(statSync(file).size),
			'cache-control': 'no-store',
			...headers
		});
		if (slow?.match.test(file)) sendSlowly(file, res, slow);
		else createReadStream(file).pipe(res);
	});
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	const { port } = server.address() as AddressInfo;
	return {
		origin: `http://127.0.0.1:${port}`,
		close: () => new Promise((r) => server.close(() => r()))
	};
}

/** Send `file` in `chunk`-byte pieces, one every `everyMs` (a slow network, for progress displays). */
function sendSlowly(
	file: string,
	res: ServerResponse,
	{ chunk, everyMs }: { chunk: number; everyMs: number }
): void {
	const bytes = readFileSync(file);
	let at = 0;
	const timer = setInterval(() => {
		if (res.destroyed || at >= bytes.length) {
			clearInterval(timer);
			res.end();
			return;
		}
		res.write(bytes.subarray(at, (at += chunk)));
	}, everyMs);
}

/** Debian's Chromium, headless, with no background traffic and no outside name lookups. */
export function launchChromium(): Promise<Browser> {
	return chromium.launch(CHROMIUM);
}

/**
 * Record (in `outside`) and abort every request of `context` outside `origin`, and record page
 * errors (in `errors`).
 */
export async function guardContext(context: BrowserContext, origin: string) {
	// Sized for a busy two-core machine (engine start alone can take 10 s there): every wait
	// still ends as soon as the state it waits for shows.
	context.setDefaultTimeout(60_000);
	context.setDefaultNavigationTimeout(90_000);
	const outside: string[] = [];
	const errors: string[] = [];
	const isOwn = (u: string) =>
		u.startsWith(`${origin}/`) || u === origin || /^(data|blob):/.test(u);
	await context.route('**/*', (route) => {
		const u = route.request().url();
		if (isOwn(u)) return route.continue();
		outside.push(u);
		return route.abort('blockedbyclient');
	});
	context.on('request', (req) => {
		if (!isOwn(req.url()) && !outside.includes(req.url())) outside.push(req.url());
	});
	const watch = (page: Page) => page.on('pageerror', (e) => errors.push(String(e)));
	context.pages().forEach(watch);
	context.on('page', watch);
	return { context, outside, errors };
}

/** A fresh browser profile whose requests outside `origin` are recorded in `outside` and aborted. */
export async function openContext(
	browser: Browser,
	origin: string,
	options: Parameters<Browser['newContext']>[0] = {}
): Promise<{ context: BrowserContext; outside: string[]; errors: string[] }> {
	return guardContext(await browser.newContext({ acceptDownloads: true, ...options }), origin);
}

/**
 * The meetings KPI once the engine has confirmed the figures for the dataset as loaded now and
 * the view in the address (not kept ones painted first, not an earlier version's).
 */
export const CONFIRMED_KPI = '#dashboard[data-current="true"] [data-kpi="meetings"]';

/** Open the dashboard and wait until the KPIs show. */
export async function openDashboard(
	context: BrowserContext,
	origin: string,
	pathName = '/'
): Promise<Page> {
	const page = await context.newPage();
	await page.goto(`${origin}${pathName}`);
	// Confirmed by the engine, not the figures kept from before that paint first.
	await page.locator(CONFIRMED_KPI).waitFor({
		timeout: 60_000
	});
	return page;
}

/** The KPI tiles' ids (`data-kpi`), in display order. */
export const KPI_IDS = [
	'meetings',
	'outcomes',
	'themes',
	'participants',
	'completion-rate',
	'cross-sector-share'
];

/** Every KPI's machine-readable value, in KPI_IDS order. */
export function kpis(page: Page): Promise<number[]> {
	return Promise.all(KPI_IDS.map((id) => kpi(page, id)));
}

/** A KPI's machine-readable value. */
export async function kpi(page: Page, id: string): Promise<number> {
	return Number(await page.locator(`[data-kpi="${id}"]`).getAttribute('data-value'));
}

/** axe-core violations of impact serious or critical on the current page. */
export async function seriousA11yViolations(
	page: Page
): Promise<{ id: string; help: string; nodes: string[] }[]> {
	const source = readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
	// Evaluated over the DevTools protocol, not added as a <script>: the pages' Content-Security-
	// Policy (svelte.config.js) rightly blocks inline scripts it has no hash for.
	await page.evaluate(source);
	const violations = await page.evaluate(async () => {
		const axe = (
			window as unknown as {
				axe: {
					run: (ctx: Document) => Promise<{
						violations: {
							id: string;
							impact: string;
							help: string;
							nodes: { target: string[] }[];
						}[];
					}>;
				};
			}
		).axe;
		const r = await axe.run(document);
		return r.violations;
	});
	return violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}

/** Absolute path of a test fixture. */
export const fixturePath = (p: string) => path.join(ROOT, 'tests/fixtures', p);
/** Absolute path inside the repository. */
export const repoPath = (p: string) => path.join(ROOT, p);

/**
 * Wait until the load result says the upload was loaded and the load has finished (saved in the
 * browser's storage: the upload control is enabled again only then). A load that asks first
 * (it would orphan live rows or shrink a table by half, docs/loading.md) is confirmed, as an
 * analyst replacing the sample with a small export does; tests of the question itself do not
 * call this.
 */
export async function waitForLoaded(page: Page): Promise<void> {
	const done = page
		.getByRole('region', { name: 'Load result' })
		.getByRole('status')
		.filter({ hasText: 'Loaded' });
	const asking = page.locator('dialog[data-risk="asking"]');
	await done.or(asking).first().waitFor({ timeout: 90_000 });
	if (await asking.isVisible()) await asking.getByRole('button', { name: 'Load anyway' }).click();
	await done.waitFor({ timeout: 90_000 });
	await expect
		.poll(() => page.getByLabel('Upload exports (CSV or Parquet)', { exact: true }).isEnabled(), {
			timeout: 60_000
		})
		.toBe(true);
	// On the dashboard: until the figures are the loaded dataset's, the previous ones still show.
	const dashboard = page.locator('#dashboard');
	if (await dashboard.count())
		await page.locator('#dashboard[data-current="true"]').waitFor({ timeout: 60_000 });
}

/** Answer "Load anyway" when a load asks first (it would orphan live rows or shrink a table). */
export async function confirmLoad(page: Page): Promise<void> {
	await page
		.locator('dialog[data-risk="asking"]')
		.getByRole('button', { name: 'Load anyway' })
		.click({ timeout: 90_000 });
}

/** Wait until the page's fonts have loaded and two frames have painted (before a screenshot). */
export async function waitForPaint(page: Page): Promise<void> {
	await page.evaluate(async () => {
		await document.fonts.ready;
		for (let i = 0; i < 2; i++) await new Promise((r) => requestAnimationFrame(r));
	});
}

/**
 * A test file's app session: build/ served and one Chromium for the file, and per test any number
 * of fresh profiles. After each test every profile is closed, and the test fails if any of them
 * requested a URL outside the app's origin or raised a page error: every test is also the
 * offline check.
 */
export function useApp() {
	let server: Awaited<ReturnType<typeof serveBuild>> | undefined;
	let browser: Browser | undefined;
	const open: Awaited<ReturnType<typeof openContext>>[] = [];
	beforeAll(async () => {
		server = await serveBuild();
		browser = await launchChromium();
	});
	afterAll(async () => {
		await browser?.close();
		await server?.close();
	});
	afterEach(async () => {
		const done = open.splice(0);
		for (const c of done) await c.context.close();
		for (const c of done) {
			expect(c.outside, 'requests outside the origin').toEqual([]);
			expect(c.errors, 'page errors').toEqual([]);
		}
	});
	const app = {
		/** The served app's origin (`http://127.0.0.1:port`). */
		get origin(): string {
			return server!.origin;
		},
		/** The file's Chromium. */
		get browser(): Browser {
			return browser!;
		},
		/** A fresh browser profile (storage and cache of its own), checked after the test. */
		async profile(options: Parameters<Browser['newContext']>[0] = {}): Promise<BrowserContext> {
			const c = await openContext(browser!, server!.origin, options);
			open.push(c);
			return c.context;
		},
		/** A browser with an on-disk profile in `dir` (what survives a restart), on the dashboard. */
		async persistent(dir: string): Promise<Page> {
			const c = await guardContext(
				await chromium.launchPersistentContext(dir, CHROMIUM),
				server!.origin
			);
			open.push(c);
			return openDashboard(c.context, server!.origin);
		},
		/** A fresh profile on the dashboard (or `path`), once the KPIs show. */
		async dashboard(path = '/', options: Parameters<Browser['newContext']>[0] = {}) {
			return openDashboard(await app.profile(options), server!.origin, path);
		}
	};
	return app;
}

/**
 * Limit the storage quota of `page`'s origin to `bytes` (CDP `Storage.overrideQuotaForOrigin`)
 * and say whether the browser applies it: Chromium 156.0.8078.114 (Debian) accepts the command
 * but keeps reporting the disk's quota, and writes beyond the limit then succeed. A test that
 * needs a full quota skips itself when this is false (and says so in the summary).
 */
export async function limitQuota(page: Page, origin: string, bytes: number): Promise<boolean> {
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: bytes });
	const { quota } = await page.evaluate(() => navigator.storage.estimate());
	return quota !== undefined && quota <= bytes;
}

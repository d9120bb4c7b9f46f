/**
 * End-to-end harness: serve the built app (build/) on 127.0.0.1, drive Debian's Chromium through
 * playwright-core, record (and block) every request outside the app's origin, run axe-core.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BUILD = path.join(ROOT, 'build');

const MIME: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript',
	'.mjs': 'text/javascript',
	'.css': 'text/css',
	'.wasm': 'application/wasm',
	'.svg': 'image/svg+xml',
	'.json': 'application/json',
	'.csv': 'text/csv; charset=utf-8',
	'.parquet': 'application/octet-stream',
	'.png': 'image/png',
	'.txt': 'text/plain; charset=utf-8',
	'.map': 'application/json'
};

/** Serve build/ as a static single-page app on a free 127.0.0.1 port. */
export async function serveBuild(): Promise<{ origin: string; close: () => Promise<void> }> {
	if (!existsSync(path.join(BUILD, 'index.html')))
		throw new Error('build/index.html is missing: run `vite build` first (npm run test:e2e does)');
	const server: Server = createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://x');
		let file = path.join(BUILD, decodeURIComponent(url.pathname));
		if (!file.startsWith(BUILD)) return void res.writeHead(403).end();
		if (!existsSync(file) || statSync(file).isDirectory()) {
			const html = `${file.replace(/\/$/, '')}.html`;
			file = existsSync(html) ? html : path.join(BUILD, '200.html');
		}
		res.writeHead(200, {
			'content-type': MIME[path.extname(file)] ?? 'application/octet-stream',
			'cache-control': 'no-store'
		});
		createReadStream(file).pipe(res);
	});
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	const { port } = server.address() as AddressInfo;
	return {
		origin: `http://127.0.0.1:${port}`,
		close: () => new Promise((r) => server.close(() => r()))
	};
}

/** Debian's Chromium, headless, with no background traffic and no outside name lookups. */
export function launchChromium(): Promise<Browser> {
	return chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		headless: true,
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--no-first-run',
			'--disable-quic',
			'--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost'
		]
	});
}

/** A fresh browser profile whose requests outside `origin` are recorded in `outside` and aborted. */
export async function openContext(
	browser: Browser,
	origin: string,
	options: Parameters<Browser['newContext']>[0] = {}
): Promise<{ context: BrowserContext; outside: string[]; errors: string[] }> {
	const context = await browser.newContext({ acceptDownloads: true, ...options });
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
	context.on('page', (page) => page.on('pageerror', (e) => errors.push(String(e))));
	return { context, outside, errors };
}

/** Open the dashboard and wait until the KPIs show. */
export async function openDashboard(
	context: BrowserContext,
	origin: string,
	pathName = '/'
): Promise<Page> {
	const page = await context.newPage();
	await page.goto(`${origin}${pathName}`);
	await page.locator('[data-kpi="meetings"]').waitFor({ timeout: 60_000 });
	return page;
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
	await page.addScriptTag({ content: source });
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

/** Wait until the load result says the upload was loaded. */
export function waitForLoaded(page: Page): Promise<void> {
	return page
		.getByRole('region', { name: 'Load result' })
		.getByRole('status')
		.filter({ hasText: 'Loaded' })
		.waitFor();
}

/**
 * The deployment of docs/deploy.md, for real: the app built with `BASE_PATH=/intersect` into its
 * own folder, served under /intersect/ by the guide's rules (file, file.html, else 200.html) with
 * the guide's Content-Security-Policy header; every route opened by a deep link and reloaded.
 */
import { execFile, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { guardContext, launchChromium, repoPath, serveBuild } from './harness';

const BASE = '/intersect';
const DIR = repoPath('.build-subpath');
const POLICY = readFileSync(repoPath('docs/deploy/content-security-policy.txt'), 'utf8').trim();

let server: Awaited<ReturnType<typeof serveBuild>>;
let browser: Browser;

beforeAll(async () => {
	// A build of its own: build/ (root base path) stays what the other e2e files test.
	const built = spawnSync('npx', ['vite', 'build'], {
		cwd: repoPath('.'),
		env: { ...process.env, TZ: 'UTC', BASE_PATH: BASE, BUILD_DIR: DIR },
		encoding: 'utf8'
	});
	if (built.status !== 0) throw new Error(`BASE_PATH build failed:\n${built.stderr}`);
	server = await serveBuild({
		dir: DIR,
		base: BASE,
		headers: { 'content-security-policy': POLICY }
	});
	browser = await launchChromium();
}, 600_000);

afterAll(async () => {
	await browser?.close();
	await server?.close();
});

const WORKSPACE_READY = '[data-table="outcomes"] [data-rows]:not([data-rows=""])';

/** Each route, and what shows once it has drawn from the engine. */
const ROUTES = [
	{ path: '/', ready: '[data-kpi="meetings"][data-value]' },
	{ path: '/?period=3y', ready: '[data-kpi="meetings"][data-value]' },
	{ path: '/report?charts=meetings-per-year,theme-trends', ready: '.sheet figure[data-chart] svg' },
	{ path: '/workspace', ready: WORKSPACE_READY },
	{ path: '/embed/theme-trends', ready: 'svg [data-mark]' }
];

/** A fresh profile that records CSP violations, requests outside the origin and page errors. */
async function open() {
	const guarded = await guardContext(await browser.newContext(), server.origin);
	const violations: string[] = [];
	const paths: string[] = [];
	guarded.context.on('request', (r) => paths.push(new URL(r.url()).pathname));
	guarded.context.on('console', (m) => {
		if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
	});
	await guarded.context.exposeBinding('reportViolation', (_, text: string) =>
		violations.push(text)
	);
	await guarded.context.addInitScript(() =>
		document.addEventListener('securitypolicyviolation', (e) =>
			(window as unknown as { reportViolation: (t: string) => void }).reportViolation(
				`${e.violatedDirective} blocked ${e.blockedURI}`
			)
		)
	);
	return { ...guarded, violations, paths };
}

describe('a build for a sub-path behind a strict Content-Security-Policy', () => {
	test('every route opens from a deep link and again on reload, with no policy violation', async () => {
		const { context, outside, errors, violations, paths } = await open();
		const page: Page = await context.newPage();
		for (const route of ROUTES) {
			const response = await page.goto(`${server.origin}${BASE}${route.path}`);
			expect(response?.headers()['content-security-policy'], route.path).toBe(POLICY);
			await page.locator(route.ready).first().waitFor({ timeout: 90_000 });
			await page.reload();
			await page.locator(route.ready).first().waitFor({ timeout: 90_000 });
			const want = `${BASE}${route.path.replace(/\?.*/, '')}`.replace(/\/$/, '');
			expect(new URL(page.url()).pathname.replace(/\/$/, ''), route.path).toBe(want);
		}
		await context.close();
		expect(violations).toEqual([]);
		expect(outside).toEqual([]);
		expect(errors).toEqual([]);
		expect(paths.filter((p) => !p.startsWith(`${BASE}/`) && p !== BASE)).toEqual([]);
	});

	test('the navigation links stay under the sub-path', async () => {
		const { context, outside, violations } = await open();
		const page = await context.newPage();
		await page.goto(`${server.origin}${BASE}/`);
		await page.locator('[data-kpi="meetings"][data-value]').waitFor({ timeout: 90_000 });
		const nav = page.getByRole('navigation', { name: 'Main' });
		for (const link of await nav.getByRole('link').all())
			expect(await link.getAttribute('href')).toMatch(/^\/intersect(\/|$|\?)/);
		await nav.getByRole('link', { name: 'SQL workspace' }).click();
		await page.waitForURL(`${server.origin}${BASE}/workspace`);
		await page.locator(WORKSPACE_READY).waitFor({ timeout: 90_000 });
		await context.close();
		expect(violations).toEqual([]);
		expect(outside).toEqual([]);
	});

	test('`npm run deploy:check` passes this deployment and fails one whose server 404s deep links', async () => {
		// Asynchronous: the servers answer from this process, which a spawnSync would block.
		const check = (url: string) =>
			new Promise<{ stdout: string; status: number }>((done) =>
				execFile('node', [repoPath('scripts/check-deploy.mjs'), url, '--build', DIR], (e, stdout) =>
					done({ stdout, status: e ? Number(e.code) : 0 })
				)
			);
		const good = await check(`${server.origin}${BASE}/`);
		expect(good.stdout).toContain('All checks passed');
		expect(good.status).toBe(0);
		const plain = await serveBuild({ dir: DIR, base: BASE, fallback: false });
		try {
			const bad = await check(`${plain.origin}${BASE}/`);
			expect(bad.stdout).toMatch(/FAIL {2}\/workspace answers the app's page: HTTP 404/);
			expect(bad.status).toBe(1);
		} finally {
			await plain.close();
		}
	});

	test('the example server configurations send this same policy', () => {
		for (const file of ['nginx.conf', 'apache.htaccess', 'web.config'])
			expect(readFileSync(repoPath(`docs/deploy/${file}`), 'utf8'), file).toContain(POLICY);
	});
});

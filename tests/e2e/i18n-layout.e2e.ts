/**
 * Longer and right-to-left languages do not break the layout: the dashboard, the workspace and
 * the report at 360 px and 1280 px, in the long pseudo-locale (English accented and 40 % longer),
 * the bidi pseudo-locale, Russian and Arabic. No chart text leaves its `<svg>`, no control
 * overflows its container or the viewport, and the page never scrolls sideways
 * (`layout-check.ts`). The pseudo-locales exist only in a build of their own
 * (`VITE_PSEUDO_LOCALES=1`, src/lib/i18n/pseudo.ts), which this file makes; the shipped build
 * has none.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CONFIRMED_KPI, launchChromium, openContext, repoPath, serveBuild } from './harness';
import { layoutProblems } from './layout-check';

const DIR = repoPath('.build-pseudo');
const SHOTS = repoPath('tests/.artifacts/i18n-layout');

let server: Awaited<ReturnType<typeof serveBuild>>;
let browser: Browser;

beforeAll(async () => {
	const built = spawnSync('npx', ['vite', 'build'], {
		cwd: repoPath('.'),
		env: { ...process.env, TZ: 'UTC', VITE_PSEUDO_LOCALES: '1', BUILD_DIR: DIR },
		encoding: 'utf8'
	});
	if (built.status !== 0) throw new Error(`pseudo-locale build failed:\n${built.stderr}`);
	server = await serveBuild({ dir: DIR });
	browser = await launchChromium();
}, 600_000);

afterAll(async () => {
	await browser?.close();
	await server?.close();
});

/** The languages checked: a query string that selects each. */
const LANGS = [
	{ name: 'long pseudo-locale', query: 'pseudo=long', lang: 'en-XA' },
	{ name: 'bidi pseudo-locale', query: 'pseudo=bidi', lang: 'en-XB' },
	{ name: 'Russian', query: 'lang=ru', lang: 'ru' },
	{ name: 'Arabic', query: 'lang=ar', lang: 'ar' }
];

/** Each page, and what shows once it has drawn from the engine. */
const PAGES = [
	{ name: 'dashboard', path: '/', ready: CONFIRMED_KPI },
	{
		name: 'workspace',
		path: '/workspace',
		ready: '[data-table="outcomes"] [data-rows]:not([data-rows=""])'
	},
	{
		name: 'report',
		path: '/report?charts=meetings-per-year,theme-trends,theme-sector-heatmap,outcome-status-trend,sector-collaboration,attendance-by-sector',
		ready: '.sheet figure[data-chart] svg[role="graphics-document"]'
	}
];

async function open(page: Page, url: string, ready: string): Promise<void> {
	await page.goto(url);
	await page.locator(ready).first().waitFor({ timeout: 90_000 });
	await page.evaluate(async () => {
		await document.fonts.ready;
		for (let i = 0; i < 2; i++) await new Promise((r) => requestAnimationFrame(r));
	});
}

describe('layout in long and right-to-left languages', () => {
	test('the shipped build has no pseudo-locale', () => {
		const dir = repoPath('build/_app/immutable');
		const files = readdirSync(dir, { recursive: true, encoding: 'utf8' });
		const js = files.filter((f) => f.endsWith('.js'));
		expect(js.length).toBeGreaterThan(0);
		const pseudo = js.filter((f) => readFileSync(path.join(dir, f), 'utf8').includes('ƀçð'));
		expect(pseudo).toEqual([]);
	});

	for (const width of [360, 1280]) {
		test(`at ${width} px nothing overflows, in every page and language`, async () => {
			const { context, outside, errors } = await openContext(browser, server.origin, {
				viewport: { width, height: 900 }
			});
			const page = await context.newPage();
			const found: string[] = [];
			for (const lang of LANGS) {
				for (const p of PAGES) {
					const sep = p.path.includes('?') ? '&' : '?';
					await open(page, `${server.origin}${p.path}${sep}${lang.query}`, p.ready);
					await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe(lang.lang);
					await page.screenshot({
						path: `${SHOTS}/${p.name}-${lang.lang}-${width}.png`
					});
					for (const problem of await layoutProblems(page))
						found.push(`${p.name}, ${lang.name}: ${problem}`);
					if (p.name !== 'dashboard') continue;
					// A chart's Export menu open: the longest labels of the page, in a panel.
					const chart = page.locator('figure[data-chart]').first();
					await chart.locator('.export > button[aria-expanded]').click();
					await chart.locator('.export [role="group"]').waitFor();
					for (const problem of await layoutProblems(page))
						found.push(`${p.name} with its Export menu open, ${lang.name}: ${problem}`);
				}
			}
			await context.close();
			expect(found).toEqual([]);
			expect(outside).toEqual([]);
			expect(errors).toEqual([]);
		});
	}
});

/**
 * The six languages in real Chromium: Arabic mirrors the page and keeps every number, Chinese
 * and French replace the English, switching keeps the view without a reload, `?lang=` carries
 * the language into an embed, and Arabic and Chinese pages stay accessible.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { kpis, openDashboard, seriousA11yViolations, useApp } from './harness';

const app = useApp();
const en = JSON.parse(readFileSync(new URL('../../messages/en.json', import.meta.url), 'utf8'));
/** English UI words that must not survive a switch (data such as theme names may stay). */
const ENGLISH_UI = [
	'app.nav.dashboard',
	'filter.label',
	'filter.period',
	'kpi.meetings',
	'kpi.completion-rate',
	'chart.showData',
	'fig.export.button',
	'chart.meetings-per-year.title',
	'chart.theme-trends.title',
	'upload.button'
].map((k) => en[k] as string);

const htmlLangDir = (page: Page) =>
	page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]);

describe('languages', () => {
	test('the dashboard in Arabic is right to left, has no English UI words left, and the same KPI numbers', async () => {
		const context = await app.profile({ viewport: { width: 1280, height: 900 } });
		const english = await openDashboard(context, app.origin, '/?lang=en');
		const numbers = await kpis(english);
		const page = await openDashboard(context, app.origin, '/?lang=ar');
		await expect(htmlLangDir(page)).resolves.toEqual(['ar', 'rtl']);
		await page.getByText('لوحة المعلومات').first().waitFor();
		await expect(kpis(page)).resolves.toEqual(numbers);
		// Mirrored, not pushed sideways: nothing widens the page (a physical `left: -999px` did).
		await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBe(1280);
		const text = await page.locator('body').innerText();
		expect(ENGLISH_UI.filter((w) => text.includes(w))).toEqual([]);
		// Charts keep their own direction: layouts anchor text, which `rtl` would flip.
		const dirs = await page
			.locator('figure svg[role="graphics-document"]')
			.evaluateAll((svgs) => svgs.map((s) => s.getAttribute('direction')));
		expect(dirs.length).toBeGreaterThan(0);
		expect(new Set(dirs)).toEqual(new Set(['ltr']));
		expect(await seriousA11yViolations(page)).toEqual([]);
	});

	test('Chinese replaces the English, and switching language keeps the view without a reload', async () => {
		const context = await app.profile({ viewport: { width: 1280, height: 900 } });
		const page = await openDashboard(context, app.origin, '/?sector=BDT');
		const numbers = await kpis(page);
		await page.evaluate(() => ((window as unknown as { kept: number }).kept = 42));
		await page.getByLabel('Language').selectOption('zh');
		await page.getByText('每年会议次数').first().waitFor();
		await expect(htmlLangDir(page)).resolves.toEqual(['zh-Hans', 'ltr']);
		await expect(page.evaluate(() => (window as unknown as { kept: number }).kept)).resolves.toBe(
			42
		);
		expect(page.url()).toContain('sector=BDT');
		await expect(kpis(page)).resolves.toEqual(numbers);
		const text = await page.locator('body').innerText();
		expect(ENGLISH_UI.filter((w) => text.includes(w))).toEqual([]);
		expect(await seriousA11yViolations(page)).toEqual([]);
		// The choice is kept for the next visit.
		const again = await openDashboard(context, app.origin, '/');
		await expect(htmlLangDir(again)).resolves.toEqual(['zh-Hans', 'ltr']);
	});

	test('at 360 px wide, the Arabic and Russian dashboards do not scroll sideways', async () => {
		const context = await app.profile({ viewport: { width: 360, height: 800 } });
		for (const lang of ['ar', 'ru']) {
			const page = await openDashboard(context, app.origin, `/?lang=${lang}`);
			await expect(htmlLangDir(page).then(([l]) => l)).resolves.toBe(lang);
			// Charts drawn (their width follows the page's).
			await page.locator('figure[data-chart] svg[role="graphics-document"]').first().waitFor();
			const [scroll, inner] = await page.evaluate(() => [
				document.documentElement.scrollWidth,
				innerWidth
			]);
			expect(scroll, lang).toBeLessThanOrEqual(inner!);
		}
	});

	test('the SQL workspace in Arabic: its words translated, the SQL itself left to right', async () => {
		const context = await app.profile({ viewport: { width: 1280, height: 800 } });
		const page = await context.newPage();
		await page.goto(`${app.origin}/workspace?lang=ar`);
		const editor = page.getByRole('textbox', { name: 'استعلام SQL' });
		await editor.waitFor({ timeout: 60_000 });
		await page.locator('[data-table]').first().waitFor({ timeout: 60_000 });
		await expect(editor.evaluate((e) => getComputedStyle(e).direction)).resolves.toBe('ltr');
		const english = ['ws.starters', 'ws.saved', 'ws.history', 'ws.run', 'ws.tables', 'ws.save'];
		const text = await page.locator('body').innerText();
		expect(english.map((k) => en[k] as string).filter((w) => text.includes(w))).toEqual([]);
	});

	test('an embed link with ?lang=fr shows the chart in French', async () => {
		const context = await app.profile({ viewport: { width: 800, height: 600 } });
		const page = await context.newPage();
		await page.goto(`${app.origin}/embed/meetings-per-year?lang=fr`);
		await page.getByText('Réunions par an').first().waitFor({ timeout: 60_000 });
		await expect(htmlLangDir(page)).resolves.toEqual(['fr', 'ltr']);
	});
});

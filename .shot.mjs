import { chromium } from 'playwright-core';
import { CHROMIUM } from './tests/e2e/chromium.mjs';
import fs from 'node:fs';
const base = 'http://127.0.0.1:4179';
const browser = await chromium.launch(CHROMIUM);
const ctx = await browser.newContext({ viewport: { width: 1440, height: 1000 }, acceptDownloads: true });
const page = await ctx.newPage();
page.on('pageerror', (e) => console.log('pageerror', e.message));
const what = process.argv[2] ?? 'dash';
if (what === 'dash') {
	await page.goto(base + '/?theme=' + (process.argv[3] ?? ''));
	await page.waitForSelector('#dashboard[data-current="true"]', { timeout: 60000 });
	for (const id of ['meetings-per-year', 'theme-trends', 'sector-collaboration', 'theme-sector-heatmap']) {
		await page.locator(`figure[data-chart="${id}"]`).screenshot({ path: `/tmp/fig/out/dash-${id}.png` });
	}
	await page.locator('figure[data-chart="sector-collaboration"]').getByLabel('Matrix').check();
	await page.locator('figure[data-chart="sector-collaboration"]').screenshot({ path: `/tmp/fig/out/dash-matrix.png` });
}
if (what === 'export') {
	const q = process.argv[3] ?? '';
	const loc = process.argv[4] ?? 'en';
	await page.goto(base + '/?' + q);
	await page.waitForSelector('#dashboard[data-current="true"]', { timeout: 60000 });
	for (const id of (process.argv[5] ?? 'theme-sector-heatmap').split(',')) {
		const fig = page.locator(`figure[data-chart="${id}"]`);
		await fig.getByRole('button', { name: /Export|تصدير|导出|Exporter|Экспорт|Exportar/ }).first().click();
		const panel = fig.locator('.panel');
		if (loc !== 'en') await panel.locator('select').selectOption(loc);
		await panel.locator('input[type=number]').fill(process.argv[6] ?? '16');
		const [dl] = await Promise.all([page.waitForEvent('download'), panel.locator('li button').first().click()]);
		await dl.saveAs(`/tmp/fig/out/${id}-${loc}.svg`);
		const [dl2] = await Promise.all([page.waitForEvent('download'), panel.locator('li.print button').click()]);
		await dl2.saveAs(`/tmp/fig/out/${id}-${loc}.png`);
		await fig.getByRole('button', { name: /Export/ }).first().click();
	}
}
if (what === 'report') {
	await page.goto(base + '/report?' + (process.argv[3] ?? 'charts=meetings-per-year,theme-trends,sector-collaboration,theme-sector-heatmap'));
	await page.waitForSelector('.sheet', { timeout: 60000 });
	await page.waitForTimeout(1500);
	await page.screenshot({ path: '/tmp/fig/out/report.png', fullPage: true });
	fs.writeFileSync('/tmp/fig/out/report.pdf', await page.pdf({ format: 'A4', preferCSSPageSize: true }));
}
await browser.close();

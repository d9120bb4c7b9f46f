/**
 * Analysts loading real exports, in Chromium: three dialects give the right numbers, every bad
 * file shows its sentence while the previous numbers stay, mapping by hand, append, cancel, and
 * the loaded data surviving a reload and a browser restart until "Reset to sample data".
 */
import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import {
	CONFIRMED_KPI,
	fixturePath,
	kpi,
	kpis,
	limitQuota,
	repoPath,
	seriousA11yViolations,
	useApp,
	waitForLoaded
} from './harness';

const app = useApp();
const fresh = () => app.dashboard();

const upload = (page: Page, files: string[]) =>
	page.getByLabel('Upload exports (CSV or Parquet)').setInputFiles(files.map(fixturePath));
const loaded = waitForLoaded;
const badge = (page: Page) => page.getByRole('region', { name: 'Loaded dataset' });

/** The three-dialect upload and the KPIs it must show (tests/fixtures/README.md). */
const DIALECTS = [
	'good/meetings-bom-crlf.csv',
	'good/themes-utf16le.txt',
	'good/outcomes-quoted.csv'
];
async function expectDialectKpis(page: Page) {
	await expect.poll(() => kpi(page, 'meetings')).toBe(2);
	expect(await kpi(page, 'participants')).toBe(20 + 25);
	expect(await kpi(page, 'themes')).toBe(2);
	expect(await kpi(page, 'outcomes')).toBe(3);
	expect(await kpi(page, 'completion-rate')).toBeCloseTo(1 / 3, 6);
	expect(await kpi(page, 'cross-sector-share')).toBeCloseTo(2 / 3, 6);
}

describe('loading valid exports', () => {
	test('UTF-8 with BOM and CRLF, UTF-16 and quoted cells load and the KPIs show their numbers', async () => {
		const page = await fresh();
		await upload(page, DIALECTS);
		await loaded(page);
		await expectDialectKpis(page);
		await expect(badge(page).textContent()).resolves.toContain('themes-utf16le.txt');
	});

	test('checking before loading shows the table, the matching and a preview in Windows-1252', async () => {
		const page = await fresh();
		const before = await kpis(page);
		await page.getByLabel('Check files before loading').check();
		await upload(page, ['good/meetings-windows1252.csv']);
		const panel = page.locator('details[data-file="meetings-windows1252.csv"]');
		await expect(panel.getByLabel('Table for meetings-windows1252.csv').inputValue()).resolves.toBe(
			'meetings'
		);
		const preview = panel.getByRole('table', { name: /First rows/ });
		await expect(preview.textContent()).resolves.toContain('Genève');
		await expect(preview.textContent()).resolves.toContain('Saint-Denis, Réunion');
		await expect(preview.textContent()).resolves.not.toContain('Ã');
		expect(await kpis(page)).toEqual(before);
		await page.getByRole('button', { name: 'Load', exact: true }).click();
		await loaded(page);
		await expect.poll(() => kpi(page, 'meetings')).toBe(3);
		expect(await kpi(page, 'participants')).toBe(18 + 22 + 9);
	});
});

/** Each bad fixture and a part of the sentence the analyst must see. */
const BAD: [string, string][] = [
	[
		'bad/outcomes.xlsx',
		'outcomes.xlsx is not a CSV or Parquet file: it is a ZIP archive or an Excel workbook'
	],
	['bad/image.csv', 'image.csv is not a CSV or Parquet file (it contains binary data).'],
	['bad/empty.csv', 'empty.csv is empty.'],
	['bad/meetings-header-only.csv', 'meetings-header-only.csv has a header but no data rows.'],
	[
		'bad/outcomes-truncated.parquet',
		'outcomes-truncated.parquet is a Parquet file that is truncated'
	],
	['bad/no-table.csv', 'no-table.csv was not loaded: its header (name, email, phone) fits none'],
	['bad/meetings-missing-date.csv', 'it looks like meetings; missing date.'],
	['bad/meetings-ragged.csv', 'meetings-ragged.csv, row 3: row has 4 fields, the header has 6'],
	[
		'bad/meetings-not-a-number.csv',
		'meetings-not-a-number.csv, row 3, meeting_no: not a whole number'
	],
	['bad/meetings-negative-count.csv', 'row 2, participants: negative count'],
	['bad/meetings-unknown-format.csv', 'row 2, format: unknown value'],
	['bad/outcomes-unknown-status.csv', 'row 2, status: unknown value'],
	['bad/outcomes-unknown-sector.csv', 'row 3, sectors: unknown sector code(s): ITU-X'],
	['bad/meetings-duplicate-key.csv', 'row 4, meeting_no: duplicate meeting_no'],
	['bad/meetings-impossible-date.csv', 'row 2, date: not a valid date'],
	['bad/meetings-blank-line.csv', 'row 4, participants: not a whole number']
];

describe('bad files', () => {
	test('each bad file shows its sentence in an alert and the previous numbers stay', async () => {
		const page = await fresh();
		const before = await kpis(page);
		for (const [file, message] of BAD) {
			await upload(page, [file]);
			await page.getByRole('alert').filter({ hasText: message }).waitFor();
			expect(await kpis(page), file).toEqual(before);
			const cancel = page.getByRole('button', { name: 'Cancel', exact: true });
			if (await cancel.isVisible()) await cancel.click();
		}
		await expect(badge(page).textContent()).resolves.toContain('Sample data');
	});

	test('a file too big for the tab is refused with a sentence saying so; the numbers stay', async () => {
		const page = await fresh();
		const before = await kpis(page);
		// A sparse 1.2 GB file: instant to make, never read (its size alone is refused).
		const huge = path.join(repoPath('tests/.artifacts'), 'huge-outcomes.csv');
		mkdirSync(path.dirname(huge), { recursive: true });
		writeFileSync(huge, '');
		truncateSync(huge, 1_288_490_189);
		try {
			await page.getByLabel('Upload exports (CSV or Parquet)').setInputFiles(huge);
			await page
				.getByRole('alert')
				.filter({
					hasText: "huge-outcomes.csv (1,229 MB) is too big to load in this browser tab's memory"
				})
				.waitFor();
			expect(await kpis(page)).toEqual(before);
		} finally {
			rmSync(huge, { force: true });
		}
	});

	test('warnings do not stop a load: an unknown theme is reported, and a javascript: link dropped', async () => {
		const page = await fresh();
		await upload(page, ['bad/outcomes-orphans.csv', 'bad/themes-javascript-link.csv']);
		await loaded(page);
		const problems = page.getByRole('region', { name: 'Load result' });
		await expect(problems.textContent()).resolves.toContain('no loaded theme has this theme_id');
		await expect(problems.textContent()).resolves.toContain('javascript:alert(1)');
		await expect(page.locator('a[href^="javascript:"]').count()).resolves.toBe(0);
		await expect.poll(() => kpi(page, 'outcomes')).toBe(3);
	});

	test('hostile text is shown as text, never as HTML', async () => {
		const page = await fresh();
		await page.getByLabel('Check files before loading').check();
		await upload(page, ['bad/themes-sql-text.csv']);
		const preview = page.getByRole('table', { name: /First rows of themes-sql-text/ });
		await expect(preview.textContent()).resolves.toContain('<img src=x onerror=alert(1)>');
		await expect(page.locator('img[src="x"]').count()).resolves.toBe(0);
		await page.getByRole('button', { name: 'Load', exact: true }).click();
		await loaded(page);
		await expect.poll(() => kpi(page, 'themes')).toBe(2);
		expect(await kpi(page, 'meetings')).toBe(46);
	});
});

describe('recognition', () => {
	test('a partial outcomes export named themes.parquet is refused by name and the themes stay', async () => {
		const page = await fresh();
		const before = await kpis(page);
		const dir = repoPath('tests/.artifacts');
		mkdirSync(dir, { recursive: true });
		const file = path.join(dir, 'themes.parquet');
		writeFileSync(file, 'outcome_id,theme_id,title\nO-900,accessibility,Partial export\n');
		await page.getByLabel('Upload exports (CSV or Parquet)').setInputFiles(file);
		const alert = page.getByRole('alert').filter({ hasText: 'Nothing was loaded' });
		await alert
			.filter({
				hasText: 'themes.parquet was not loaded: it looks like outcomes; missing date, status'
			})
			.waitFor();
		await expect(alert.textContent()).resolves.toContain(
			'themes.parquet is named as Parquet but holds CSV; it was read as CSV.'
		);
		expect(await kpis(page)).toEqual(before);
		await page.getByRole('button', { name: 'Cancel', exact: true }).click();
		await alert.waitFor({ state: 'detached' });
		expect(await kpis(page)).toEqual(before);
		expect(await kpi(page, 'themes')).toBeGreaterThan(1);
	});
});

describe('small screens', () => {
	test('the load report fits a 360 px screen: its tables scroll inside it, the page does not', async () => {
		const page = await fresh();
		await page.setViewportSize({ width: 360, height: 800 });
		const fits = () =>
			page.evaluate(() => document.scrollingElement!.scrollWidth <= window.innerWidth);
		await upload(page, ['bad/meetings-ragged.csv']);
		await page.getByRole('alert').filter({ hasText: 'row 3' }).waitFor();
		await page.locator('details[data-file="meetings-ragged.csv"] summary').click();
		expect(await fits()).toBe(true);
		await page.getByRole('button', { name: 'Cancel', exact: true }).click();
		await upload(page, ['bad/meetings-missing-date.csv']);
		await page.getByRole('alert').filter({ hasText: 'missing date' }).waitFor();
		expect(await fits()).toBe(true);
	});
});

describe('references stay whole', () => {
	test('replacing the meetings with one asks first; Cancel keeps all 46, confirming loads and keeps the warning', async () => {
		const page = await fresh();
		const before = await kpis(page);
		const dir = repoPath('tests/.artifacts');
		mkdirSync(dir, { recursive: true });
		const file = path.join(dir, 'meetings-one.csv');
		writeFileSync(file, 'meeting_no,date\n46,2024-01-02\n');
		const input = page.getByLabel('Upload exports (CSV or Parquet)');
		const dialog = page.getByRole('dialog', { name: 'Load anyway?' });
		await input.setInputFiles(file);
		await dialog.waitFor();
		await expect(dialog.textContent()).resolves.toContain('meetings: 46 rows now, 1 after Replace');
		await expect(dialog.textContent()).resolves.toMatch(
			/outcomes rows whose meeting_no would match no meetings row: \d+ \(for example/
		);
		await dialog.getByRole('button', { name: 'Cancel and keep the current data' }).click();
		await dialog.waitFor({ state: 'hidden' });
		expect(await kpis(page)).toEqual(before);
		expect(await kpi(page, 'meetings')).toBe(46);
		await expect.poll(() => input.isEnabled()).toBe(true);
		await input.setInputFiles(file);
		await dialog.getByRole('button', { name: 'Load anyway' }).click();
		await page.getByRole('alert').filter({ hasText: 'Loaded as you confirmed' }).waitFor();
		await expect.poll(() => kpi(page, 'meetings')).toBe(1);
	});
});

describe('choices', () => {
	test('a column the header does not name can be mapped by hand, then the file loads', async () => {
		const page = await fresh();
		await upload(page, ['bad/meetings-unrecognised-date.csv']);
		await page
			.getByRole('alert')
			.filter({ hasText: 'it looks like meetings; missing date' })
			.waitFor();
		await page.getByLabel('File column for date').selectOption({ label: 'Held on' });
		await page.getByRole('status').filter({ hasText: 'Check how' }).waitFor();
		const row = page.locator('details[data-file="meetings-unrecognised-date.csv"] tr.manual');
		await expect(row.textContent()).resolves.toContain('by hand');
		expect(await seriousA11yViolations(page)).toEqual([]);
		await page.getByRole('button', { name: 'Load', exact: true }).click();
		await loaded(page);
		await expect.poll(() => kpi(page, 'meetings')).toBe(2);
		expect(await kpi(page, 'participants')).toBe(70);
	});

	test('append adds rows and rejects a key already loaded; the valid rows load on request', async () => {
		const page = await fresh();
		await page.getByRole('radio', { name: 'Append rows' }).first().check();
		await upload(page, ['good/meetings-append.csv']);
		await page.getByRole('alert').filter({ hasText: 'duplicate meeting_no' }).waitFor();
		expect(await kpi(page, 'meetings')).toBe(46);
		await page.getByRole('button', { name: 'Load the valid rows' }).click();
		await loaded(page);
		await expect.poll(() => kpi(page, 'meetings')).toBe(48);
	});

	test('Cancel during a running statement returns within a second and leaves the previous numbers', async () => {
		const page = await fresh();
		const before = await kpis(page);
		const big = bigOutcomes(1_000_000);
		await page.getByLabel('Upload exports (CSV or Parquet)').setInputFiles(big);
		const progress = page.getByRole('region', { name: 'Load progress' });
		// Checking runs in DuckDB (one long statement reads and types the file).
		await page.locator('section.progress[data-stage="validating"]').waitFor({ timeout: 60_000 });
		const cancel = progress.getByRole('button', { name: 'Cancel loading' });
		const started = Date.now();
		await cancel.click();
		await page.getByRole('status').filter({ hasText: 'Loading was cancelled' }).waitFor();
		expect(Date.now() - started).toBeLessThan(1000);
		expect(await kpis(page)).toEqual(before);
		await expect
			.poll(() => page.getByLabel('Upload exports (CSV or Parquet)').isEnabled())
			.toBe(true);
	});
});

describe('durable', () => {
	test('a reload keeps the uploaded data; "Reset to sample data" brings the sample back', async () => {
		const page = await fresh();
		await upload(page, DIALECTS);
		await loaded(page);
		await expectDialectKpis(page);
		await page.reload();
		await page.locator(CONFIRMED_KPI).waitFor({ timeout: 60_000 });
		await expectDialectKpis(page);
		await expect(badge(page).textContent()).resolves.toContain('Uploaded');
		await page.getByRole('button', { name: 'Reset to sample data' }).click();
		await expect.poll(() => kpi(page, 'meetings')).toBe(46);
		await page.reload();
		await page.locator(CONFIRMED_KPI).waitFor({ timeout: 60_000 });
		await expect(badge(page).textContent()).resolves.toContain('Sample data');
		expect(await kpi(page, 'meetings')).toBe(46);
	});

	test('a saved dataset that cannot be restored is said so, and the sample is shown', async () => {
		const page = await fresh();
		await upload(page, DIALECTS);
		await loaded(page);
		// Lose the stored files behind the app's back, as a browser clearing site data might.
		await page.evaluate(
			() =>
				new Promise<void>((resolve, reject) => {
					const open = indexedDB.open('intersect');
					open.onsuccess = () => {
						const tx = open.result.transaction('files', 'readwrite');
						tx.objectStore('files').clear();
						tx.oncomplete = () => (open.result.close(), resolve());
						tx.onerror = () => reject(tx.error);
					};
				})
		);
		await page.reload();
		await page
			.getByRole('alert')
			.filter({ hasText: 'Your saved dataset could not be restored' })
			.waitFor({ timeout: 60_000 });
		await expect.poll(() => kpi(page, 'meetings')).toBe(46);
		await expect(badge(page).textContent()).resolves.toContain('Sample data');
	});

	test('the uploaded data survives closing and reopening the browser', async () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'intersect-profile-'));
		try {
			let page = await app.persistent(dir);
			await upload(page, DIALECTS);
			await loaded(page);
			await page.context().close();
			page = await app.persistent(dir);
			await expectDialectKpis(page);
			await page.context().close();
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	test('a full storage quota is reported, not silent; the load itself still happens', async (ctx) => {
		const page = await fresh();
		if (!(await limitQuota(page, app.origin, 1)))
			return ctx.skip('this Chromium ignores quota overrides');
		await upload(page, DIALECTS);
		await loaded(page);
		await page.getByRole('alert').filter({ hasText: 'storage is full' }).waitFor();
		await expectDialectKpis(page);
	});
});

/** A generated outcomes CSV of `n` rows in the git-ignored tests/.artifacts (for cancel). */
function bigOutcomes(n: number): string {
	const dir = repoPath('tests/.artifacts');
	mkdirSync(dir, { recursive: true });
	const file = path.join(dir, `outcomes-${n}.csv`);
	const lines = ['outcome_id,meeting_no,date,theme_id,title,type,status,lead_sector,sectors'];
	for (let i = 0; i < n; i++)
		lines.push(
			`G-${i},${1 + (i % 46)},2020-01-01,gender,Generated outcome ${i},action,planned,GS,GS;BR`
		);
	writeFileSync(file, lines.join('\n'));
	return file;
}

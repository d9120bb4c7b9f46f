import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import { strFromU8, unzipSync } from 'fflate';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { referenceKpis } from '../helpers/reference';
import { writeWideOutcomes } from '../helpers/wide-parquet';
import { serveSite } from './bundle-server';
import {
	CONFIRMED_KPI,
	fixturePath,
	kpi,
	kpis,
	launchChromium,
	repoPath,
	waitForLoaded
} from './harness';

const BUILD = repoPath('build');
const FORMAT = 'intersect-dataset/1';
const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

let dir: string;
let browser: Browser;
let whole: Awaited<ReturnType<typeof serveSite>>;
let ranged: Awaited<ReturnType<typeof serveSite>>;
let expected: Record<string, number>;
let wideSize: number;
const contexts: { context: BrowserContext; outside: string[]; errors: string[] }[] = [];

/** Write bundle `name`: its files copied from `files` (path in bundle -> source) and a manifest. */
function writeBundle(name: string, files: Record<string, string>, manifest: object) {
	const at = path.join(dir, 'bundles', name);
	mkdirSync(at, { recursive: true });
	for (const [p, src] of Object.entries(files)) copyFileSync(src, path.join(at, p));
	writeFileSync(path.join(at, 'manifest.json'), JSON.stringify({ format: FORMAT, ...manifest }));
}

const INFO = {
	title: 'ISC-TF official figures',
	version: '2026.1',
	published: '2026-11-30',
	publisher: 'ISC-TF secretariat'
};

beforeAll(async () => {
	dir = mkdtempSync(path.join(tmpdir(), 'intersect-bundles-'));
	const outcomesParquet = path.join(dir, 'outcomes.parquet');
	const db = await DuckDBInstance.create(':memory:');
	const c = await db.connect();
	await c.run(
		`COPY (SELECT * FROM read_csv('${repoPath('data/outcomes.csv')}', all_varchar = true)) TO '${outcomesParquet}' (FORMAT parquet)`
	);
	c.closeSync();
	db.closeSync();
	const files = {
		'meetings.csv': repoPath('data/meetings.csv'),
		'outcomes.parquet': outcomesParquet
	};
	writeBundle('official', files, {
		...INFO,
		files: [
			{ path: 'meetings.csv', sha256: sha(files['meetings.csv']) },
			{ path: 'outcomes.parquet', table: 'outcomes', sha256: sha(outcomesParquet) }
		]
	});
	// No hash for the Parquet file: where the server takes range requests, it is read by ranges,
	// only the contract's columns (its large `notes` column stays on the server).
	const wide = path.join(dir, 'outcomes-wide.parquet');
	wideSize = await writeWideOutcomes(wide);
	writeBundle(
		'unhashed',
		{ ...files, 'outcomes.parquet': wide },
		{
			...INFO,
			title: 'Unhashed',
			files: [{ path: 'meetings.csv' }, { path: 'outcomes.parquet', table: 'outcomes' }]
		}
	);
	writeBundle('slow', files, {
		...INFO,
		title: 'Over a slow link',
		files: [{ path: 'meetings.csv' }, { path: 'outcomes.parquet', table: 'outcomes' }]
	});
	writeBundle('missing', files, {
		...INFO,
		files: [{ path: 'meetings.csv' }, { path: 'themes-2026.csv' }]
	});
	writeBundle('tampered', files, {
		...INFO,
		files: [{ path: 'meetings.csv', sha256: '0'.repeat(64) }]
	});
	writeBundle(
		'invalid',
		{ 'meetings.csv': fixturePath('bad/meetings-negative-count.csv') },
		{ ...INFO, files: [{ path: 'meetings.csv' }] }
	);
	const mounts = { '/bundles/': path.join(dir, 'bundles') };
	whole = await serveSite({ app: BUILD, mounts, ranges: false });
	ranged = await serveSite({ app: BUILD, mounts, ranges: true });
	browser = await launchChromium();
	expected = await referenceKpis({
		meetings: repoPath('data/meetings.csv'),
		themes: repoPath('data/themes.csv'),
		outcomes: repoPath('data/outcomes.csv')
	});
});

afterAll(async () => {
	await browser?.close();
	await whole?.close();
	await ranged?.close();
	rmSync(dir, { recursive: true, force: true });
});

afterEach(async () => {
	const done = contexts.splice(0);
	for (const c of done) await c.context.close();
	for (const c of done) {
		expect(c.outside, 'requests outside the allowed origins').toEqual([]);
		expect(c.errors, 'page errors').toEqual([]);
	}
});

/** A fresh profile that may reach `origins` only; any other request is aborted and recorded. */
async function profile(...origins: string[]): Promise<BrowserContext> {
	const context = await browser.newContext({ acceptDownloads: true });
	const outside: string[] = [];
	const errors: string[] = [];
	await context.route('**/*', (route) => {
		const u = route.request().url();
		if (/^(data|blob):/.test(u) || origins.some((o) => u === o || u.startsWith(`${o}/`)))
			return route.continue();
		outside.push(u);
		return route.abort('blockedbyclient');
	});
	context.on('page', (p) => p.on('pageerror', (e) => errors.push(String(e))));
	contexts.push({ context, outside, errors });
	return context;
}

/** Open `url` in `context` and wait until the dashboard shows a published dataset. */
async function openPublished(context: BrowserContext, url: string): Promise<Page> {
	const page = await context.newPage();
	await page.goto(url);
	await page.locator('[data-dataset="published"]').waitFor({ timeout: 60_000 });
	await page.locator(CONFIRMED_KPI).waitFor({ timeout: 60_000 });
	return page;
}

const fpOf = async (page: Page) => {
	await expect
		.poll(() => new URL(page.url()).searchParams.get('fp'), { timeout: 30_000 })
		.toMatch(/^[0-9a-f]{8}$/);
	return new URL(page.url()).searchParams.get('fp')!;
};

/** The alert of a failed load, once it shows. */
async function loadAlert(page: Page): Promise<string> {
	const alert = page.getByRole('region', { name: 'Load result' }).getByRole('alert');
	await alert.waitFor({ timeout: 60_000 });
	return (await alert.textContent()) ?? '';
}

describe('published datasets', () => {
	test('a bundle served beside the app (one CSV, one Parquet) opens by URL in a fresh profile with its title and the right numbers', async () => {
		const page = await openPublished(
			await profile(whole.origin),
			`${whole.origin}/?dataset=bundles/official/manifest.json`
		);
		const badge = page.locator('[data-dataset="published"]');
		await expect.poll(() => badge.locator('[data-title]').textContent()).toBe(INFO.title);
		expect(await badge.textContent()).toContain('version 2026.1');
		expect(await badge.textContent()).toContain('30 Nov 2026');
		for (const id of ['meetings', 'outcomes', 'participants'])
			await expect.poll(() => kpi(page, id)).toBe(expected[id]);
		// The bundle has no themes or attendance: those tables are empty, not the sample's.
		expect(await badge.locator('[data-table="themes"]').getAttribute('data-rows')).toBe('0');
		const url = new URL(page.url());
		expect(url.searchParams.get('dataset')).toBe('bundles/official/manifest.json');
		const fp = await fpOf(page);
		// The report opened from the navigation shows the same data: it carries both.
		const report = page.getByRole('navigation').getByRole('link', { name: 'Report' });
		await expect
			.poll(async () =>
				Object.fromEntries(new URL((await report.getAttribute('href'))!, page.url()).searchParams)
			)
			.toEqual({ dataset: 'bundles/official/manifest.json', fp });
		// So does a chart's "Add to a report…" link, with its chart.
		const figure = page.locator('figure[data-chart="meetings-per-year"]');
		await figure.getByRole('button', { name: 'Export' }).click();
		const add = figure.getByRole('link', { name: 'Add to a report…' });
		const params = new URL((await add.getAttribute('href'))!, page.url()).searchParams;
		expect(Object.fromEntries(params)).toMatchObject({
			dataset: 'bundles/official/manifest.json',
			fp,
			charts: 'meetings-per-year'
		});
	});

	test('an unchanged bundle opened again is not downloaded again', async () => {
		const context = await profile(whole.origin);
		await openPublished(context, `${whole.origin}/?dataset=bundles/official/manifest.json`);
		const before = whole.log.length;
		await openPublished(context, `${whole.origin}/?dataset=bundles/official/manifest.json`);
		const again = whole.log.slice(before).filter((r) => r.path.startsWith('/bundles/official/'));
		expect(again.map((r) => r.path)).toEqual(['/bundles/official/manifest.json']);
		// Files without a hash are revalidated by their ETag: 304, no download.
		await openPublished(context, `${whole.origin}/?dataset=bundles/unhashed/manifest.json`);
		const mid = whole.log.length;
		await openPublished(context, `${whole.origin}/?dataset=bundles/unhashed/manifest.json`);
		const files = whole.log
			.slice(mid)
			.filter((r) => r.method === 'GET' && /^\/bundles\/unhashed\/.+\.(csv|parquet)$/.test(r.path));
		expect(files.map((r) => [r.path, r.status, r.bytes])).toEqual([
			['/bundles/unhashed/meetings.csv', 304, 0],
			['/bundles/unhashed/outcomes.parquet', 304, 0]
		]);
	});

	test('a server that takes range requests sends less than the Parquet file (its unused column stays there); one that sends whole files gives the same numbers and fingerprint', async () => {
		const results: (number | string)[][] = [];
		for (const server of [ranged, whole]) {
			const start = server.log.length;
			const page = await openPublished(
				await profile(server.origin),
				`${server.origin}/?dataset=bundles/unhashed/manifest.json`
			);
			results.push([
				await kpi(page, 'meetings'),
				await kpi(page, 'outcomes'),
				await kpi(page, 'participants'),
				await fpOf(page)
			]);
			const parquet = server.log
				.slice(start)
				.filter((r) => r.path === '/bundles/unhashed/outcomes.parquet');
			const partial = parquet.filter((r) => r.status === 206);
			const sent = parquet.reduce((n, r) => n + r.bytes, 0);
			if (server === ranged) {
				expect(partial.length, 'range reads of the Parquet file').toBeGreaterThan(0);
				expect(parquet.filter((r) => r.status === 200 && r.method === 'GET')).toEqual([]);
				expect(sent, 'bytes of the Parquet file sent').toBeLessThan(wideSize / 2);
			} else {
				expect(partial).toEqual([]);
				expect(sent).toBe(wideSize);
			}
		}
		expect(results[0]!.slice(0, 3)).toEqual([
			expected.meetings,
			expected.outcomes,
			expected.participants
		]);
		expect(results[1]).toEqual(results[0]);
	});

	test('a bundle on a second origin without CORS fails with a message naming that origin and CORS; the sample stays', async () => {
		const other = await serveSite({
			app: null,
			mounts: { '/bundles/': path.join(dir, 'bundles') },
			ranges: false,
			cors: false
		});
		try {
			const context = await profile(whole.origin, other.origin);
			const page = await context.newPage();
			await page.goto(
				`${whole.origin}/?dataset=${encodeURIComponent(`${other.origin}/bundles/official/manifest.json`)}`
			);
			const text = await loadAlert(page);
			expect(text).toContain(`could not be fetched from ${other.origin}`);
			expect(text).toContain('CORS');
			await page.locator('[data-dataset="sample"]').waitFor();
		} finally {
			await other.close();
		}
	});

	test('the same bundle on a second origin with CORS opens', async () => {
		const other = await serveSite({
			app: null,
			mounts: { '/bundles/': path.join(dir, 'bundles') },
			ranges: false,
			cors: true
		});
		try {
			const page = await openPublished(
				await profile(whole.origin, other.origin),
				`${whole.origin}/?dataset=${encodeURIComponent(`${other.origin}/bundles/official/manifest.json`)}`
			);
			await expect.poll(() => kpi(page, 'outcomes')).toBe(expected.outcomes);
		} finally {
			await other.close();
		}
	});

	test.each([
		['missing', 'bundles/missing', 'themes-2026.csv: the server answered 404'],
		['tampered', 'bundles/tampered', 'meetings.csv is not the file the manifest describes'],
		['invalid', 'bundles/invalid', 'meetings.csv, row '],
		['not there', 'nowhere', 'manifest.json: the server sent a web page instead']
	])(
		'a link to a bundle that is %s says why in one sentence naming the file, over the sample',
		async (_, folder, sentence) => {
			const page = await (await profile(whole.origin)).newPage();
			await page.goto(`${whole.origin}/?dataset=${folder}/manifest.json`);
			expect(await loadAlert(page)).toContain(sentence);
			await page.locator('[data-dataset="sample"]').waitFor();
		}
	);

	test('the site default opens on the plain URL; the Datasets menu switches, and a broken dataset leaves the shown one', async () => {
		const index = path.join(dir, 'site');
		mkdirSync(index, { recursive: true });
		writeFileSync(
			path.join(index, 'index.json'),
			JSON.stringify({
				datasets: [
					{ title: INFO.title, manifest: '../bundles/official/manifest.json' },
					{ title: 'Broken export', manifest: '../bundles/missing/manifest.json' }
				]
			})
		);
		const site = await serveSite({
			app: BUILD,
			mounts: { '/bundles/': path.join(dir, 'bundles'), '/datasets/': index },
			ranges: true
		});
		try {
			const page = await openPublished(await profile(site.origin), `${site.origin}/`);
			expect(new URL(page.url()).searchParams.get('dataset')).toBe(
				'bundles/official/manifest.json'
			);
			const outcomes = await kpi(page, 'outcomes');
			const menu = page.getByRole('group', { name: 'Choose a dataset' });
			await page.getByRole('button', { name: 'Datasets' }).click();
			await expect
				.poll(() => menu.getByRole('button').allTextContents())
				.toEqual([
					`${INFO.title}`,
					'Broken export',
					'Sample data',
					'My uploads (none saved in this browser)',
					'Publish…'
				]);
			await menu.getByRole('button', { name: 'Broken export' }).click();
			expect(await loadAlert(page)).toContain('themes-2026.csv: the server answered 404');
			expect(await page.locator('[data-dataset="published"] [data-title]').textContent()).toBe(
				INFO.title
			);
			expect(await kpi(page, 'outcomes')).toBe(outcomes);
			await page.getByRole('button', { name: 'Datasets' }).click();
			await menu.getByRole('button', { name: 'Sample data' }).click();
			await page.locator('[data-dataset="sample"]').waitFor({ timeout: 60_000 });
			await expect.poll(() => new URL(page.url()).searchParams.get('dataset')).toBe('sample');
		} finally {
			await site.close();
		}
	});

	test('a view link made on uploaded data, opened in a fresh profile, says the data is missing instead of showing other numbers', async () => {
		const page = await (await profile(whole.origin)).newPage();
		await page.goto(`${whole.origin}/`);
		await page.locator(CONFIRMED_KPI).waitFor({ timeout: 60_000 });
		await page
			.getByLabel('Upload exports (CSV or Parquet)', { exact: true })
			.setInputFiles(fixturePath('good/meetings-bom-crlf.csv'));
		await waitForLoaded(page);
		await page.getByLabel('Sector', { exact: true }).selectOption('BDT');
		const fp = await fpOf(page);
		expect(new URL(page.url()).searchParams.get('sector')).toBe('BDT');
		const link = page.url();

		const other = await (await profile(whole.origin)).newPage();
		await other.goto(link);
		const notice = other.locator('[data-link-notice="differs"]');
		await notice.waitFor({ timeout: 60_000 });
		expect(await notice.textContent()).toContain(
			`This link was made with data you don’t have: dataset fingerprint ${fp}`
		);
		expect(await other.locator('[data-kpi]').count()).toBe(0);
		await notice.getByRole('button', { name: 'Show my data instead' }).click();
		await other.locator(CONFIRMED_KPI).waitFor();
		await expect.poll(() => new URL(other.url()).searchParams.get('fp')).toBeNull();
		expect(new URL(other.url()).searchParams.get('sector')).toBe('BDT');
	});

	test('an upload on top of a published dataset is “your copy” of it, also after a reload, and Undo goes back to the published dataset', async () => {
		const page = await openPublished(
			await profile(whole.origin),
			`${whole.origin}/?dataset=bundles/official/manifest.json`
		);
		await page
			.getByLabel('Upload exports (CSV or Parquet)', { exact: true })
			.setInputFiles(fixturePath('good/meetings-bom-crlf.csv'));
		await waitForLoaded(page);
		const copy = page.locator('[data-dataset="your-copy"]');
		await copy.waitFor();
		expect(await copy.locator('[data-title]').textContent()).toBe(INFO.title);
		// The address follows the data: a link of "your copy" carries its fingerprint only.
		await expect.poll(() => new URL(page.url()).searchParams.get('dataset')).toBeNull();
		const fp = await copy.getAttribute('data-fingerprint');
		expect(fp).toMatch(/^[0-9a-f]{8}$/);
		expect(await fpOf(page)).toBe(fp);
		// The figures of the upload, not the published dataset's still shown while they are queried.
		await page.locator(CONFIRMED_KPI).waitFor({ timeout: 60_000 });
		const numbers = await kpis(page);
		expect(numbers).not.toEqual([]);
		expect(await kpi(page, 'outcomes')).toBe(expected.outcomes);

		await page.reload();
		await copy.waitFor({ timeout: 60_000 });
		await page.locator(CONFIRMED_KPI).waitFor({ timeout: 60_000 });
		expect(await page.locator('[data-dataset="published"]').count()).toBe(0);
		expect(await copy.locator('[data-title]').textContent()).toBe(INFO.title);
		// Restored over the published dataset (no themes), not over the sample (13 themes).
		expect(await copy.locator('[data-table="themes"]').getAttribute('data-rows')).toBe('0');
		await expect.poll(() => copy.getAttribute('data-fingerprint'), { timeout: 30_000 }).toBe(fp);
		await page.locator(CONFIRMED_KPI).waitFor({ timeout: 60_000 });
		expect(await kpis(page)).toEqual(numbers);
		// Away to the sample and back to "My uploads": "your copy" again, over the published data.
		const menu = page.getByRole('group', { name: 'Choose a dataset' });
		await page.getByRole('button', { name: 'Datasets' }).click();
		await menu.getByRole('button', { name: 'Sample data' }).click();
		await page.locator('[data-dataset="sample"]').waitFor({ timeout: 60_000 });
		await page.getByRole('button', { name: 'Datasets' }).click();
		await menu.getByRole('button', { name: /^My uploads/ }).click();
		await copy.waitFor({ timeout: 60_000 });
		await expect.poll(() => copy.getAttribute('data-fingerprint')).toBe(fp);
		expect(await copy.locator('[data-title]').textContent()).toBe(INFO.title);

		await page.getByRole('button', { name: 'Undo last load' }).click();
		await page.locator('[data-dataset="published"]').waitFor({ timeout: 60_000 });
		await expect.poll(() => kpi(page, 'meetings')).toBe(expected.meetings);
		expect(await kpi(page, 'outcomes')).toBe(expected.outcomes);
		await expect
			.poll(() => new URL(page.url()).searchParams.get('dataset'))
			.toBe('bundles/official/manifest.json');
		const history = page.locator('details[data-versions]');
		expect(await history.locator('li.current').textContent()).toContain(INFO.title);
	});

	test('publish, serve, open: the bundle made in the app opens elsewhere with the same fingerprint and numbers', async () => {
		const page = await (await profile(whole.origin)).newPage();
		await page.goto(`${whole.origin}/`);
		await page.locator(CONFIRMED_KPI).waitFor({ timeout: 60_000 });
		await page.getByRole('button', { name: 'Datasets' }).click();
		await page.getByRole('button', { name: 'Publish…' }).click();
		const dialog = page.getByRole('dialog', { name: 'Publish the loaded dataset' });
		await dialog.getByLabel('Title').fill('Published sample');
		await dialog.getByLabel('Version').fill('7');
		await dialog.getByLabel('Publisher').fill('Test desk');
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			dialog.getByRole('button', { name: 'Download bundle (.zip)' }).click()
		]);
		expect(download.suggestedFilename()).toBe('published-sample-7.zip');
		const status = dialog.locator('[data-published="yes"]');
		await status.waitFor();
		const made = /fingerprint ([0-9a-f]{8})/.exec((await status.textContent()) ?? '')![1]!;
		const zip = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
		for (const [name, bytes] of Object.entries(zip)) {
			const to = path.join(dir, 'bundles', name);
			mkdirSync(path.dirname(to), { recursive: true });
			writeFileSync(to, bytes);
		}
		const manifest = JSON.parse(strFromU8(zip['published-sample-7/manifest.json']!));
		expect(manifest.fingerprint).toBe(made);
		const sampleKpis = [await kpi(page, 'meetings'), await kpi(page, 'outcomes')];

		const opened = await openPublished(
			await profile(whole.origin),
			`${whole.origin}/?dataset=bundles/published-sample-7/manifest.json`
		);
		expect(await fpOf(opened)).toBe(made);
		expect([await kpi(opened, 'meetings'), await kpi(opened, 'outcomes')]).toEqual(sampleKpis);
		expect(await opened.locator('[data-title]').textContent()).toBe('Published sample');
	});

	test('a bundle made by `npm run dataset:bundle` from the sample files opens in a fresh profile with the sample’s numbers and fingerprint', async () => {
		const out = path.join(dir, 'bundles', 'cli');
		const csv = ['meetings', 'themes', 'outcomes', 'attendance'].map((t) =>
			repoPath(`data/${t}.csv`)
		);
		const args = ['--title', 'From the export job', '--version', '3', '--publisher', 'Export job'];
		const { stdout } = await promisify(execFile)(
			'npm',
			['run', '--silent', 'dataset:bundle', '--', ...args, '--out', out, ...csv],
			{ cwd: repoPath('.') }
		);
		const printed = /fingerprint ([0-9a-f]{8})/.exec(stdout)?.[1];

		const page = await (await profile(whole.origin)).newPage();
		await page.goto(`${whole.origin}/`);
		const sample = page.locator('[data-dataset="sample"]');
		await page.locator(CONFIRMED_KPI).waitFor({ timeout: 60_000 });
		await expect
			.poll(() => sample.getAttribute('data-fingerprint'), { timeout: 30_000 })
			.toMatch(/^[0-9a-f]{8}$/);
		const sampleFp = await sample.getAttribute('data-fingerprint');
		const sampleKpis = await kpis(page);

		const opened = await openPublished(
			await profile(whole.origin),
			`${whole.origin}/?dataset=bundles/cli/manifest.json`
		);
		expect(await opened.locator('[data-title]').textContent()).toBe('From the export job');
		expect(await fpOf(opened)).toBe(sampleFp);
		expect(printed).toBe(sampleFp);
		expect(await kpis(opened)).toEqual(sampleKpis);
	});

	test('Cancel during a slow bundle fetch stops it, and the dataset shown stays', async () => {
		const index = path.join(dir, 'slow-site');
		mkdirSync(index, { recursive: true });
		writeFileSync(
			path.join(index, 'index.json'),
			JSON.stringify({
				datasets: [
					{ title: INFO.title, manifest: '../bundles/official/manifest.json' },
					{ title: 'Over a slow link', manifest: '../bundles/slow/manifest.json' }
				]
			})
		);
		const site = await serveSite({
			app: BUILD,
			mounts: { '/bundles/': path.join(dir, 'bundles'), '/datasets/': index },
			ranges: false,
			hold: '/bundles/slow/meetings.csv'
		});
		try {
			const page = await openPublished(await profile(site.origin), `${site.origin}/`);
			const before = await kpis(page);
			await page.getByRole('button', { name: 'Datasets' }).click();
			await page
				.getByRole('group', { name: 'Choose a dataset' })
				.getByRole('button', { name: 'Over a slow link' })
				.click();
			// Half of meetings.csv has arrived; the rest waits for release().
			const progress = page.locator('[data-stage="reading"]');
			await progress.getByText('Reading meetings.csv').waitFor({ timeout: 60_000 });
			expect(site.log.some((r) => r.path === '/bundles/slow/meetings.csv')).toBe(true);
			await progress.getByRole('button', { name: 'Cancel loading' }).click();
			await page
				.getByRole('region', { name: 'Load result' })
				.getByText('Loading was cancelled. The dashboard still shows the previous data.')
				.waitFor({ timeout: 30_000 });
			await page.locator('[data-stage]').waitFor({ state: 'detached' });
			expect(await page.locator('[data-dataset="published"] [data-title]').textContent()).toBe(
				INFO.title
			);
			expect(await kpis(page)).toEqual(before);
			expect(new URL(page.url()).searchParams.get('dataset')).toBe(
				'bundles/official/manifest.json'
			);
			expect(site.log.some((r) => r.path === '/bundles/slow/outcomes.parquet')).toBe(false);
		} finally {
			site.release();
			await site.close();
		}
	});
});

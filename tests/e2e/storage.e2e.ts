/**
 * The saved dataset in Chromium: every load is a version that "Undo last load" and the history
 * bring back exactly (by fingerprint), also after a reload; a full storage quota never loses
 * the dataset saved before; a tab killed while saving keeps a whole version.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import {
	CONFIRMED_KPI,
	confirmLoad,
	fixturePath,
	kpi,
	limitQuota,
	repoPath,
	useApp,
	waitForLoaded
} from './harness';

const app = useApp();

const upload = (page: Page, files: string[]) =>
	page
		.getByLabel('Upload exports (CSV or Parquet)')
		.setInputFiles(files.map((f) => (path.isAbsolute(f) ? f : fixturePath(f))));
const badge = (page: Page) => page.getByRole('region', { name: 'Loaded dataset' });
const fingerprint = async (page: Page) =>
	(await badge(page).getAttribute('data-fingerprint')) ?? '';

/** Wait until the dashboard shows a dataset other than the one with fingerprint `old`. */
async function changedFrom(page: Page, old: string): Promise<string> {
	await expect.poll(() => fingerprint(page), { timeout: 60_000 }).not.toBe(old);
	await expect.poll(() => fingerprint(page), { timeout: 60_000 }).not.toBe('');
	return fingerprint(page);
}

/** Wait until the dashboard is ready again (after a reload, an undo, a switch). */
async function settled(page: Page): Promise<void> {
	await page.locator(CONFIRMED_KPI).waitFor({ timeout: 60_000 });
	await expect
		.poll(() => page.getByLabel('Upload exports (CSV or Parquet)', { exact: true }).isEnabled(), {
			timeout: 60_000
		})
		.toBe(true);
	await expect.poll(() => fingerprint(page), { timeout: 60_000 }).not.toBe('');
}

const undo = (page: Page) => page.getByRole('button', { name: 'Undo last load' });

/** A generated meetings CSV of about `mb` megabytes in the git-ignored tests/.artifacts. */
function bigMeetings(mb: number): string {
	const dir = repoPath('tests/.artifacts');
	mkdirSync(dir, { recursive: true });
	const file = path.join(dir, `meetings-${mb}mb.csv`);
	const lines = ['meeting_no,date,location,participants'];
	for (let i = 1; lines.length * 40 < mb * 1e6; i++)
		lines.push(`${i},2021-01-01,Generated location number ${i},10`);
	writeFileSync(file, lines.join('\n'));
	return file;
}

describe('history and undo', () => {
	test('undo after a reload restores the exact previous fingerprint, and the history goes back to any version', async () => {
		const page = await app.dashboard();
		await settled(page);
		const sample = await fingerprint(page);
		await upload(page, ['good/meetings-semicolon.csv']);
		await waitForLoaded(page);
		const first = await changedFrom(page, sample);
		await upload(page, ['good/themes-comma.csv']);
		await waitForLoaded(page);
		const second = await changedFrom(page, first);
		await page.reload();
		await settled(page);
		expect(await fingerprint(page)).toBe(second);

		await undo(page).click();
		expect(await changedFrom(page, second)).toBe(first);
		await page.reload();
		await settled(page);
		expect(await fingerprint(page)).toBe(first);
		await undo(page).click();
		expect(await changedFrom(page, first)).toBe(sample);
		await expect.poll(() => kpi(page, 'meetings'), { timeout: 60_000 }).toBe(46);
		expect(await undo(page).isDisabled()).toBe(true);

		const history = page.locator('details.history');
		await history.locator('summary').click();
		await history
			.locator(`li[data-fingerprint="${second}"]`)
			.getByRole('button', { name: 'Go back to this version' })
			.click();
		expect(await changedFrom(page, sample)).toBe(second);
	});
});

describe('storage that cannot lie', () => {
	test('a quota-limited profile never loses the dataset saved before a load too big to save', async (ctx) => {
		const page = await app.dashboard();
		await settled(page);
		if (!(await limitQuota(page, app.origin, 2 * 1024 * 1024)))
			return ctx.skip('this Chromium ignores quota overrides');
		await upload(page, ['good/meetings-semicolon.csv']);
		await waitForLoaded(page);
		const saved = await changedFrom(page, '');
		await upload(page, [bigMeetings(4)]);
		await page
			.getByRole('alert')
			.filter({ hasText: 'storage is full' })
			.waitFor({ timeout: 60_000 });
		const big = await changedFrom(page, saved);
		// A small load after the failed one: saving it must not name the big file it never stored.
		await upload(page, ['good/themes-comma.csv']);
		await confirmLoad(page);
		await page
			.getByRole('alert')
			.filter({ hasText: 'storage is full' })
			.waitFor({ timeout: 60_000 });
		await changedFrom(page, big);
		await page.reload();
		await settled(page);
		expect(await fingerprint(page)).toBe(saved);
		await expect(page.getByRole('alert').count()).resolves.toBe(0);
	});

	test('a tab killed while saving keeps the previous version, whole', async () => {
		const context = await app.profile();
		const page = await context.newPage();
		await page.goto(app.origin);
		await settled(page);
		await upload(page, ['good/meetings-semicolon.csv']);
		await waitForLoaded(page);
		const before = await fingerprint(page);
		// Another page of the profile holds the save lock, so the save is surely under way when
		// the tab dies (its "Saving…" state shows), whatever the machine's speed.
		const holder = await context.newPage();
		await holder.goto(`${app.origin}/404-lock-holder`);
		await holder.evaluate(() => {
			const w = window as unknown as { release: () => void };
			void navigator.locks.request(
				'intersect-save',
				() => new Promise<void>((r) => (w.release = r))
			);
		});
		await upload(page, ['good/themes-comma.csv']);
		await confirmLoad(page);
		await page.locator('main[data-saving="true"]').waitFor({ timeout: 60_000 });
		await page.getByRole('status').filter({ hasText: 'Saving' }).waitFor();
		const cdp = await context.newCDPSession(page);
		// The renderer dies at once; the command itself never gets an answer.
		void cdp.send('Page.crash').catch(() => undefined);
		await page.waitForEvent('crash');
		await holder.evaluate(() => (window as unknown as { release: () => void }).release());
		const next = await context.newPage();
		await next.goto(app.origin);
		await settled(next);
		expect(await fingerprint(next)).toBe(before);
		await expect(next.getByRole('alert').count()).resolves.toBe(0);
		await page.close().catch(() => undefined);
	});
});

describe('two tabs', () => {
	test('two tabs of one profile loading at once both keep their load, and each can show the other', async () => {
		const context = await app.profile();
		const open = async () => {
			const p = await context.newPage();
			await p.goto(app.origin);
			await settled(p);
			return p;
		};
		const [a, b] = [await open(), await open()];
		await Promise.all([
			upload(a, ['good/meetings-semicolon.csv']),
			upload(b, ['good/themes-comma.csv'])
		]);
		await Promise.all([waitForLoaded(a), waitForLoaded(b)]);
		// Whichever saved first is told by the other's announcement; the later save merged both.
		const offer = (p: Page) => p.locator('[data-elsewhere]');
		await expect
			.poll(async () => (await offer(a).count()) + (await offer(b).count()), { timeout: 60_000 })
			.toBeGreaterThan(0);
		const c = await open();
		const both = await badge(c).textContent();
		expect(both).toContain('meetings-semicolon.csv');
		expect(both).toContain('themes-comma.csv');
		const behind = (await offer(a).count()) ? a : b;
		await behind.getByRole('button', { name: 'Show it here' }).click();
		await expect.poll(() => fingerprint(behind), { timeout: 60_000 }).toBe(await fingerprint(c));
	});
});

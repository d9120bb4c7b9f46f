/**
 * Cold start and upload, timed in the page: engine start, navigation to first chart, and the
 * whole user path of an upload (file chooser -> decode -> stage -> validate -> commit -> save ->
 * every chart and KPI drawn), with the main thread's long tasks and the tab's peak memory.
 */
import { entries, openPage, sampleMemory } from './browser.mjs';

const FIRST_CHART_TIMEOUT = 120_000;
const INGEST_TIMEOUT = 600_000;

/** A fresh profile opens the dashboard on the bundled sample; times from the app's marks. */
export async function coldStart(browser, origin) {
	const { context, page, outside, errors } = await openPage(browser, origin);
	try {
		await page.goto(`${origin}/`);
		await page
			.waitForFunction(
				// The first chart may paint (from the kept snapshot) before the engine is ready.
				() =>
					['intersect:first-chart', 'intersect:engine-ready'].every(
						(n) => performance.getEntriesByName(n).length > 0
					),
				null,
				{
					timeout: FIRST_CHART_TIMEOUT,
					polling: 50
				}
			)
			.catch(async (e) => {
				const text = await page
					.locator('main')
					.innerText()
					.catch(() => '');
				throw new Error(
					`no first chart: ${e.message}; errors ${errors}; outside ${outside}; page: ${text.slice(0, 300)}`
				);
			});
		const at = async (n) => (await entries(page, n))[0]?.start ?? null;
		const [start, ready, first] = await Promise.all(
			['intersect:engine-start', 'intersect:engine-ready', 'intersect:first-chart'].map(at)
		);
		return {
			engineStartMs: ready - start,
			engineReadyAtMs: ready,
			coldStartMs: first,
			...{ outside, errors }
		};
	} finally {
		await context.close();
	}
}

/**
 * Reload the dashboard with the upload stored (the restore replays it): first chart and engine
 * ready, both from the reload's navigation, and when the engine's own figures replaced the kept ones.
 */
async function reloadRun(page) {
	await page.reload();
	await page.waitForFunction(
		() =>
			['intersect:first-chart', 'intersect:engine-ready'].every(
				(n) => performance.getEntriesByName(n).length > 0
			),
		null,
		{ timeout: INGEST_TIMEOUT, polling: 20 }
	);
	await page
		.locator('#dashboard[data-provisional="false"] [data-kpi="outcomes"]')
		.waitFor({ timeout: INGEST_TIMEOUT });
	const at = async (n) => (await entries(page, n))[0]?.start ?? null;
	const [first, ready] = await Promise.all(
		['intersect:first-chart', 'intersect:engine-ready'].map(at)
	);
	return {
		firstChartMs: first,
		engineReadyAtMs: ready,
		confirmedMs: await page.evaluate(() => performance.now())
	};
}

/** Wait for the KPIs to show `rows` (ok) or for the load to report an error (its text). */
async function waitForLoad(page, rows) {
	const handle = await page.waitForFunction(
		([outcomes, meetings]) => {
			const v = (id) => document.querySelector(`[data-kpi="${id}"]`)?.getAttribute('data-value');
			if (v('outcomes') === String(outcomes) && v('meetings') === String(meetings)) return 'ok';
			const alert = document.querySelector('section[aria-label="Load result"] [role="alert"]');
			return alert ? `load failed: ${alert.textContent?.trim()}` : false;
		},
		[rows.outcomes, rows.meetings],
		{ timeout: INGEST_TIMEOUT, polling: 100 }
	);
	const result = await handle.jsonValue();
	if (result !== 'ok') throw new Error(result);
}

/** The upload's in-page timeline: from the file input's change event to the charts' frame. */
function timeline() {
	const b = window.__bench;
	const start = b.inputs.find((i) => i.file && i.type === 'change')?.t ?? null;
	const after = b.loadedAt ?? start;
	const charts = performance
		.getEntriesByName('intersect:charts-updated')
		.map((e) => e.startTime)
		.find((t) => t > after);
	const stages = {};
	const seen = b.stages.filter((s) => s.t >= start);
	seen.forEach((s, i) => {
		const next = seen[i + 1]?.t ?? b.loadedAt ?? s.t;
		if (s.stage !== 'done') stages[s.stage] = (stages[s.stage] ?? 0) + next - s.t;
	});
	const during = b.longtasks.filter((l) => l.start + l.duration >= start && l.start <= charts);
	return {
		ingestMs: charts - start,
		savedMs: performance.now() - start,
		loadedMs: b.loadedAt - start,
		loadToChartsMs: charts - b.loadedAt,
		stagesMs: stages,
		longestTaskMs: Math.max(0, ...during.map((l) => l.duration)),
		longTasks: during.length
	};
}

/**
 * One upload of `files` (absolute paths, one set: CSV or Parquet) into a fresh profile through
 * the upload control, validation included. `after(page)` runs on the loaded dashboard (filter
 * clicks) before memory sampling stops. Returns the timeline, memory peaks and after's result.
 */
export async function ingestRun(browser, origin, { files, rows, after, reload = false }) {
	const { context, page, outside, errors } = await openPage(browser, origin);
	try {
		const memory = await sampleMemory(page);
		await page.goto(`${origin}/`);
		// The sample's own load settles (engine-confirmed, upload enabled) before the upload starts.
		await page
			.locator('#dashboard[data-provisional="false"] [data-kpi="outcomes"]')
			.waitFor({ timeout: FIRST_CHART_TIMEOUT });
		const control = page.getByLabel('Upload exports (CSV or Parquet)', { exact: true });
		await page.waitForFunction((el) => !el.disabled, await control.elementHandle(), {
			timeout: FIRST_CHART_TIMEOUT,
			polling: 50
		});
		await control.setInputFiles(files);
		await waitForLoad(page, rows);
		// The upload is saved (IndexedDB) after the charts show; the control is enabled again after.
		const upload = page.getByLabel('Upload exports (CSV or Parquet)', { exact: true });
		await page.waitForFunction((el) => !el.disabled, await upload.elementHandle(), {
			timeout: INGEST_TIMEOUT,
			polling: 50
		});
		// The charts' frame after "Loaded" is marked in a requestAnimationFrame: wait for it.
		await page.waitForFunction(
			() =>
				performance
					.getEntriesByName('intersect:charts-updated')
					.some((e) => e.startTime > (window.__bench.loadedAt ?? Infinity)),
			null,
			{ timeout: INGEST_TIMEOUT, polling: 20 }
		);
		const result = await page.evaluate(timeline);
		const ingestMemory = await memory.peek();
		const afterResult = after ? await after(page) : undefined;
		const memoryRun = await memory.stop();
		return {
			...result,
			memory: { ingest: ingestMemory, run: memoryRun },
			after: afterResult,
			reload: reload ? await reloadRun(page) : undefined,
			...{ outside, errors }
		};
	} finally {
		await context.close();
	}
}

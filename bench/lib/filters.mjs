/**
 * Filter-click latency on the loaded dashboard: a fixed script of user actions (the Sector,
 * Theme and Status menus, year bars, heatmap cells, removing the period chip), each timed in the
 * page from the input event to the frame in which every chart and KPI shows the new view
 * (the app's `intersect:charts-updated` mark), with the refresh's query time beside it.
 */

const STEP_TIMEOUT = 120_000;
// Quiet time after a refresh before the next action, to catch a second (unexpected) refresh.
const SETTLE_MS = 250;

/** The script: ≥ 20 actions over different sectors, themes and years; `theme` is a menu index. */
export const STEPS = [
	{ sector: 'BR' },
	{ sector: 'TSB' },
	{ sector: 'BDT' },
	{ sector: 'GS' },
	{ theme: 0 },
	{ theme: 3 },
	{ theme: 7 },
	{ sector: '' },
	{ theme: 12 },
	{ year: 2016 },
	{ removeChip: 'Period' },
	{ year: 2019 },
	{ removeChip: 'Period' },
	{ year: 2023 },
	{ status: 'completed' },
	{ status: 'in_progress' },
	{ status: '' },
	{ removeChip: 'Period' },
	{ theme: '' },
	{ cell: 5 },
	{ cell: 2 },
	{ sector: 'GS' },
	{ theme: 15 },
	{ year: 2020 },
	{ removeChip: 'Period' },
	{ sector: '' }
];

const describe = (s) => Object.entries(s).map(([k, v]) => `${k}=${v}`)[0];

async function act(page, step, themes) {
	const menu = (label) => page.getByLabel(label, { exact: true });
	if ('sector' in step) return menu('Sector').selectOption(step.sector);
	if ('status' in step) return menu('Status').selectOption(step.status);
	if ('theme' in step)
		return menu('Theme').selectOption(step.theme === '' ? '' : themes[step.theme % themes.length]);
	if ('year' in step)
		return page
			.locator(
				`figure[data-chart="meetings-per-year"] svg [data-mark][aria-label^="${step.year},"]`
			)
			.first()
			.click();
	if ('cell' in step) {
		const cells = page.locator('figure[data-chart="theme-sector-heatmap"] svg [data-mark]');
		return cells.nth(step.cell % (await cells.count())).click();
	}
	const name = new RegExp(`^Remove filter ${step.removeChip}`);
	return page.getByRole('button', { name }).click();
}

/** In the page: the refreshes since input event `i`, timed from that event. */
function since(i) {
	const input = window.__bench.inputs[i];
	const marks = performance
		.getEntriesByName('intersect:charts-updated')
		.filter((e) => e.startTime > input.t);
	const queries = performance
		.getEntriesByName('intersect:queries')
		.filter((e) => e.startTime >= input.t);
	return {
		refreshes: marks.length,
		latencyMs: marks.length ? marks[0].startTime - input.t : null,
		queriesMs: queries[0]?.duration ?? null,
		outcomes: Number(document.querySelector('[data-kpi="outcomes"]')?.getAttribute('data-value'))
	};
}

/** Run the script on a loaded dashboard; one entry per step with its URL and timings. */
export async function filterClicks(page, steps = STEPS) {
	await page.evaluate(() => window.__bench.stopWatching());
	const themes = await page
		.getByLabel('Theme', { exact: true })
		.locator('option')
		.evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
	const out = [];
	for (const step of steps) {
		const before = await page.evaluate(() => window.__bench.inputs.length);
		await act(page, step, themes);
		await page.waitForFunction(
			(i) => {
				const input = window.__bench.inputs[i];
				return (
					input &&
					performance
						.getEntriesByName('intersect:charts-updated')
						.some((e) => e.startTime > input.t)
				);
			},
			before,
			{ timeout: STEP_TIMEOUT, polling: 20 }
		);
		await page.waitForTimeout(SETTLE_MS);
		out.push({ step: describe(step), url: page.url(), ...(await page.evaluate(since, before)) });
	}
	return out;
}

/**
 * The PapaParse baseline: the same CSV files parsed in the same browser, on the main thread, as
 * a JavaScript-only loader would (header row, dynamic typing). The text is fetched and decoded
 * first and not timed: only Papa.parse is, a lower bound of such a loader's ingest.
 */
import { openPage } from './browser.mjs';

/** Parse `urls` (same-origin CSV) with PapaParse in a fresh page; milliseconds and rows. */
export async function papaParseRun(browser, origin, urls) {
	const { context, page } = await openPage(browser, origin);
	try {
		await page.goto(`${origin}/__bench/blank.html`);
		await page.addScriptTag({ url: '/__bench/papaparse.min.js' });
		return await page.evaluate(async (files) => {
			const texts = [];
			for (const f of files) texts.push(await (await fetch(f)).text());
			let rows = 0;
			const t0 = performance.now();
			for (const text of texts) {
				const r = window.Papa.parse(text, {
					header: true,
					dynamicTyping: true,
					skipEmptyLines: true
				});
				rows += r.data.length;
			}
			return { parseMs: performance.now() - t0, rows };
		}, urls);
	} finally {
		await context.close();
	}
}

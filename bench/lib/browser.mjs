/**
 * Headless Debian Chromium for the benchmark, launched as the e2e harness launches it, pages
 * that may only talk to the bench server, the in-page instrumentation, and memory sampling.
 */
import { chromium } from 'playwright-core';
import { CHROMIUM } from '../../tests/e2e/chromium.mjs';
import { tabRenderer } from './proc.mjs';

/** Chromium with the e2e harness's flags: no background traffic, no outside name lookups. */
export function launch() {
	return chromium.launch(CHROMIUM);
}

/**
 * Installed before the app runs: long tasks (main thread), the time of every change and click,
 * the progress bar's stages, and when the "Loaded" confirmation appears.
 */
function instrument() {
	const b = { longtasks: [], inputs: [], stages: [], loadedAt: null };
	window.__bench = b;
	new PerformanceObserver((list) => {
		for (const e of list.getEntries())
			b.longtasks.push({ start: e.startTime, duration: e.duration });
	}).observe({ type: 'longtask', buffered: true });
	const note = (e) =>
		b.inputs.push({ type: e.type, t: e.timeStamp, file: e.target?.type === 'file' });
	document.addEventListener('change', note, true);
	document.addEventListener('click', note, true);
	let stage = '';
	const watcher = new MutationObserver(() => {
		const s = document.querySelector('section[data-stage]')?.getAttribute('data-stage') ?? '';
		if (s !== stage) b.stages.push({ stage: s || 'done', t: performance.now() });
		stage = s;
		if (b.loadedAt !== null) return;
		const status = document.querySelector('section[aria-label="Load result"] [role="status"]');
		if (status?.textContent?.trim().startsWith('Loaded')) b.loadedAt = performance.now();
	});
	watcher.observe(document, { subtree: true, childList: true, attributes: true });
	// Filter latency is timed without a document-wide observer in the way.
	b.stopWatching = () => watcher.disconnect();
}

/** A fresh profile (empty IndexedDB) whose requests outside `origin` fail and are recorded. */
export async function openPage(browser, origin) {
	const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
	const outside = [];
	const errors = [];
	await context.route('**/*', (route) => {
		const u = route.request().url();
		if (u.startsWith(`${origin}/`) || /^(data|blob):/.test(u)) return route.continue();
		outside.push(u);
		return route.abort('blockedbyclient');
	});
	const page = await context.newPage();
	page.on('pageerror', (e) => errors.push(String(e)));
	await page.addInitScript(instrument);
	return { context, page, outside, errors };
}

/** Time origin-relative times of the app's marks and measures, by name. */
export const entries = (page, name) =>
	page.evaluate(
		(n) =>
			performance.getEntriesByName(n).map((e) => ({ start: e.startTime, duration: e.duration })),
		name
	);

/**
 * Sample the tab's memory every `everyMs` until stopped: the main thread's JS heap (CDP
 * Performance.getMetrics JSHeapUsedSize) and the renderer process's RSS, with its kernel
 * high-water mark (VmHWM, the peak since the process started, so no spike is missed between samples).
 */
export async function sampleMemory(page, everyMs = 200) {
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Performance.enable');
	let heap = 0;
	let rss = 0;
	let hwm = 0;
	let inflight = null;
	const measure = async () => {
		try {
			const { metrics } = await cdp.send('Performance.getMetrics');
			heap = Math.max(heap, metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0);
		} catch {
			// The page may be navigating; the next sample counts.
		}
		const r = tabRenderer();
		if (r) [rss, hwm] = [Math.max(rss, r.rss), Math.max(hwm, r.hwm)];
	};
	// One sample at a time; a caller during a sample waits for that one.
	const sample = () => (inflight ??= measure().finally(() => (inflight = null)));
	const timer = setInterval(sample, everyMs);
	await sample();
	const peaks = () => ({ jsHeapPeakBytes: heap, rendererRssPeakBytes: rss, rendererHwmBytes: hwm });
	return {
		/** The peaks so far. */
		async peek() {
			await sample();
			return peaks();
		},
		/** The peaks, and sampling ends. */
		async stop() {
			clearInterval(timer);
			await sample();
			await cdp.detach().catch(() => undefined);
			return peaks();
		}
	};
}

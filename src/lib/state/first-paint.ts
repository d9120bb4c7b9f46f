/**
 * Paint before the engine: the dashboard shows a view's results kept from before while DuckDB
 * downloads and starts — the build's snapshot of the sample's default view, or this browser's
 * last results for the stored dataset — keyed by dataset fingerprint and view, so a result for
 * another dataset is never shown. The engine's answer replaces them (`DashboardData.paint`).
 */
import { currentVersion } from './history';
import { idbRequest, openIdb } from './idb';
import { readSaved } from './persist';
import { isSampleOnly } from './stored-dataset';
import sampleResults from './sample-results.json';
import { parseView, viewToParams } from './view';
import type { ViewFacts, ViewResults } from './view-results';

/** Version of the snapshot shape; a kept snapshot of another version is ignored. */
export const SAMPLE_SNAPSHOT_FORMAT = 1;

/** One view's results for one dataset. `view` is the view's URL parameters (`''`: the default view). */
export interface ViewSnapshot {
	format: number;
	fingerprint: string;
	view: string;
	facts: ViewFacts;
	results: ViewResults;
}

const SAMPLE = sampleResults as unknown as ViewSnapshot;
const DB = 'intersect-views';
const STORE = 'views';
/** Views kept in this browser (the oldest are dropped). */
const KEEP = 40;

/** The view part of a dashboard URL (filters and period, not the dataset reference). */
export function viewKey(url: URL): string {
	return viewToParams(parseView(url.searchParams)).toString();
}

const open = () => openIdb(DB, [STORE]);

/** The kept results of `view` for dataset `fingerprint`, or null. */
export async function keptSnapshot(
	fingerprint: string,
	view: string
): Promise<ViewSnapshot | null> {
	if (fingerprint === SAMPLE.fingerprint && view === SAMPLE.view) return SAMPLE;
	const db = await open();
	try {
		const s = (await idbRequest(
			db.transaction(STORE).objectStore(STORE).get(`${fingerprint}|${view}`)
		)) as (ViewSnapshot & { savedAt: number }) | undefined;
		return s && s.format === SAMPLE_SNAPSHOT_FORMAT && s.fingerprint === fingerprint ? s : null;
	} finally {
		db.close();
	}
}

/** Keep `s` for the next start (the oldest beyond the last KEEP views are dropped). */
export async function keepSnapshot(s: Omit<ViewSnapshot, 'format'>): Promise<void> {
	const db = await open();
	try {
		const store = db.transaction(STORE, 'readwrite').objectStore(STORE);
		store.put(
			{ ...s, format: SAMPLE_SNAPSHOT_FORMAT, savedAt: Date.now() },
			`${s.fingerprint}|${s.view}`
		);
		// Read the kept snapshots (up to ~1 MB) only when there is one to drop.
		if ((await idbRequest(store.count())) <= KEEP) return;
		const all = (await idbRequest(store.getAll())) as (ViewSnapshot & { savedAt: number })[];
		all.sort((a, b) => b.savedAt - a.savedAt);
		for (const old of all.slice(KEEP)) store.delete(`${old.fingerprint}|${old.view}`);
	} finally {
		db.close();
	}
}

/**
 * What to paint for `url` before the engine answers, by the rule the start follows: the stored
 * uploads' kept results for this view; else, when the site opens no published dataset
 * (`siteDefault` tells), the sample's. Null when unknown: a link naming a dataset, or another
 * fingerprint than the stored one (checked once the data is in), a published default, a record
 * without fingerprint.
 */
export async function earlySnapshot(
	url: URL,
	siteDefault: () => Promise<boolean>
): Promise<ViewSnapshot | null> {
	if (url.searchParams.has('dataset')) return null;
	try {
		const saved = await readSaved();
		const current = saved.kind === 'history' ? currentVersion(saved.history) : null;
		const fingerprint =
			current && !isSampleOnly(current.dataset)
				? current.fingerprint
				: saved.kind !== 'unknown' && !(await siteDefault())
					? SAMPLE.fingerprint
					: null;
		const linked = url.searchParams.get('fp');
		if (!fingerprint || (linked !== null && linked !== fingerprint)) return null;
		return keptSnapshot(fingerprint, viewKey(url));
	} catch {
		// No IndexedDB (some private windows): the engine's answer comes as before.
		return null;
	}
}

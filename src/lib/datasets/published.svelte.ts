/**
 * Which dataset the app shows and where it came from: a published bundle (by `?dataset=` or the
 * site's default), the sample, or the analyst's uploads (a local upload over a published dataset
 * is "your copy"). Owns start-up choice, the Datasets menu's actions, and the link check: a link
 * whose fingerprint differs from the loaded data's is held back with a notice.
 */
import { resolve } from '$app/paths';
import { dt } from '$lib/i18n';
import { dataset } from '$lib/state/dataset.svelte';
import { currentVersion } from '$lib/state/history';
import { readSaved } from '$lib/state/persist';
import { isSampleOnly } from '$lib/state/stored-dataset';
import { linkDiffers, linkParams, readLink, type Shown } from './link';
import type { Manifest } from './manifest';
import { datasetErrorText } from './messages';
import { openPublished, openSample } from './open';
import { fetchSiteIndex, manifestUrlOf, refOf, type SiteDataset } from './site-index';

/** The app's root URL (with the base path), for resolving dataset references. */
const appRoot = () => new URL(resolve('/'), location.href).href;

/** A published dataset as loaded: its link reference, manifest, and the dataset version it is. */
interface Opened {
	ref: string;
	manifest: Manifest;
	version: number;
}

/** True when this browser keeps uploads of its own (its current saved version is not the sample). */
export async function hasSavedUploads(): Promise<boolean> {
	const saved = await readSaved().catch(() => ({ kind: 'none' }) as const);
	return saved.kind === 'history' && !isSampleOnly(currentVersion(saved.history).dataset);
}

const SHOWN_KEY = 'intersect-shown-fingerprints';

/** Fingerprints this browser has shown (its own address-bar links; last 50). */
function shownHere(): string[] {
	try {
		const v: unknown = JSON.parse(localStorage.getItem(SHOWN_KEY) ?? '[]');
		return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
	} catch {
		return [];
	}
}

function noteShown(fp: string): void {
	try {
		const list = [fp, ...shownHere().filter((x) => x !== fp)].slice(0, 50);
		localStorage.setItem(SHOWN_KEY, JSON.stringify(list));
	} catch {
		// Storage refused (private window, full): the check only loses this browser's history.
	}
}

/** The dataset's origin and link state: one instance for the app. */
export class PublishedState {
	/** The last published dataset opened (it stays for "your copy" after a local upload). */
	opened = $state<Opened | null>(null);
	/** The site's published datasets (datasets/index.json). */
	site = $state<SiteDataset[]>([]);
	/** The loaded data's fingerprint (null while it is computed). */
	fingerprint = $state<string | null>(null);
	/** The fingerprint the opening link was made with, until the reader dismisses the notice. */
	wanted = $state<string | null>(null);
	/** How each file of the last bundle came (cache, ranges...), for tests and curiosity. */
	via = $state<Record<string, string>>({});
	#checked = false;
	#siteList: Promise<SiteDataset[]> | null = null;

	constructor() {
		// A saved "your copy" (or the published dataset it is undone to) is restored over its
		// published dataset, opened again; its uploads, if any, then make it "your copy" again.
		dataset.setBaseOpener(async (conn, base, o) => {
			await this.#open(conn, base.ref, new AbortController().signal, (p) => {
				dataset.progress = p;
			});
			if (!o.alone && this.opened) this.opened = { ...this.opened, version: -1 };
		});
	}

	/** What is shown now. */
	shown: Shown = $derived.by(() => {
		const o = this.opened;
		if (o && dataset.version === o.version)
			return { kind: 'published', ref: o.ref, title: o.manifest.title };
		return dataset.isSample ? { kind: 'sample' } : { kind: 'uploads' };
	});
	/** The published dataset shown as it was published. */
	current = $derived(this.shown.kind === 'published' ? this.opened!.manifest : null);
	/** The published dataset under local uploads ("your copy"), or null. */
	yourCopyOf = $derived(this.shown.kind === 'uploads' && this.opened ? this.opened.manifest : null);
	/** True when the link was made with other data than what is loaded. */
	differs = $derived(linkDiffers(this.wanted, this.fingerprint));
	/** True while a link's data is being checked or differs: its numbers are held back. */
	held = $derived(this.wanted !== null && (this.fingerprint === null || this.differs));

	/** The search params a link of the current view carries for its data (empty until known). */
	link(): [string, string][] {
		if (this.fingerprint === null || this.differs) return [];
		return linkParams(this.shown, this.fingerprint, this.site.length > 0);
	}

	/** The site's published datasets, fetched once (none when the site lists none). */
	siteList(): Promise<SiteDataset[]> {
		return (this.#siteList ??= fetchSiteIndex(
			manifestUrlOf('datasets/index.json', appRoot())!
		).catch(() => [] as SiteDataset[]));
	}

	/** Start the app on what `url` asks for: `?dataset=`, else saved uploads, else the site default. */
	async start(url: URL): Promise<void> {
		if (dataset.status !== 'starting') return;
		const target = readLink(url.searchParams);
		// A link this browser made itself (a reload after unsaved changes) is not someone else's.
		this.wanted =
			target.fingerprint && !shownHere().includes(target.fingerprint) ? target.fingerprint : null;
		const siteList = this.siteList();
		void siteList.then((l) => (this.site = l));
		await dataset.start(async (conn, signal) => {
			const onProgress = (p: typeof dataset.progress) => (dataset.progress = p);
			if (target.dataset === 'sample') {
				await openSample(conn, { signal, onProgress });
				return true;
			}
			let ref = target.dataset;
			if (!ref) {
				if (await hasSavedUploads()) return false;
				const first = (await siteList)[0];
				if (!first) return false;
				ref = refOf(first.manifest, appRoot());
			}
			await this.#open(conn, ref, signal, onProgress);
			return true;
		});
		// A start that failed (a bundle or the saved uploads) says so in its alert, over the data
		// shown instead; the link's numbers are not held back a second time.
		if (dataset.message?.kind === 'error') this.wanted = null;
	}

	async #open(
		conn: Parameters<typeof openPublished>[0],
		ref: string,
		signal: AbortSignal,
		onProgress: (p: typeof dataset.progress) => void
	): Promise<Manifest> {
		const url = manifestUrlOf(ref, appRoot());
		try {
			if (!url) throw new Error(dt('err.manifest-path', { path: ref.slice(0, 200) }));
			const got = await openPublished(conn, url, { signal, onProgress });
			// The version the refresh after this load gives the dataset.
			this.opened = { ref, manifest: got.manifest, version: dataset.version + 1 };
			// An upload on top is saved as "your copy" of it, undone back to it.
			dataset.adoptBase({ ref, title: got.manifest.title });
			this.via = got.via;
			return got.manifest;
		} catch (e) {
			if (signal.aborted) throw e;
			throw new Error(dt('failed', { reason: datasetErrorText(e) }), { cause: e });
		}
	}

	/** Open the published dataset `ref` from the menu; on failure the data shown stays. */
	open(ref: string): Promise<void> {
		return dataset.replaceWith([ref], async (conn, signal) => {
			const m = await this.#open(conn, ref, signal, (p) => (dataset.progress = p));
			return {
				kind: 'success',
				text: dt('opened', { title: m.title, version: m.version }),
				details: []
			};
		});
	}

	/** Show the bundled sample (the saved uploads are kept). */
	showSample(): Promise<void> {
		return dataset.replaceWith([], async (conn, signal) => {
			await openSample(conn, { signal, onProgress: (p) => (dataset.progress = p) });
			dataset.adoptBase(null);
			this.opened = null;
			return null;
		});
	}

	/** Show the uploads saved in this browser. */
	async showUploads(): Promise<void> {
		const before = this.opened;
		await dataset.showSaved();
		// Saved uploads built on a published dataset opened it again: they are "your copy" of it.
		const rebased = this.opened !== before;
		if (!rebased && (!dataset.message || dataset.message.kind !== 'error')) this.opened = null;
	}

	/** Drop the link's fingerprint: show the loaded data and give the page link its own params. */
	dismissLink(): void {
		this.wanted = null;
	}

	/**
	 * Take the fingerprint of dataset version `version` (call when it changes). The link's
	 * fingerprint is checked against the first dataset only: once it matches, or once the reader
	 * loads other data, the address follows the data shown.
	 */
	track(version: number): void {
		// The live tables' fingerprint is noted before the version turns (DatasetVersions).
		const fp = dataset.versions.fingerprint;
		if (dataset.version !== version || fp === null) return;
		this.fingerprint = fp;
		noteShown(fp);
		if (fp === this.wanted || this.#checked) this.wanted = null;
		this.#checked = true;
	}
}

/** The app's published-dataset state. */
export const published = new PublishedState();

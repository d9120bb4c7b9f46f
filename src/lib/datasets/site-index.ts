/**
 * The site's published datasets: `datasets/index.json` deployed beside the app, listing bundles
 * (the first is the default the plain URL opens). Absent (404, or a host's HTML fallback) means
 * none. Manifest paths in it are relative to the index file.
 */
import { DatasetError } from './errors';

/** One published dataset the site lists. */
export interface SiteDataset {
	title: string;
	/** Absolute URL of its manifest. */
	manifest: string;
}

/** The datasets listed in the index text `json` fetched from `indexUrl`; throws `index-invalid`. */
export function parseSiteIndex(json: string, indexUrl: string): SiteDataset[] {
	let raw: unknown;
	try {
		raw = JSON.parse(json);
	} catch {
		throw new DatasetError('index-invalid');
	}
	const list = (raw as { datasets?: unknown })?.datasets;
	if (!Array.isArray(list) || list.length > 100) throw new DatasetError('index-invalid');
	return list.map((d: unknown) => {
		const o = (d ?? {}) as Record<string, unknown>;
		if (typeof o.manifest !== 'string' || typeof o.title !== 'string' || o.title.length > 200)
			throw new DatasetError('index-invalid');
		const url = new URL(o.manifest, indexUrl);
		if (!/^https?:$/.test(url.protocol)) throw new DatasetError('index-invalid');
		return { title: o.title, manifest: url.href };
	});
}

/** The site's datasets, or none when the site publishes no index. */
export async function fetchSiteIndex(indexUrl: string): Promise<SiteDataset[]> {
	const res = await fetch(indexUrl, { cache: 'no-cache' }).catch(() => null);
	if (!res?.ok || !res.headers.get('content-type')?.includes('json')) return [];
	return parseSiteIndex(await res.text(), indexUrl);
}

/**
 * The reference a link carries for the manifest at `url`: relative to the app's root `root`
 * when it lies below it (links keep working when the site moves), else the absolute URL.
 */
export function refOf(url: string, root: string): string {
	const [u, r] = [new URL(url), new URL(root)];
	return u.origin === r.origin && u.pathname.startsWith(r.pathname)
		? u.pathname.slice(r.pathname.length) + u.search
		: u.href;
}

/** The manifest URL of link reference `ref` (relative to the app's root `root`); null if not http(s). */
export function manifestUrlOf(ref: string, root: string): string | null {
	try {
		const url = new URL(ref, root);
		return /^https?:$/.test(url.protocol) ? url.href : null;
	} catch {
		return null;
	}
}

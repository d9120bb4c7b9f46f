/**
 * Fetching one bundle file: streamed with progress, cancellable, with an ETag revalidation, and
 * every failure turned into a DatasetError naming the file (a network failure of another origin
 * is almost always its missing CORS header, and the message says so).
 */
import { DatasetError } from './errors';

/** A fetched file: its bytes (null when the server said 304 Not Modified) and its ETag. */
export interface Fetched {
	bytes: Uint8Array | null;
	etag: string | null;
}

/** Options of `fetchFile`. */
export interface FetchFileOptions {
	/** The file's name in messages (its path in the bundle). */
	file: string;
	signal?: AbortSignal;
	/** Fraction 0..1 received, when the size is known. */
	onProgress?: (fraction: number) => void;
	/** Revalidate a cached copy: a 304 answer returns `bytes: null`. */
	etag?: string | null;
	/** Expected size in bytes (from the manifest), when the server sends no Content-Length. */
	size?: number;
}

/** True when `url` is on another origin than the page. */
export function isCrossOrigin(url: string): boolean {
	return typeof location !== 'undefined' && new URL(url).origin !== location.origin;
}

/** Start a request; a network failure becomes `fetch-blocked` naming the file and origin. */
export async function request(url: string, init: RequestInit, file: string): Promise<Response> {
	try {
		return await fetch(url, init);
	} catch (e) {
		if (init.signal?.aborted) throw init.signal.reason;
		// The browser hides why (CORS and an unreachable host look alike to the page).
		throw new DatasetError('fetch-blocked', {
			file,
			origin: new URL(url).origin,
			cross: isCrossOrigin(url) ? 1 : 0,
			detail: e instanceof Error ? e.message : String(e)
		});
	}
}

/**
 * Throw DatasetError unless `res` is a success with a file in it: an error status, or a web page
 * (a static host's single-page fallback answers a missing file with its index.html and 200).
 */
export function checkResponse(res: Response, file: string): void {
	if (!res.ok)
		throw new DatasetError('fetch-status', {
			file,
			status: res.status,
			statusText: res.statusText
		});
	if (res.headers.get('content-type')?.toLowerCase().startsWith('text/html'))
		throw new DatasetError('fetch-html', { file });
}

/** Fetch `url` whole, reporting progress; throws DatasetError on a failed request or status. */
export async function fetchFile(url: string, o: FetchFileOptions): Promise<Fetched> {
	const headers: Record<string, string> = {};
	if (o.etag) headers['if-none-match'] = o.etag;
	const res = await request(url, { signal: o.signal, headers, cache: 'no-cache' }, o.file);
	if (res.status === 304 && o.etag) return { bytes: null, etag: o.etag };
	checkResponse(res, o.file);
	const etag = res.headers.get('etag');
	const total = Number(res.headers.get('content-length')) || o.size || 0;
	if (!res.body) return { bytes: new Uint8Array(await res.arrayBuffer()), etag };
	const reader = res.body.getReader();
	const chunks: Uint8Array[] = [];
	let received = 0;
	o.onProgress?.(0);
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		chunks.push(value);
		received += value.length;
		if (total) o.onProgress?.(Math.min(1, received / total));
	}
	const bytes = new Uint8Array(received);
	let at = 0;
	for (const c of chunks) {
		bytes.set(c, at);
		at += c.length;
	}
	return { bytes, etag };
}

/** Whether the server answers range requests for `url` (a HEAD with `Accept-Ranges: bytes`). */
export async function acceptsRanges(url: string, o: { file: string; signal?: AbortSignal }) {
	const res = await request(url, { method: 'HEAD', signal: o.signal, cache: 'no-cache' }, o.file);
	checkResponse(res, o.file);
	return {
		ranges: res.headers.get('accept-ranges')?.toLowerCase() === 'bytes',
		size: Number(res.headers.get('content-length')) || 0
	};
}

/**
 * Fetching a bundle: its manifest, then each file, as loader inputs. A file whose hash matches
 * the kept copy is not requested; a Parquet file on a server that answers range requests is left
 * for parquet-wasm's async reader (it reads the footer and row groups by ranges, nothing kept);
 * any other file is fetched whole, its hash checked, and kept.
 */
import type { InputFile } from '$lib/ingest/load';
import { cachedFile, keepFile } from './bundle-cache';
import { acceptsRanges, checkResponse, fetchFile, request } from './fetch-file';
import { checkSha256 } from './hash';
import { fileUrl, parseManifest, type BundleFile, type Manifest } from './manifest';

/** Files above this size are read by range requests even when their hash is given (memory). */
const RANGE_ABOVE_BYTES = 64 * 1024 ** 2;

/** A fetched bundle: its manifest, the inputs to load, and which inputs are read by ranges. */
export interface FetchedBundle {
	manifest: Manifest;
	inputs: InputFile[];
	/** Input name -> URL, for Parquet files read with range requests. */
	remote: Map<string, string>;
	/** How each file was obtained (for the e2e tests and the load report). */
	via: Record<string, 'cache' | 'revalidated' | 'fetched' | 'ranges'>;
}

/** Options of `fetchBundle`. */
export interface FetchBundleOptions {
	signal?: AbortSignal;
	/** Progress of file `file`, 0..1. */
	onProgress?: (file: string, fraction: number) => void;
}

/** Fetch and check the manifest at `url`. */
export async function fetchManifest(url: string, signal?: AbortSignal): Promise<Manifest> {
	const res = await request(url, { signal, cache: 'no-cache' }, 'manifest.json');
	checkResponse(res, 'manifest.json');
	return parseManifest(await res.text());
}

async function fetchOne(url: string, f: BundleFile, o: FetchBundleOptions) {
	const progress = (x: number) => o.onProgress?.(f.path, x);
	const kept = await cachedFile(url);
	if (kept && f.sha256 && kept.sha256 === f.sha256)
		return { blob: kept.blob, via: 'cache' as const };
	if (
		f.path.toLowerCase().endsWith('.parquet') &&
		(!f.sha256 || (f.bytes ?? 0) > RANGE_ABOVE_BYTES)
	) {
		const head = await acceptsRanges(url, { file: f.path, signal: o.signal });
		if (head.ranges && head.size > 0) return { blob: null, via: 'ranges' as const };
	}
	const got = await fetchFile(url, {
		file: f.path,
		signal: o.signal,
		onProgress: progress,
		etag: kept?.etag,
		size: f.bytes
	});
	if (!got.bytes && kept) return { blob: kept.blob, via: 'revalidated' as const };
	const bytes = got.bytes!;
	const actual = await checkSha256(f.path, bytes, f.sha256);
	const blob = new Blob([bytes as BlobPart]);
	await keepFile(url, { blob, etag: got.etag, sha256: actual });
	return { blob, via: 'fetched' as const };
}

/** Fetch the bundle whose manifest is at `manifestUrl` (absolute). Throws DatasetError. */
export async function fetchBundle(
	manifestUrl: string,
	o: FetchBundleOptions = {}
): Promise<FetchedBundle> {
	const manifest = await fetchManifest(manifestUrl, o.signal);
	const out: FetchedBundle = { manifest, inputs: [], remote: new Map(), via: {} };
	for (const f of manifest.files) {
		const url = fileUrl(manifestUrl, f);
		const got = await fetchOne(url, f, o);
		o.signal?.throwIfAborted();
		const override = f.table ? { table: f.table } : undefined;
		out.via[f.path] = got.via;
		if (got.blob) out.inputs.push({ name: f.path, blob: got.blob, override });
		else {
			out.remote.set(f.path, url);
			out.inputs.push({ name: f.path, bytes: new Uint8Array(0), override });
		}
	}
	return out;
}

/**
 * Opening a published dataset in the browser: fetch the bundle, decode its files in the decode
 * worker (Parquet read by range requests in this thread with parquet-wasm's async reader, only
 * the contract's columns: remote-parquet.ts), then load them through the upload path, all or
 * nothing. Also the bundled sample, the same way.
 */
import type { TableName } from '$lib/contract/contract';
import { parquetWasmUrl } from '$lib/db/parquet';
import { loadParquetWasm } from '$lib/db/parquet-wasm';
import type { SqlConnection } from '$lib/db/types';
import { firstLine, type FileDecoder, type LoadProgress } from '$lib/ingest/decode';
import { FileError } from '$lib/ingest/detect';
import { workerDecoder } from '$lib/ingest/worker-decoder';
import { SAMPLE_FILES } from '$lib/state/sample';
import { fetchBundle, type FetchedBundle } from './fetch-bundle';
import { fetchFile } from './fetch-file';
import { commitBundle, prepareBundle } from './load-bundle';
import type { Manifest } from './manifest';
import { readRemoteParquet } from './remote-parquet';

/** Options of the open functions. */
export interface OpenOptions {
	signal?: AbortSignal;
	onProgress?: (p: LoadProgress) => void;
}

/** A decoder that reads the `remote` inputs (name -> URL) by range requests, the rest in the worker. */
function remoteDecoder(remote: Map<string, string>): FileDecoder {
	return async (file, o) => {
		const url = remote.get(file.name);
		if (!url) return workerDecoder(file, o);
		const onProgress = (fraction: number) =>
			o.onProgress?.({ stage: 'decoding', file: file.name, fraction });
		onProgress(0);
		try {
			const pw = await loadParquetWasm(parquetWasmUrl());
			const ipc = await readRemoteParquet(pw, {
				url,
				name: file.name,
				table: file.override?.table,
				signal: o.signal,
				onProgress
			});
			return { kind: 'parquet', file: file.name, ipc };
		} catch (e) {
			if (o.signal?.aborted) throw o.signal.reason;
			throw new FileError(file.name, 'unreadableAs', {
				format: 'Parquet',
				detail: firstLine(e)
			});
		}
	};
}

/**
 * Fetch the bundle at `manifestUrl` and put it live (replacing every table). Throws DatasetError
 * (or the signal's reason) with nothing live changed. Returns the manifest and how each file came.
 */
export async function openPublished(
	conn: SqlConnection,
	manifestUrl: string,
	o: OpenOptions = {}
): Promise<Pick<FetchedBundle, 'manifest' | 'via'>> {
	const fetched = await fetchBundle(manifestUrl, {
		signal: o.signal,
		onProgress: (file, fraction) => o.onProgress?.({ stage: 'reading', file, fraction })
	});
	const batch = await prepareBundle(conn, {
		inputs: fetched.inputs,
		decode: remoteDecoder(fetched.remote),
		signal: o.signal,
		onProgress: o.onProgress
	});
	await commitBundle(conn, batch, 'upload');
	return { manifest: fetched.manifest, via: fetched.via };
}

/** Put the bundled sample live without forgetting the saved uploads. */
export async function openSample(conn: SqlConnection, o: OpenOptions = {}): Promise<void> {
	const inputs = [];
	for (const f of SAMPLE_FILES) {
		const got = await fetchFile(new URL(f.url, location.href).href, {
			file: f.name,
			signal: o.signal
		});
		const table = f.name.replace(/\.csv$/, '') as TableName;
		inputs.push({ name: f.name, blob: new Blob([got.bytes as BlobPart]), override: { table } });
	}
	const batch = await prepareBundle(conn, { inputs, decode: workerDecoder, ...o });
	await commitBundle(conn, batch, 'sample');
}

export type { Manifest };

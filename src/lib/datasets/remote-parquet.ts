/**
 * A published Parquet file read by HTTP range requests (parquet-wasm's async reader): the footer
 * first, then only the columns its contract table uses, every row group streamed in turn, merged
 * into one Arrow IPC stream for staging. Columns outside the contract never cross the network.
 */
import { RecordBatchStreamWriter, tableFromIPC, type RecordBatch } from 'apache-arrow';
import { getTable, type TableName } from '$lib/contract/contract';
import { matchHeaders } from '$lib/contract/match';
import { guessTable } from '$lib/contract/recognise';
import type { loadParquetWasm } from '$lib/db/parquet-wasm';

type ParquetWasm = Awaited<ReturnType<typeof loadParquetWasm>>;

/**
 * The file columns to read: those the contract table `table` (else the table guessed from the
 * header, as for an upload) maps; null (read every column) when no table is recognised, so the
 * upload path reports the file as it would any other.
 */
export function neededColumns(headers: string[], o: { table?: TableName; name: string }) {
	// A file that fits no table (or several) is read whole and refused or asked about as an upload is.
	const guess = o.table ? null : guessTable(headers, o.name);
	const mapping = o.table
		? matchHeaders(headers, getTable(o.table))
		: guess!.table
			? guess!.mapping
			: null;
	if (!mapping) return null;
	return mapping.matches.filter((m) => m.index >= 0).map((m) => headers[m.index]!);
}

/** Options of `readRemoteParquet`. */
export interface RemoteParquetOptions {
	url: string;
	name: string;
	table?: TableName;
	signal?: AbortSignal;
	/** Fraction 0..1 of the rows read. */
	onProgress?: (fraction: number) => void;
}

/** Read the contract's columns of the Parquet file at `url` as one Arrow IPC stream. */
export async function readRemoteParquet(pw: ParquetWasm, o: RemoteParquetOptions) {
	const file = await pw.ParquetFile.fromUrl(o.url);
	try {
		o.signal?.throwIfAborted();
		const headers = tableFromIPC(file.schema().intoIPCStream()).schema.fields.map((f) => f.name);
		const columns = neededColumns(headers, { table: o.table, name: o.name }) ?? undefined;
		const meta = file.metadata();
		const total = meta.fileMetadata().numRows();
		meta.free();
		const stream = await file.stream({ columns, concurrency: 2, batchSize: 64 * 1024 });
		const reader = stream.getReader();
		const batches: RecordBatch[] = [];
		let rows = 0;
		try {
			for (;;) {
				o.signal?.throwIfAborted();
				const { done, value } = await reader.read();
				if (done) break;
				const got = tableFromIPC((value as { intoIPCStream(): Uint8Array }).intoIPCStream());
				for (const b of got.batches) batches.push(b);
				rows += got.numRows;
				if (total > 0) o.onProgress?.(rows / total);
			}
		} finally {
			if (o.signal?.aborted) await reader.cancel().catch(() => undefined);
		}
		// No rows: the (projected) schema alone.
		if (batches.length === 0) return (await file.read({ columns, limit: 0 })).intoIPCStream();
		return RecordBatchStreamWriter.writeAll(batches).toUint8Array(true);
	} finally {
		file.free();
	}
}

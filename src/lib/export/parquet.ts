/**
 * Parquet export with parquet-wasm's writer: a DuckDB result (Arrow) -> Arrow IPC stream ->
 * Parquet bytes (Snappy). The browser loads parquet-wasm's own .wasm, self-hosted (`?url`), on
 * first use; tests pass parquet-wasm's Node build instead.
 */
import parquetWasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import { loadParquetWasm } from '$lib/db/parquet-wasm';
import { tableToIPC, type Table } from 'apache-arrow';

/** The parts of parquet-wasm (ESM or Node build) the writer uses. */
export interface ParquetWasmWriter {
	Table: { fromIPCStream(ipc: Uint8Array): unknown };
	writeParquet(table: never, props?: never): Uint8Array;
	WriterPropertiesBuilder: new () => { setCompression(c: number): { build(): unknown } };
	Compression: { SNAPPY: number };
}

/** Parquet bytes (Snappy-compressed) of an Arrow IPC stream, written by `pw`. */
export function ipcToParquet(ipc: Uint8Array, pw: ParquetWasmWriter): Uint8Array {
	const wasmTable = pw.Table.fromIPCStream(ipc);
	const props = new pw.WriterPropertiesBuilder().setCompression(pw.Compression.SNAPPY).build();
	return pw.writeParquet(wasmTable as never, props as never);
}

/** Parquet bytes of an Arrow table, in the browser (parquet-wasm loaded once, self-hosted). */
export async function encodeParquet(table: Table): Promise<Uint8Array> {
	const pw = (await loadParquetWasm(parquetWasmUrl)) as unknown as ParquetWasmWriter;
	return ipcToParquet(tableToIPC(table, 'stream'), pw);
}

/** Offer binary `bytes` to the user as a file download. */
export function downloadBytes(
	fileName: string,
	bytes: Uint8Array,
	type = 'application/vnd.apache.parquet'
): void {
	const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
	const a = document.createElement('a');
	a.href = url;
	a.download = fileName;
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}

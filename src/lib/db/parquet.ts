/** Parquet decoding in the browser with parquet-wasm (self-hosted .wasm), loaded on first use. */
import parquetWasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import type { ParquetDecoder } from './types';

let ready: Promise<typeof import('parquet-wasm/esm')> | null = null;

function load() {
	ready ??= (async () => {
		const mod = await import('parquet-wasm/esm');
		await mod.default({ module_or_path: parquetWasmUrl });
		return mod;
	})();
	return ready;
}

/** Decode Parquet bytes to an Arrow IPC stream. */
export const decodeParquet: ParquetDecoder = async (bytes) => {
	const mod = await load();
	return mod.readParquet(bytes).intoIPCStream();
};

/**
 * parquet-wasm loaded once from a given .wasm URL. Kept free of `?url` imports so the decode
 * worker can use it with the URL the main thread sends: the build then writes the 5 MB .wasm
 * once instead of once for the app and once for the worker.
 */
import type { ParquetDecoder } from './types';

let ready: Promise<typeof import('parquet-wasm/esm')> | null = null;

/** parquet-wasm's ESM build, initialised (once) from the .wasm at `wasmUrl`. */
export function loadParquetWasm(wasmUrl: string): Promise<typeof import('parquet-wasm/esm')> {
	ready ??= (async () => {
		const mod = await import('parquet-wasm/esm');
		await mod.default({ module_or_path: wasmUrl });
		return mod;
	})();
	ready.catch(() => (ready = null));
	return ready;
}

/** A decoder of Parquet bytes to an Arrow IPC stream, with parquet-wasm's .wasm at `wasmUrl`. */
export function parquetDecoderAt(wasmUrl: string): ParquetDecoder {
	return async (bytes) => (await loadParquetWasm(wasmUrl)).readParquet(bytes).intoIPCStream();
}

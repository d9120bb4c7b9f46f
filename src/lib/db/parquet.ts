/** Parquet decoding in the browser with parquet-wasm (self-hosted .wasm), loaded on first use. */
import wasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import { parquetDecoderAt } from './parquet-wasm';

/** The app's one copy of parquet-wasm's .wasm, as an absolute URL (workers are given it). */
export const parquetWasmUrl = (): string => new URL(wasmUrl, location.href).href;

/** Decode Parquet bytes to an Arrow IPC stream. */
export const decodeParquet = parquetDecoderAt(wasmUrl);

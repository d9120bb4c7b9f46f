/** Messages between the main thread and decode.worker.ts. */
import type { DecodedFile, LoadProgress } from './decode';
import type { FileErrorCode } from './detect';

/** Decode one file: a Blob (read in the worker) or bytes (transferred). */
export interface DecodeRequest {
	id: number;
	name: string;
	blob?: Blob;
	bytes?: Uint8Array;
	/** Absolute URL of parquet-wasm's .wasm: the app's copy, so the build holds only one. */
	parquetWasm: string;
}

/** Progress, the decoded file, or why it failed (a code and its parameters). */
export type DecodeReply =
	| { id: number; type: 'progress'; progress: LoadProgress }
	| { id: number; type: 'done'; decoded: DecodedFile }
	| { id: number; type: 'error'; code: FileErrorCode; params: Record<string, string | number> };

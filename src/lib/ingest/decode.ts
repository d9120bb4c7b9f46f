/**
 * The engine-free first half of loading a file: detect its kind, decode CSV text to UTF-8 and
 * sniff its header, or decode Parquet to Arrow IPC. In the browser this runs in a Web Worker
 * (decode.worker.ts); in tests it runs in place. Nothing here touches DuckDB.
 */
import type { TableName } from '../contract/contract';
import type { ParquetDecoder } from '../db/types';
import { decodeCsv, detectKind, FileError, type TextEncodingName } from './detect';
import { sniffCsv, type CsvSniff } from './sniff';
import { tooBigError } from './errors';
import { findBlankRows } from './transcode';

/** A file handed to the loader: its bytes, or a Blob (a File) read when needed. */
export type InputFile = { name: string; override?: FileOverride } & (
	{ bytes: Uint8Array; blob?: undefined } | { blob: Blob; bytes?: undefined }
);

/** The analyst's choices for one file: its table and hand-mapped columns. */
export interface FileOverride {
	table?: TableName;
	/** Contract column -> file column index (-1 = not in this file). */
	manual?: Record<string, number>;
}

/** A decoded CSV: UTF-8 text, its dialect and header, and where its blank lines are. */
export interface DecodedCsv extends CsvSniff {
	kind: 'csv';
	file: string;
	utf8: Uint8Array;
	encoding: TextEncodingName;
	blankRows: number[];
}

/** A decoded Parquet file as an Arrow IPC stream. */
export interface DecodedParquet {
	kind: 'parquet';
	file: string;
	ipc: Uint8Array;
}

/** A file ready to be staged in DuckDB. */
export type DecodedFile = DecodedCsv | DecodedParquet;

/** The stages of a load, in order, as the progress bar names them. */
export const LOAD_STAGES = ['reading', 'decoding', 'parsing', 'validating', 'loading'] as const;
/** One stage of a load. */
export type LoadStage = (typeof LOAD_STAGES)[number];

/** Progress of one step: the stage, the file it concerns, and the fraction of that stage done. */
export interface LoadProgress {
	stage: LoadStage;
	file: string;
	fraction: number;
}

/** Decodes one input file (in place or in a worker); throws FileError for unreadable files. */
export type FileDecoder = (
	file: InputFile,
	o: { onProgress?: (p: LoadProgress) => void; signal?: AbortSignal }
) => Promise<DecodedFile>;

/** The largest file a browser tab can hold while DuckDB copies and checks it, in bytes. */
export const MAX_FILE_BYTES = 1024 ** 3;

/** Decode bytes of file `name` (kind, text, header) without the engine. */
export async function decodeBytes(o: {
	name: string;
	bytes: Uint8Array;
	decodeParquet: ParquetDecoder;
	onProgress?: (p: LoadProgress) => void;
}): Promise<DecodedFile> {
	const { name, bytes } = o;
	if (bytes.length > MAX_FILE_BYTES) throw tooBigError(name, bytes.length);
	const kind = detectKind(name, bytes);
	const progress = (fraction: number) =>
		o.onProgress?.({ stage: 'decoding', file: name, fraction });
	progress(0);
	if (kind === 'parquet') {
		try {
			return { kind, file: name, ipc: await o.decodeParquet(bytes) };
		} catch (e) {
			throw new FileError(name, 'unreadableAs', { format: 'Parquet', detail: firstLine(e) });
		}
	}
	const { utf8, encoding } = decodeCsv(name, bytes, progress);
	const head = new TextDecoder().decode(utf8.subarray(0, 64 * 1024));
	return {
		kind,
		file: name,
		utf8,
		encoding,
		blankRows: findBlankRows(utf8),
		...sniffCsv(name, head)
	};
}

/** The first line of an error's message. */
export function firstLine(e: unknown): string {
	return String(e instanceof Error ? e.message : e).split('\n')[0] ?? 'unknown error';
}

/** A decoder that works in the calling thread (tests, and the fallback without workers). */
export function inPlaceDecoder(decodeParquet: ParquetDecoder): FileDecoder {
	return async (file, o) => {
		o.onProgress?.({ stage: 'reading', file: file.name, fraction: 0 });
		if (file.blob && file.blob.size > MAX_FILE_BYTES) throw tooBigError(file.name, file.blob.size);
		const bytes = file.bytes ?? new Uint8Array(await file.blob.arrayBuffer());
		o.signal?.throwIfAborted();
		return decodeBytes({ name: file.name, bytes, decodeParquet, onProgress: o.onProgress });
	};
}

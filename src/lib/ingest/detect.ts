/**
 * What kind of file is this, and its text as UTF-8 bytes: BOM-marked UTF-16 is converted, text
 * that is not valid UTF-8 is read as Windows-1252 (and said so), binary is refused. Works in
 * chunks, so a 50 MB file never becomes one JavaScript string.
 */
import { utf16ToUtf8, windows1252ToUtf8 } from './transcode';

/** A file's detected kind. */
export type FileKind = 'csv' | 'parquet';

/** A file-level failure: one clear sentence about one file. */
export class FileError extends Error {
	/**
	 * `code` says what is wrong (the UI words it: catalogue key `load.file.<code>`); `params`
	 * fill its placeholders besides `{file}`. The message is the code, for logs only.
	 */
	constructor(
		readonly file: string,
		readonly code: FileErrorCode,
		readonly params: Readonly<Record<string, string | number>> = {}
	) {
		super(`${code}: ${file}`);
		this.name = 'FileError';
	}
}

/** Why a file cannot be loaded at all (catalogue `load.file.<code>`). */
export type FileErrorCode =
	| 'empty'
	| 'truncatedParquet'
	| 'archive'
	| 'binary'
	| 'notTable'
	| 'headerOnly'
	| 'noRows'
	| 'tooBig'
	| 'tooBigSize'
	| 'unreadable'
	| 'unreadableAs'
	| 'unreadableTable';

const PAR1 = [0x50, 0x41, 0x52, 0x31];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const startsWith = (b: Uint8Array, sig: number[], at = 0) => sig.every((x, i) => b[at + i] === x);

/** True when `bytes` hold nothing but white space (after a UTF-8 BOM), or nothing at all. */
function isBlank(bytes: Uint8Array): boolean {
	const body = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? bytes.subarray(3) : bytes;
	return (
		body.length <= 4096 && body.every((b) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d)
	);
}

/** Decide whether `bytes` is Parquet or CSV text; throws FileError for empty, truncated, binary. */
export function detectKind(file: string, bytes: Uint8Array): FileKind {
	if (isBlank(bytes)) throw new FileError(file, 'empty');
	if (startsWith(bytes, PAR1)) {
		if (bytes.length < 12 || !startsWith(bytes, PAR1, bytes.length - 4))
			throw new FileError(file, 'truncatedParquet');
		return 'parquet';
	}
	if (startsWith(bytes, ZIP)) throw new FileError(file, 'archive');
	return 'csv';
}

/** The text encodings a CSV is read in. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** Text of a CSV file as UTF-8 bytes, with the encoding it was read in. */
export interface DecodedText {
	utf8: Uint8Array;
	encoding: TextEncodingName;
}

function looksBinary(bytes: Uint8Array): boolean {
	const n = Math.min(bytes.length, 4096);
	let control = 0;
	for (let i = 0; i < n; i++) {
		const b = bytes[i]!;
		if (b === 0) return true;
		if (b < 9 || (b > 13 && b < 32)) control++;
	}
	return control > n * 0.05;
}

const CHUNK = 1 << 20;

function isUtf8(bytes: Uint8Array, onProgress?: (fraction: number) => void): boolean {
	const dec = new TextDecoder('utf-8', { fatal: true });
	try {
		for (let at = 0; at < bytes.length; at += CHUNK) {
			dec.decode(bytes.subarray(at, at + CHUNK), { stream: true });
			onProgress?.(Math.min(1, (at + CHUNK) / bytes.length));
		}
		dec.decode();
		return true;
	} catch {
		return false;
	}
}

/**
 * Decode CSV bytes to UTF-8 (without BOM), or throw a FileError naming why it is not text.
 * `onProgress` gets the fraction done (0..1).
 */
export function decodeCsv(
	file: string,
	bytes: Uint8Array,
	onProgress?: (fraction: number) => void
): DecodedText {
	if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
		const encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
		return { utf8: utf16ToUtf8(bytes.subarray(2), encoding, onProgress), encoding };
	}
	if (looksBinary(bytes)) throw new FileError(file, 'binary');
	const body = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? bytes.subarray(3) : bytes;
	if (isUtf8(body, onProgress)) return { utf8: body, encoding: 'utf-8' };
	// Not UTF-8: Excel's "CSV" on Western-European Windows writes Windows-1252.
	return { utf8: windows1252ToUtf8(body, onProgress), encoding: 'windows-1252' };
}

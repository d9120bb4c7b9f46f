/**
 * What kind of file is this, and its text as UTF-8: BOM-marked UTF-16 is converted, text that is
 * not valid UTF-8 is decoded as Windows-1252 (and said so), binary that is neither is refused.
 */

/** A file's detected kind. */
export type FileKind = 'csv' | 'parquet';

/** A file-level failure: one clear sentence about one file. */
export class FileError extends Error {
	constructor(
		readonly file: string,
		message: string
	) {
		super(message);
		this.name = 'FileError';
	}
}

const PAR1 = [0x50, 0x41, 0x52, 0x31];
const startsWith = (b: Uint8Array, sig: number[], at = 0) => sig.every((x, i) => b[at + i] === x);

/** Decide whether `bytes` is Parquet or CSV text; throws FileError for empty, truncated, binary. */
export function detectKind(file: string, bytes: Uint8Array): FileKind {
	if (bytes.length === 0) throw new FileError(file, `${file} is empty.`);
	if (startsWith(bytes, PAR1)) {
		if (bytes.length < 12 || !startsWith(bytes, PAR1, bytes.length - 4))
			throw new FileError(
				file,
				`${file} is a Parquet file that is truncated or damaged (its footer is missing).`
			);
		return 'parquet';
	}
	return 'csv';
}

/** Text of a CSV file as UTF-8 bytes, with the encoding it was read in. */
export interface DecodedText {
	utf8: Uint8Array;
	encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
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

/** Decode CSV bytes to UTF-8 (without BOM), or throw a FileError naming why it is not text. */
export function decodeCsv(file: string, bytes: Uint8Array): DecodedText {
	const enc = new TextEncoder();
	if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
		const encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
		const text = new TextDecoder(encoding).decode(bytes);
		return { utf8: enc.encode(text.replace(/^\uFEFF/, '')), encoding };
	}
	if (looksBinary(bytes))
		throw new FileError(file, `${file} is not a CSV or Parquet file (it contains binary data).`);
	const body = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? bytes.subarray(3) : bytes;
	try {
		new TextDecoder('utf-8', { fatal: true }).decode(body);
		return { utf8: body, encoding: 'utf-8' };
	} catch {
		// Not UTF-8: Excel's "CSV" on Western-European Windows writes Windows-1252.
		const text = new TextDecoder('windows-1252').decode(body);
		return { utf8: enc.encode(text), encoding: 'windows-1252' };
	}
}

/**
 * Byte-level conversions to UTF-8 in chunks: no intermediate string of the whole file (V8 caps
 * strings at ~512 MB) and a progress callback per megabyte.
 */

// Windows-1252 differs from Latin-1 in 0x80-0x9F. Written out because Node's TextDecoder drops
// these bytes for 'windows-1252' (the browser's is correct; tests run in Node).
// prettier-ignore
const CP1252_HIGH = [
	0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
	0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178
];

const CHUNK = 1 << 20;

/** Windows-1252 bytes -> UTF-8 bytes. */
export function windows1252ToUtf8(
	bytes: Uint8Array,
	onProgress?: (fraction: number) => void
): Uint8Array {
	const out = new Uint8Array(bytes.length * 3);
	let o = 0;
	for (let i = 0; i < bytes.length; i++) {
		const b = bytes[i]!;
		if (b < 0x80) {
			out[o++] = b;
			continue;
		}
		const cp = b < 0xa0 ? CP1252_HIGH[b - 0x80]! : b;
		if (cp < 0x800) {
			out[o++] = 0xc0 | (cp >> 6);
			out[o++] = 0x80 | (cp & 0x3f);
		} else {
			out[o++] = 0xe0 | (cp >> 12);
			out[o++] = 0x80 | ((cp >> 6) & 0x3f);
			out[o++] = 0x80 | (cp & 0x3f);
		}
		if ((i & (CHUNK - 1)) === 0) onProgress?.(i / bytes.length);
	}
	onProgress?.(1);
	return out.slice(0, o);
}

/** UTF-16 bytes (after the BOM) -> UTF-8 bytes. */
export function utf16ToUtf8(
	bytes: Uint8Array,
	encoding: 'utf-16le' | 'utf-16be',
	onProgress?: (fraction: number) => void
): Uint8Array {
	const dec = new TextDecoder(encoding);
	const enc = new TextEncoder();
	// Each UTF-16 code unit (2 bytes) becomes at most 3 UTF-8 bytes.
	const out = new Uint8Array(Math.ceil((bytes.length * 3) / 2) + 4);
	let o = 0;
	for (let at = 0; at < bytes.length; at += CHUNK) {
		const text = dec.decode(bytes.subarray(at, at + CHUNK), { stream: at + CHUNK < bytes.length });
		o += enc.encodeInto(text, out.subarray(o)).written;
		onProgress?.(Math.min(1, (at + CHUNK) / bytes.length));
	}
	return out.slice(0, o);
}

/**
 * The spreadsheet row numbers (header = 1) of blank lines in CSV text: DuckDB skips them but a
 * spreadsheet shows them, so the row numbers of later rows must count them. Quote-aware (`"`).
 */
export function findBlankRows(utf8: Uint8Array): number[] {
	const blank: number[] = [];
	let row = 1;
	let inQuote = false;
	let empty = false;
	for (let i = 0; i < utf8.length; i++) {
		const b = utf8[i]!;
		if (b === 0x22) inQuote = !inQuote;
		if (inQuote) {
			empty = false;
			continue;
		}
		if (b === 0x0a) {
			if (empty) blank.push(row);
			row++;
			empty = true;
		} else if (b !== 0x0d) empty = false;
	}
	return blank;
}

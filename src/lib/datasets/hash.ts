/** SHA-256 of bytes as lower-case hex (Web Crypto: the browser and Node 20 alike). */
import { DatasetError } from './errors';

/** The SHA-256 digest of `bytes`, 64 lower-case hex digits. */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
	const digest = await crypto.subtle.digest('SHA-256', bytes as BufferSource);
	return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** True for a SHA-256 written as 64 hex digits (either case). */
export function isSha256(s: unknown): s is string {
	return typeof s === 'string' && /^[0-9a-f]{64}$/i.test(s);
}

/**
 * The SHA-256 of file `file`'s bytes; throws DatasetError `hash-mismatch` when `expected` is
 * given and differs.
 */
export async function checkSha256(file: string, bytes: Uint8Array, expected?: string) {
	const actual = await sha256Hex(bytes);
	if (expected && actual !== expected.toLowerCase())
		throw new DatasetError('hash-mismatch', { file, expected, actual });
	return actual;
}

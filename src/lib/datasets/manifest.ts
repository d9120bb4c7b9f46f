/**
 * The bundle manifest, format `intersect-dataset/1` (docs/publishing.md): what a published dataset
 * is called, who published it when, and its files, each a path relative to the manifest with an
 * optional table and SHA-256. Pure: reading checks untrusted JSON field by field and throws a
 * DatasetError naming the field; writing gives the JSON the reader accepts.
 */
import { TABLE_NAMES, type TableName } from '$lib/contract/contract';
import { DatasetError } from './errors';
import { isSha256 } from './hash';

/** The format string of this version of the bundle format. */
export const BUNDLE_FORMAT = 'intersect-dataset/1';
/** The manifest's file name inside a bundle. */
export const MANIFEST_NAME = 'manifest.json';
/** Most files a bundle may list. */
const MAX_FILES = 64;
/** Largest manifest accepted, in characters. */
const MAX_MANIFEST_CHARS = 256 * 1024;

/** One table file of a bundle. */
export interface BundleFile {
	/** Relative to the manifest, `/`-separated, inside the bundle's folder. */
	path: string;
	/** The contract table it holds; recognised from its header when absent. */
	table?: TableName;
	/** SHA-256 of the file's bytes, lower-case hex; checked after fetching when present. */
	sha256?: string;
	/** Size in bytes (informative: progress before the server says). */
	bytes?: number;
}

/** A parsed, checked manifest. */
export interface Manifest {
	format: typeof BUNDLE_FORMAT;
	title: string;
	version: string;
	/** ISO date (`2026-11-30`) the dataset was published. */
	published: string;
	publisher: string;
	description?: string;
	/** The dataset fingerprint at publishing (informative: the app computes its own). */
	fingerprint?: string;
	files: BundleFile[];
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function text(o: Record<string, unknown>, field: string, max: number): string {
	const v = o[field];
	if (typeof v !== 'string' || v.trim() === '' || v.length > max)
		throw new DatasetError('manifest-field', { field });
	return v.trim();
}

/**
 * True when `path` stays inside the bundle's folder: relative, `/`-separated, no `..` or `.`
 * segment (also percent-encoded), no query or fragment, no backslash or scheme.
 */
export function isBundlePath(path: string): boolean {
	if (path === '' || path.length > 300 || /[\\?#\0]|^[a-z][a-z0-9+.-]*:/i.test(path)) return false;
	let decoded: string;
	try {
		decoded = decodeURIComponent(path);
	} catch {
		return false;
	}
	if (/[\\]/.test(decoded)) return false;
	return decoded.split('/').every((s) => s !== '' && s !== '.' && s !== '..');
}

function checkFile(raw: unknown, index: number): BundleFile {
	if (!raw || typeof raw !== 'object') throw new DatasetError('manifest-files', { index });
	const o = raw as Record<string, unknown>;
	const path = o.path;
	if (typeof path !== 'string')
		throw new DatasetError('manifest-field', { field: `files[${index}].path` });
	if (!isBundlePath(path)) throw new DatasetError('manifest-path', { path: path.slice(0, 300) });
	const file: BundleFile = { path };
	if (o.table !== undefined) {
		if (!(TABLE_NAMES as readonly unknown[]).includes(o.table))
			throw new DatasetError('manifest-table', { path, table: String(o.table).slice(0, 80) });
		file.table = o.table as TableName;
	}
	if (o.sha256 !== undefined) {
		if (!isSha256(o.sha256)) throw new DatasetError('manifest-hash', { path });
		file.sha256 = o.sha256.toLowerCase();
	}
	if (typeof o.bytes === 'number' && Number.isSafeInteger(o.bytes) && o.bytes >= 0)
		file.bytes = o.bytes;
	return file;
}

/** Parse and check manifest JSON text; throws DatasetError naming what is wrong. */
export function parseManifest(json: string): Manifest {
	let raw: unknown;
	try {
		if (json.length > MAX_MANIFEST_CHARS) throw new Error('too large');
		raw = JSON.parse(json);
	} catch {
		throw new DatasetError('manifest-json');
	}
	if (!raw || typeof raw !== 'object' || Array.isArray(raw))
		throw new DatasetError('manifest-json');
	const o = raw as Record<string, unknown>;
	if (o.format !== BUNDLE_FORMAT)
		throw new DatasetError('manifest-format', {
			found: typeof o.format === 'string' ? o.format.slice(0, 80) : '(none)'
		});
	const published = text(o, 'published', 10);
	if (!ISO_DATE.test(published) || Number.isNaN(Date.parse(`${published}T00:00:00Z`)))
		throw new DatasetError('manifest-field', { field: 'published' });
	const m: Manifest = {
		format: BUNDLE_FORMAT,
		title: text(o, 'title', 200),
		version: text(o, 'version', 50),
		published,
		publisher: text(o, 'publisher', 200),
		files: []
	};
	if (o.description !== undefined) m.description = text(o, 'description', 2000);
	if (typeof o.fingerprint === 'string' && /^[0-9a-f]{8}$/.test(o.fingerprint))
		m.fingerprint = o.fingerprint;
	if (!Array.isArray(o.files) || o.files.length === 0 || o.files.length > MAX_FILES)
		throw new DatasetError('manifest-files', { index: -1 });
	m.files = o.files.map(checkFile);
	const paths = new Set(m.files.map((f) => f.path));
	if (paths.size !== m.files.length) throw new DatasetError('manifest-files', { index: -1 });
	return m;
}

/**
 * The absolute URL of `file` in the bundle whose manifest is at `manifestUrl`. Throws
 * `manifest-path` when it resolves outside the manifest's folder (a second check after
 * `isBundlePath`: the URL parser is what the fetch will use).
 */
export function fileUrl(manifestUrl: string, file: BundleFile): string {
	const base = new URL('.', manifestUrl);
	const url = new URL(file.path, manifestUrl);
	if (url.origin !== base.origin || !url.pathname.startsWith(base.pathname) || url.search)
		throw new DatasetError('manifest-path', { path: file.path });
	return url.href;
}

/** The manifest as the JSON text a bundle carries (two-space indent, trailing newline). */
export function manifestJson(m: Omit<Manifest, 'format'>): string {
	const out: Record<string, unknown> = {
		format: BUNDLE_FORMAT,
		title: m.title,
		version: m.version,
		published: m.published,
		publisher: m.publisher
	};
	if (m.description) out.description = m.description;
	if (m.fingerprint) out.fingerprint = m.fingerprint;
	out.files = m.files;
	return `${JSON.stringify(out, null, 2)}\n`;
}

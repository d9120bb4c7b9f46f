/**
 * Bundle files kept in the browser (IndexedDB, a database of its own beside the uploads'), so an
 * unchanged bundle is not fetched again: a file whose manifest hash matches the kept copy is not
 * requested at all; one without a hash is revalidated with its ETag (a 304 costs no download).
 * The cache is a convenience: when IndexedDB fails, files are simply fetched.
 */
import { openIdb } from '$lib/state/idb';

const DB = 'intersect-bundles';
const STORE = 'files';

/** A kept copy of a bundle file. */
export interface CachedFile {
	blob: Blob;
	etag: string | null;
	sha256: string;
}

const open = () => openIdb(DB, [STORE]);

async function withStore<T>(mode: IDBTransactionMode, f: (s: IDBObjectStore) => IDBRequest<T>) {
	const db = await open();
	try {
		return await new Promise<T>((resolve, reject) => {
			const tx = db.transaction(STORE, mode);
			const req = f(tx.objectStore(STORE));
			tx.oncomplete = () => resolve(req.result);
			tx.onerror = () => reject(tx.error);
			tx.onabort = () => reject(tx.error);
		});
	} finally {
		db.close();
	}
}

/** The kept copy of the file at `url`, or null (also when storage is unavailable). */
export async function cachedFile(url: string): Promise<CachedFile | null> {
	if (typeof indexedDB === 'undefined') return null;
	try {
		return ((await withStore('readonly', (s) => s.get(url))) as CachedFile | undefined) ?? null;
	} catch {
		return null;
	}
}

/** Keep `file` as the copy of `url`; a failure (storage full) is ignored: it only costs a fetch. */
export async function keepFile(url: string, file: CachedFile): Promise<void> {
	if (typeof indexedDB === 'undefined') return;
	await withStore('readwrite', (s) => s.put(file, url)).catch(() => undefined);
}

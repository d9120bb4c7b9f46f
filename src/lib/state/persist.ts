/**
 * Keeping the dataset in IndexedDB: the uploaded files themselves (as Blobs: the browser stores
 * them without copying them through the page) and the StoredDataset that says which table each
 * belongs to. One transaction per save, so a closed tab or a full disk leaves the previous save
 * whole. (Not DuckDB's opfs:// files: duckdb-wasm #2192 and #2236 lose data there.)
 */
import type { StoredDataset } from './stored-dataset';
import { usedKeys } from './stored-dataset';

const DB = 'intersect';
const FILES = 'files';
const META = 'meta';
const KEY = 'dataset';

/** Saving failed because the browser's storage quota is used up. */
export class QuotaError extends Error {
	constructor(cause: unknown) {
		super('storage quota exceeded', { cause });
		this.name = 'QuotaError';
	}
}

function open(): Promise<IDBDatabase> {
	return new Promise((resolve, reject) => {
		const req = indexedDB.open(DB, 1);
		req.onupgradeneeded = () => {
			req.result.createObjectStore(FILES);
			req.result.createObjectStore(META);
		};
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error);
	});
}

function done(tx: IDBTransaction): Promise<void> {
	const p = new Promise<void>((resolve, reject) => {
		tx.oncomplete = () => resolve();
		const fail = () => {
			const e = tx.error;
			reject(e?.name === 'QuotaExceededError' ? new QuotaError(e) : (e ?? new Error('aborted')));
		};
		tx.onerror = fail;
		tx.onabort = fail;
	});
	// Awaited later; until then a failure must not surface as an unhandled rejection.
	p.catch(() => undefined);
	return p;
}

const request = <T>(r: IDBRequest<T>) =>
	new Promise<T>((resolve, reject) => {
		r.onsuccess = () => resolve(r.result);
		r.onerror = () => reject(r.error);
	});

/** The saved dataset and its files, or null when nothing was saved. */
export async function loadSaved(): Promise<{
	dataset: StoredDataset;
	blobs: Map<string, Blob>;
} | null> {
	const db = await open();
	try {
		const tx = db.transaction([META, FILES], 'readonly');
		const dataset = (await request(tx.objectStore(META).get(KEY))) as StoredDataset | undefined;
		if (!dataset || dataset.version !== 1) return null;
		const blobs = new Map<string, Blob>();
		for (const key of usedKeys(dataset))
			blobs.set(key, (await request(tx.objectStore(FILES).get(key))) as Blob);
		return { dataset, blobs };
	} finally {
		db.close();
	}
}

/**
 * Save `dataset`, storing `files` (key -> Blob) and deleting stored files it no longer uses, in
 * one transaction. Throws QuotaError when the browser's storage is full (nothing is changed).
 */
export async function save(dataset: StoredDataset, files: Map<string, Blob>): Promise<void> {
	const db = await open();
	try {
		const tx = db.transaction([META, FILES], 'readwrite');
		const finished = done(tx);
		const store = tx.objectStore(FILES);
		const keep = usedKeys(dataset);
		const keys = (await request(store.getAllKeys())) as string[];
		for (const k of keys) if (!keep.has(k)) store.delete(k);
		for (const [k, blob] of files) store.put(blob, k);
		tx.objectStore(META).put(dataset, KEY);
		await finished;
	} catch (e) {
		throw (e as Error)?.name === 'QuotaExceededError' ? new QuotaError(e) : e;
	} finally {
		db.close();
	}
}

/** Forget the saved dataset and every stored file. */
export async function clearSaved(): Promise<void> {
	const db = await open();
	try {
		const tx = db.transaction([META, FILES], 'readwrite');
		const finished = done(tx);
		tx.objectStore(FILES).clear();
		tx.objectStore(META).clear();
		await finished;
	} finally {
		db.close();
	}
}

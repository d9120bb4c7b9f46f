/** IndexedDB in promises: open a database of plain object stores, await a request. */

/** Open database `name` (version 1), creating `stores` on first use. */
export function openIdb(name: string, stores: readonly string[]): Promise<IDBDatabase> {
	return new Promise((resolve, reject) => {
		const req = indexedDB.open(name, 1);
		req.onupgradeneeded = () => stores.forEach((s) => req.result.createObjectStore(s));
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error);
	});
}

/** The result of request `r`, once it succeeds. */
export function idbRequest<T>(r: IDBRequest<T>): Promise<T> {
	return new Promise((resolve, reject) => {
		r.onsuccess = () => resolve(r.result);
		r.onerror = () => reject(r.error);
	});
}

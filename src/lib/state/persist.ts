/**
 * Keeping dataset versions in IndexedDB: the uploaded files themselves (as Blobs: the browser
 * stores them without copying them through the page) and the history (history.ts) saying which
 * files each version's tables hold. Every save is one transaction that stores the new files,
 * checks that every file the new version names is present, and only then records the version
 * and drops files no kept version uses: a closed tab, a full disk or a missing file leaves the
 * previous history whole. Saves from several tabs are serialised by a Web Lock and merged per
 * table (history.ts). (Not DuckDB's opfs:// files: duckdb-wasm #2192 and #2236 lose data there.)
 */
import {
	addVersion,
	historyFromDataset,
	isHistory,
	isStoredDataset,
	mergeDatasets,
	pruneVersions,
	type DatasetVersion,
	type History
} from './history';
import type { StoredDataset } from './stored-dataset';
import { usedKeys } from './stored-dataset';

const DB = 'intersect';
const FILES = 'files';
const META = 'meta';
const HISTORY = 'history';
/** Where saves before version history kept a bare StoredDataset. */
const LEGACY = 'dataset';
const LOCK = 'intersect-save';

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

const quota = (e: unknown) =>
	(e as Error)?.name === 'QuotaExceededError' ? new QuotaError(e) : (e ?? new Error('aborted'));

function done(tx: IDBTransaction): Promise<void> {
	const p = new Promise<void>((resolve, reject) => {
		tx.oncomplete = () => resolve();
		tx.onerror = () => reject(quota(tx.error));
		tx.onabort = () => reject(quota(tx.error));
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

/** Run `work` on the database in one transaction and wait until it is committed. */
async function transact<T>(mode: IDBTransactionMode, work: (tx: IDBTransaction) => Promise<T>) {
	const db = await open();
	try {
		const tx = db.transaction([META, FILES], mode);
		const finished = done(tx);
		let result: T;
		try {
			result = await work(tx);
		} catch (e) {
			if (!tx.error) tx.abort();
			throw e;
		}
		await finished;
		return result;
	} catch (e) {
		throw e instanceof Error && e.name === 'QuotaExceededError' ? new QuotaError(e) : e;
	} finally {
		db.close();
	}
}

/** What storage holds: nothing, a history, or a record this build cannot read. */
export type Saved = { kind: 'none' } | { kind: 'unknown' } | { kind: 'history'; history: History };

async function readMeta(tx: IDBTransaction): Promise<Saved> {
	const meta = tx.objectStore(META);
	const h: unknown = await request(meta.get(HISTORY));
	if (h !== undefined) return isHistory(h) ? { kind: 'history', history: h } : { kind: 'unknown' };
	const legacy: unknown = await request(meta.get(LEGACY));
	if (legacy === undefined) return { kind: 'none' };
	return isStoredDataset(legacy)
		? { kind: 'history', history: historyFromDataset(legacy, 0) }
		: { kind: 'unknown' };
}

/** The saved history (or what else storage holds). */
export function readSaved(): Promise<Saved> {
	return transact('readonly', readMeta);
}

/** The stored files `dataset` uses (a missing one is absent from the map). */
export function readFiles(dataset: StoredDataset): Promise<Map<string, Blob>> {
	return transact('readonly', async (tx) => {
		const blobs = new Map<string, Blob>();
		for (const key of usedKeys(dataset)) {
			const blob = (await request(tx.objectStore(FILES).get(key))) as Blob | undefined;
			if (blob) blobs.set(key, blob);
		}
		return blobs;
	});
}

/** Run `work` holding the save lock shared by every tab (directly where Web Locks are missing). */
export function withSaveLock<T>(work: () => Promise<T>): Promise<T> {
	const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
	return locks ? (locks.request(LOCK, work) as Promise<T>) : work();
}

/** What a save did: the history now stored, the version it added, and tables both tabs changed. */
export interface SaveResult {
	history: History;
	version: DatasetVersion;
	/** True when another tab had saved since `baseId`: the stored version merges both. */
	merged: boolean;
	conflicts: string[];
}

/**
 * Save `live` (built on version `baseId`; null: on the sample) as a new current version, storing
 * `files` (key -> Blob) in one transaction; `make` fills in the version's details. Another tab's
 * later save is merged per table unless `noMerge` (the tab's own base failed to restore). With
 * no history yet, or with `baselineFirst` (a published dataset or the sample was opened over
 * the stored versions), `baseline` is stored first so the load can be undone to it. Throws
 * QuotaError when storage is full, and an error when a file the version names is not stored;
 * then nothing is changed.
 */
export function saveVersion(o: {
	baseId: string | null;
	noMerge?: boolean;
	live: StoredDataset;
	files: Map<string, Blob>;
	baseline: DatasetVersion;
	baselineFirst?: boolean;
	make: (dataset: StoredDataset, stamps: DatasetVersion['stamps']) => DatasetVersion;
}): Promise<SaveResult> {
	return withSaveLock(() =>
		transact('readwrite', async (tx) => {
			const meta = tx.objectStore(META);
			const store = tx.objectStore(FILES);
			const saved = await readMeta(tx);
			// A record this build cannot read is set aside, never overwritten.
			if (saved.kind === 'unknown')
				meta.put(await request(meta.get(HISTORY)), `unreadable-${Date.now()}`);
			let history = saved.kind === 'history' ? saved.history : null;
			const base = history?.versions.find((v) => v.id === o.baseId) ?? null;
			const head = history ? history.versions.find((v) => v.id === history!.current)! : null;
			const id = `v-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
			const m = mergeDatasets({ base, head: o.noMerge ? null : head, live: o.live, id });
			const parent = o.baselineFirst ? o.baseline.id : (head?.id ?? o.baseline.id);
			const version = { ...o.make(m.dataset, m.stamps), id, parent };
			const early: string[] = [];
			if (o.baselineFirst || !history) {
				const first = addVersion(history, o.baseline);
				history = first.next;
				early.push(...first.dropKeys);
			}
			for (const [k, blob] of o.files) store.put(blob, k);
			const counts = await Promise.all(
				[...usedKeys(version.dataset)].map((k) => request(store.count(k)))
			);
			if (counts.some((c) => c === 0)) throw new Error('a file of the new version is not stored');
			const { next, dropKeys } = addVersion(history, version);
			meta.put(next, HISTORY);
			meta.delete(LEGACY);
			const kept = new Set(next.versions.flatMap((v) => [...usedKeys(v.dataset)]));
			for (const k of [...dropKeys, ...early]) if (!kept.has(k)) store.delete(k);
			const merged = !o.noMerge && head !== null && head.id !== (o.baseId ?? o.baseline.id);
			return { history: next, version, merged, conflicts: m.conflicts };
		})
	);
}

/**
 * Drop stored versions beyond the newest `keep` (the current one and `base` stay) and the files
 * only they use, to make room when storage is full. True when something was dropped.
 */
export function pruneStored(keep: number, base: string | null = null): Promise<boolean> {
	return withSaveLock(() =>
		transact('readwrite', async (tx) => {
			const saved = await readMeta(tx);
			if (saved.kind !== 'history') return false;
			const { next, dropKeys } = pruneVersions(saved.history, keep, base);
			if (next.versions.length === saved.history.versions.length) return false;
			tx.objectStore(META).put({ ...next, generation: next.generation + 1 }, HISTORY);
			for (const k of dropKeys) tx.objectStore(FILES).delete(k);
			return true;
		})
	);
}

/** Make the kept version `id` current (undo, or a step back in the history). */
export function switchVersion(id: string): Promise<History> {
	return withSaveLock(() =>
		transact('readwrite', async (tx) => {
			const saved = await readMeta(tx);
			if (saved.kind !== 'history' || !saved.history.versions.some((v) => v.id === id))
				throw new Error('that version is no longer kept');
			const next = { ...saved.history, current: id, generation: saved.history.generation + 1 };
			tx.objectStore(META).put(next, HISTORY);
			return next;
		})
	);
}

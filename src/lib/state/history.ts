/**
 * Dataset versions: every committed load is a version (which files each table holds, with the
 * load's file names, time, row counts and fingerprint), kept so a load can be undone, also after
 * a reload. Pure functions; persist.ts stores the history in one IndexedDB record. Files are
 * shared between versions (a version names stored file keys), so keeping several costs little.
 */
import { TABLE_NAMES, type TableName } from '$lib/contract/contract';
import {
	publishedDataset,
	sampleDataset,
	usedKeys,
	type PublishedBase,
	type StoredDataset
} from './stored-dataset';

/** Versions kept: the newest ones, and always the current one. */
export const KEEP_VERSIONS = 8;

/** One dataset version. */
export interface DatasetVersion {
	id: string;
	/** The version this load was made on top of (what "Undo" goes back to); null for the first. */
	parent: string | null;
	/** When it was saved (ms since 1970). */
	savedAt: number;
	/** The files of the load that made it (empty for the sample). */
	files: string[];
	/** Rows per table after the load. */
	rows: Partial<Record<TableName, number>>;
	/** The dataset fingerprint after the load; null when not known (an older save, a merge). */
	fingerprint: string | null;
	dataset: StoredDataset;
	/** Per table: the id of the version that last changed it (how two tabs' saves merge). */
	stamps: Partial<Record<TableName, string>>;
}

/** The stored history: its versions (oldest first), the current one, and a save counter. */
export interface History {
	version: 2;
	/** Increases with every save or switch, in any tab. */
	generation: number;
	current: string;
	versions: DatasetVersion[];
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;

/** True when `d` is a StoredDataset this build can replay (every table, known entry shape). */
export function isStoredDataset(d: unknown): d is StoredDataset {
	if (!isObject(d) || d.version !== 1 || !isObject(d.tables)) return false;
	if (d.base !== undefined && !(isObject(d.base) && typeof d.base.ref === 'string')) return false;
	const tables = d.tables;
	return TABLE_NAMES.every(
		(t) =>
			Array.isArray(tables[t]) &&
			(tables[t] as unknown[]).every(
				(e) =>
					isObject(e) &&
					typeof e.name === 'string' &&
					(e.sample === true || typeof e.key === 'string')
			)
	);
}

/** True when `h` is a History this build can read. */
export function isHistory(h: unknown): h is History {
	if (!isObject(h) || h.version !== 2 || typeof h.generation !== 'number') return false;
	const versions = h.versions;
	return (
		Array.isArray(versions) &&
		versions.every((v) => isObject(v) && typeof v.id === 'string' && isStoredDataset(v.dataset)) &&
		versions.some((v) => (v as DatasetVersion).id === h.current)
	);
}

/** The current version of `h`. */
export function currentVersion(h: History): DatasetVersion {
	return h.versions.find((v) => v.id === h.current)!;
}

/** A history of one version made from an older save (a bare StoredDataset). */
export function historyFromDataset(d: StoredDataset, savedAt: number): History {
	const id = `v-${savedAt.toString(36)}`;
	const stamps = Object.fromEntries(TABLE_NAMES.map((t) => [t, id]));
	const files = TABLE_NAMES.flatMap((t) => d.tables[t].flatMap((e) => (e.sample ? [] : [e.name])));
	const version = { id, parent: null, savedAt, files, rows: {}, fingerprint: null, dataset: d };
	return { version: 2, generation: 1, current: id, versions: [{ ...version, stamps }] };
}

/**
 * The version for the bundled sample, or for the published dataset `base` as opened: what the
 * first upload on top of it is undone to.
 */
export function sampleVersion(o: {
	id: string;
	savedAt: number;
	rows: DatasetVersion['rows'];
	fingerprint: string | null;
	base?: PublishedBase;
}): DatasetVersion {
	const { base, ...rest } = o;
	const dataset = base ? publishedDataset(base) : sampleDataset();
	return { ...rest, parent: null, files: [], dataset, stamps: {} };
}

/** Tables whose files differ between two datasets. */
export function changedTables(a: StoredDataset, b: StoredDataset): TableName[] {
	return TABLE_NAMES.filter((t) => JSON.stringify(a.tables[t]) !== JSON.stringify(b.tables[t]));
}

/**
 * The dataset to save when this tab's `live` dataset was built on `base` but the stored head is
 * now `head` (another tab saved meanwhile): per table, this tab's files where it changed the
 * table, else the head's. `conflicts`: tables both changed (this tab's load wins, said aloud).
 */
export function mergeDatasets(o: {
	base: DatasetVersion | null;
	head: DatasetVersion | null;
	live: StoredDataset;
	id: string;
}): { dataset: StoredDataset; stamps: DatasetVersion['stamps']; conflicts: TableName[] } {
	const base = o.base?.dataset ?? sampleDataset();
	const mine = changedTables(base, o.live);
	const head = o.head ?? o.base;
	// A published base goes with this tab's files (a merge keeps the tab's base, if any).
	const dataset: StoredDataset = { version: 1, tables: { ...(head?.dataset ?? base).tables } };
	const publishedBase = o.live.base ?? (mine.length ? undefined : head?.dataset.base);
	if (publishedBase) dataset.base = publishedBase;
	const stamps = { ...(head?.stamps ?? {}) };
	const conflicts: TableName[] = [];
	for (const t of mine) {
		if (o.head && o.head.stamps[t] !== o.base?.stamps[t]) conflicts.push(t);
		dataset.tables[t] = o.live.tables[t];
		stamps[t] = o.id;
	}
	return { dataset, stamps, conflicts };
}

/** Versions kept when storage is full: a save that does not fit drops older ones first. */
export const KEEP_WHEN_FULL = 5;

/**
 * `h` with `v` added and made current, pruned to the newest `KEEP_VERSIONS` (the current one
 * always kept). `dropKeys`: stored file keys no kept version uses any more.
 */
export function addVersion(
	h: History | null,
	v: DatasetVersion
): { next: History; dropKeys: string[] } {
	const all = [...(h?.versions ?? []), v];
	return pruneVersions(
		{ version: 2, generation: (h?.generation ?? 0) + 1, current: v.id, versions: all },
		KEEP_VERSIONS
	);
}

/**
 * `h` with only its newest `keep` versions (and the current one, and `also`); `dropKeys` as in
 * addVersion.
 */
export function pruneVersions(
	h: History,
	keep: number,
	also: string | null = null
): { next: History; dropKeys: string[] } {
	const newest = new Set(h.versions.slice(-keep).map((v) => v.id));
	const kept = h.versions.filter((v) => newest.has(v.id) || v.id === h.current || v.id === also);
	const next: History = { ...h, versions: kept };
	const used = new Set(kept.flatMap((k) => [...usedKeys(k.dataset)]));
	const dropped = h.versions.filter((v) => !kept.includes(v));
	const dropKeys = [...new Set(dropped.flatMap((d) => [...usedKeys(d.dataset)]))].filter(
		(k) => !used.has(k)
	);
	return { next, dropKeys };
}

/** The uploaded files of `v`'s tables that an earlier version (another tab's load) put there. */
export function othersFiles(v: DatasetVersion): string[] {
	return TABLE_NAMES.filter((t) => v.stamps[t] !== v.id).flatMap((t) =>
		v.dataset.tables[t].flatMap((e) => (e.sample ? [] : [e.name]))
	);
}

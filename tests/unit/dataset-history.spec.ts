/**
 * Dataset versions in the browser's storage: every load is a version the analyst can go back to,
 * a save that would name a missing file changes nothing, an unreadable record is never
 * overwritten, and two tabs' saves merge per table. IndexedDB is fake-indexeddb (an in-memory
 * implementation of the standard); the same code runs against Chromium's in the e2e tests.
 */
import { IDBFactory, IDBObjectStore } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { TableName } from '../../src/lib/contract/contract';
import type { LoadMode } from '../../src/lib/db/queries/dataset';
import type { BatchReport } from '../../src/lib/ingest/load';
import { DatasetSaver } from '../../src/lib/state/dataset-saver';
import {
	currentVersion,
	KEEP_VERSIONS,
	KEEP_WHEN_FULL,
	othersFiles,
	type History
} from '../../src/lib/state/history';
import { QuotaError, readFiles, readSaved, saveVersion } from '../../src/lib/state/persist';
import { sampleVersion } from '../../src/lib/state/history';
import { usedKeys, type StoredDataset } from '../../src/lib/state/stored-dataset';

beforeEach(() => {
	globalThis.indexedDB = new IDBFactory();
});

/** A committed batch as the loader hands it to the saver: one file into `table`. */
function batch(table: TableName, name: string, mode: LoadMode = 'replace'): BatchReport {
	return {
		id: name,
		mode,
		files: [{ file: name, table } as BatchReport['files'][number]],
		inputs: [{ name, blob: new Blob([`${name} contents`]) }],
		problems: [],
		errorCount: 0,
		warningCount: 0,
		tables: [{ table, rows: 1, files: [name], staging: 's' }],
		staged: []
	};
}

/**
 * A browser whose storage is full: `until-freed` refuses stored files until one is deleted,
 * `always` refuses them whatever happens (Chromium throws QuotaExceededError from the request).
 */
const storage = { full: 'no' as 'no' | 'until-freed' | 'always' };
const realPut = IDBObjectStore.prototype.put;
const realDelete = IDBObjectStore.prototype.delete;
beforeEach(() => {
	storage.full = 'no';
	IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args) {
		if (this.name === 'files' && storage.full !== 'no')
			throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		return realPut.apply(this, args);
	} as typeof realPut;
	IDBObjectStore.prototype.delete = function (this: IDBObjectStore, ...args) {
		if (this.name === 'files' && storage.full === 'until-freed') storage.full = 'no';
		return realDelete.apply(this, args);
	} as typeof realDelete;
});
afterEach(() => {
	IDBObjectStore.prototype.put = realPut;
	IDBObjectStore.prototype.delete = realDelete;
});

const facts = (fingerprint: string) => ({ rows: { meetings: 1 }, fingerprint });

async function history(): Promise<History> {
	const saved = await readSaved();
	if (saved.kind !== 'history') throw new Error(`expected a history, got ${saved.kind}`);
	return saved.history;
}

async function put(key: string, value: unknown) {
	await new Promise<void>((resolve) => {
		const req = indexedDB.open('intersect', 1);
		req.onupgradeneeded = () => {
			req.result.createObjectStore('files');
			req.result.createObjectStore('meta');
		};
		req.onsuccess = () => {
			const tx = req.result.transaction('meta', 'readwrite');
			tx.objectStore('meta').put(value, key);
			tx.oncomplete = () => (req.result.close(), resolve());
		};
	});
}

/** Every key or value of a store, read straight from the database. */
function all(store: 'files' | 'meta', how: 'getAll' | 'getAllKeys'): Promise<unknown[]> {
	return new Promise((resolve) => {
		const req = indexedDB.open('intersect', 1);
		req.onsuccess = () => {
			const r = req.result.transaction(store).objectStore(store)[how]();
			r.onsuccess = () => (req.result.close(), resolve(r.result as unknown[]));
		};
	});
}

describe('dataset versions', () => {
	test('the first load keeps the sample as the version it undoes to', async () => {
		const saver = new DatasetSaver();
		saver.noteFacts(facts('00000000'));
		saver.afterLoad(batch('meetings', 'm1.csv'));
		await saver.save(['m1.csv'], facts('11111111'));
		const h = await history();
		expect(h.versions.map((v) => [v.files, v.fingerprint])).toEqual([
			[[], '00000000'],
			[['m1.csv'], '11111111']
		]);
		expect(currentVersion(h).parent).toBe(h.versions[0]!.id);
		const blobs = await readFiles(currentVersion(h).dataset);
		expect(await blobs.values().next().value!.text()).toBe('m1.csv contents');
	});

	test('a load on top of a published dataset is undone to that dataset, not to the sample, also over older uploads', async () => {
		const saver = new DatasetSaver();
		saver.afterLoad(batch('meetings', 'm1.csv'));
		await saver.save(['m1.csv'], facts('11111111'));
		const base = { ref: 'bundles/official/manifest.json', title: 'Official' };
		saver.adoptBase(base);
		saver.noteFacts(facts('0fff0fff'));
		saver.afterLoad(batch('outcomes', 'o1.csv'));
		await saver.save(['o1.csv'], facts('22222222'));
		const h = await history();
		const copy = currentVersion(h);
		expect(copy.dataset.base).toEqual(base);
		// The published tables stay the published ones (not the earlier upload's m1.csv).
		expect(copy.dataset.tables.meetings).toEqual([{ sample: true, name: 'meetings.csv' }]);
		expect(copy.dataset.tables.outcomes.map((e) => e.name)).toEqual(['o1.csv']);
		const parent = h.versions.find((v) => v.id === copy.parent)!;
		expect(parent.dataset.base).toEqual(base);
		expect([parent.files, parent.fingerprint]).toEqual([[], '0fff0fff']);
		expect(usedKeys(parent.dataset).size).toBe(0);
		// The next load on top of "your copy" is an ordinary version of it.
		saver.afterLoad(batch('themes', 't1.csv'));
		await saver.save(['t1.csv'], facts('33333333'));
		const next = currentVersion(await history());
		expect(next.parent).toBe(copy.id);
		expect(next.dataset.base).toEqual(base);
		expect(next.dataset.tables.outcomes.map((e) => e.name)).toEqual(['o1.csv']);
	});

	test('every load is a version with its files, and older versions keep their files', async () => {
		const saver = new DatasetSaver();
		for (const name of ['m1.csv', 'm2.csv', 'm3.csv']) {
			saver.afterLoad(batch('meetings', name));
			await saver.save([name], facts('22222222'));
		}
		const h = await history();
		expect(h.versions.map((v) => v.files)).toEqual([[], ['m1.csv'], ['m2.csv'], ['m3.csv']]);
		const first = h.versions[1]!;
		expect((await readFiles(first.dataset)).size).toBe(1);
	});

	test(`only the newest ${KEEP_VERSIONS} versions are kept, with the files they use`, async () => {
		const saver = new DatasetSaver();
		for (let i = 0; i < KEEP_VERSIONS + 3; i++) {
			saver.afterLoad(batch('meetings', `m${i}.csv`));
			await saver.save([`m${i}.csv`], facts('33333333'));
		}
		const h = await history();
		expect(h.versions).toHaveLength(KEEP_VERSIONS);
		const kept = [...new Set(h.versions.flatMap((v) => [...usedKeys(v.dataset)]))];
		expect((await all('files', 'getAllKeys')).sort()).toEqual(kept.sort());
	});

	test(`a save that does not fit drops versions beyond the newest ${KEEP_WHEN_FULL}, then succeeds; with room again, the next save succeeds too`, async () => {
		const saver = new DatasetSaver();
		for (let i = 0; i < KEEP_VERSIONS; i++) {
			saver.afterLoad(batch('meetings', `m${i}.csv`));
			await saver.save([`m${i}.csv`], facts('55555555'));
		}
		expect((await history()).versions).toHaveLength(KEEP_VERSIONS);
		storage.full = 'until-freed';
		saver.afterLoad(batch('meetings', 'big.csv'));
		await saver.save(['big.csv'], facts('66666666'));
		const h = await history();
		expect(h.versions).toHaveLength(KEEP_WHEN_FULL + 1);
		expect(currentVersion(h).files).toEqual(['big.csv']);
		const kept = [...new Set(h.versions.flatMap((v) => [...usedKeys(v.dataset)]))];
		expect((await all('files', 'getAllKeys')).sort()).toEqual(kept.sort());
		// Full whatever is dropped: the save fails whole, and nothing stays stuck once there is room.
		storage.full = 'always';
		saver.afterLoad(batch('themes', 't1.csv'));
		await expect(saver.save(['t1.csv'], facts('77777777'))).rejects.toBeInstanceOf(QuotaError);
		expect((await history()).current).toBe(h.current);
		storage.full = 'no';
		await saver.save(['t1.csv'], facts('77777777'));
		expect(currentVersion(await history()).files).toEqual(['t1.csv']);
	});

	test('a version naming a file that is not stored is refused and the history stays as it was', async () => {
		const saver = new DatasetSaver();
		saver.afterLoad(batch('meetings', 'm1.csv'));
		await saver.save(['m1.csv'], facts('44444444'));
		const before = await history();
		const live: StoredDataset = {
			...before.versions[1]!.dataset,
			tables: {
				...before.versions[1]!.dataset.tables,
				themes: [{ name: 'lost.csv', key: 'never-stored' }]
			}
		};
		const attempt = saveVersion({
			baseId: before.current,
			live,
			files: new Map(),
			baseline: sampleVersion({ id: 'b', savedAt: 1, rows: {}, fingerprint: null }),
			make: (dataset, stamps) => ({
				id: '',
				parent: null,
				savedAt: 2,
				files: ['lost.csv'],
				rows: {},
				fingerprint: null,
				dataset,
				stamps
			})
		});
		await expect(attempt).rejects.toThrow(/not stored/);
		expect(await history()).toEqual(before);
	});

	test('a stored record of an unknown shape is reported and set aside, never overwritten', async () => {
		await put('history', { version: 99, something: 'from a newer build' });
		expect((await readSaved()).kind).toBe('unknown');
		const saver = new DatasetSaver();
		saver.afterLoad(batch('meetings', 'm1.csv'));
		await saver.save(['m1.csv'], facts('55555555'));
		expect(currentVersion(await history()).files).toEqual(['m1.csv']);
		expect(await all('meta', 'getAll')).toContainEqual({
			version: 99,
			something: 'from a newer build'
		});
	});

	test('a save from before version history is read as one version', async () => {
		await put('dataset', {
			version: 1,
			tables: {
				meetings: [{ name: 'old.csv', key: 'k1' }],
				outcomes: [{ sample: true, name: 'outcomes.csv' }],
				themes: [{ sample: true, name: 'themes.csv' }],
				attendance: [{ sample: true, name: 'attendance.csv' }]
			}
		});
		const h = await history();
		expect(h.versions).toHaveLength(1);
		expect(currentVersion(h).files).toEqual(['old.csv']);
	});
});

describe('two tabs saving', () => {
	test('a load in one tab and another table in a second tab are both kept', async () => {
		const a = new DatasetSaver();
		const b = new DatasetSaver();
		a.afterLoad(batch('meetings', 'meetings-a.csv'));
		await a.save(['meetings-a.csv'], facts('66666666'));
		b.afterLoad(batch('themes', 'themes-b.csv'));
		const r = await b.save(['themes-b.csv'], facts('77777777'));
		expect(r.merged).toBe(true);
		expect(r.conflicts).toEqual([]);
		const now = currentVersion(await history()).dataset.tables;
		expect(now.meetings.map((e) => e.name)).toEqual(['meetings-a.csv']);
		expect(now.themes.map((e) => e.name)).toEqual(['themes-b.csv']);
		// The merged version's numbers are not those of either tab's live tables.
		expect(r.version.fingerprint).toBeNull();
		expect(othersFiles(r.version)).toEqual(['meetings-a.csv']);
	});

	test('two tabs loading the same table: the later load wins and says so', async () => {
		const a = new DatasetSaver();
		const b = new DatasetSaver();
		a.afterLoad(batch('meetings', 'meetings-a.csv'));
		await a.save(['meetings-a.csv'], facts('88888888'));
		b.afterLoad(batch('meetings', 'meetings-b.csv'));
		const r = await b.save(['meetings-b.csv'], facts('99999999'));
		expect(r.conflicts).toEqual(['meetings']);
	});

	test("a tab's next save after a merge keeps the other tab's table", async () => {
		const a = new DatasetSaver();
		const b = new DatasetSaver();
		a.afterLoad(batch('meetings', 'meetings-a.csv'));
		await a.save(['meetings-a.csv'], facts('aaaaaaaa'));
		b.afterLoad(batch('themes', 'themes-b.csv'));
		await b.save(['themes-b.csv'], facts('bbbbbbbb'));
		b.afterLoad(batch('outcomes', 'outcomes-b.csv'));
		await b.save(['outcomes-b.csv'], facts('cccccccc'));
		const now = currentVersion(await history()).dataset.tables;
		expect(now.meetings.map((e) => e.name)).toEqual(['meetings-a.csv']);
		expect(now.outcomes.map((e) => e.name)).toEqual(['outcomes-b.csv']);
	});
});

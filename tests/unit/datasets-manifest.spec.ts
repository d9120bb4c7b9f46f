import { describe, expect, test } from 'vitest';
import { DatasetError } from '../../src/lib/datasets/errors';
import { checkSha256, sha256Hex } from '../../src/lib/datasets/hash';
import {
	BUNDLE_FORMAT,
	fileUrl,
	isBundlePath,
	manifestJson,
	parseManifest
} from '../../src/lib/datasets/manifest';

const GOOD = {
	format: BUNDLE_FORMAT,
	title: 'ISC-TF coordination',
	version: '2026.1',
	published: '2026-11-30',
	publisher: 'ISC-TF secretariat',
	files: [{ path: 'meetings.csv' }, { path: 'tables/outcomes.parquet', table: 'outcomes' }]
};

/** The DatasetError code and params `f` throws. */
function failure(f: () => unknown): { code: string; params: Record<string, unknown> } {
	try {
		f();
	} catch (e) {
		if (e instanceof DatasetError) return { code: e.code, params: e.params };
		throw e;
	}
	throw new Error('did not throw');
}

const parse = (o: object) => parseManifest(JSON.stringify(o));

describe('bundle manifest', () => {
	test('a complete manifest reads back with its files, tables and trimmed text', () => {
		const m = parse({ ...GOOD, title: '  ISC-TF coordination ', description: 'Official.' });
		expect(m.title).toBe('ISC-TF coordination');
		expect(m.description).toBe('Official.');
		expect(m.files).toEqual([
			{ path: 'meetings.csv' },
			{ path: 'tables/outcomes.parquet', table: 'outcomes' }
		]);
	});

	test('a manifest the writer made is read back unchanged', () => {
		const files = [
			{ path: 'themes.parquet', table: 'themes' as const, sha256: 'a'.repeat(64), bytes: 10 }
		];
		const info = { title: 'T', version: '1', published: '2026-01-02', publisher: 'P' };
		const m = parseManifest(manifestJson({ ...info, fingerprint: '0123abcd', files }));
		expect(m).toEqual({ format: BUNDLE_FORMAT, ...info, fingerprint: '0123abcd', files });
	});

	test.each(['title', 'version', 'published', 'publisher'])(
		'a manifest without its %s is refused, naming the field',
		(field) => {
			const o: Record<string, unknown> = { ...GOOD };
			delete o[field];
			expect(failure(() => parse(o))).toEqual({ code: 'manifest-field', params: { field } });
		}
	);

	test('a date that is not a calendar date is refused as the published field', () => {
		expect(failure(() => parse({ ...GOOD, published: '30/11/2026' })).params.field).toBe(
			'published'
		);
	});

	test('an unknown format version is refused, saying which format it found', () => {
		expect(failure(() => parse({ ...GOOD, format: 'intersect-dataset/2' }))).toEqual({
			code: 'manifest-format',
			params: { found: 'intersect-dataset/2' }
		});
		expect(failure(() => parse({ ...GOOD, format: undefined })).params.found).toBe('(none)');
	});

	test('text that is not JSON, or JSON that is not an object, is refused as not a manifest', () => {
		expect(failure(() => parseManifest('<html>404</html>')).code).toBe('manifest-json');
		expect(failure(() => parseManifest('[1,2]')).code).toBe('manifest-json');
	});

	test('a manifest with no files, or the same file twice, is refused', () => {
		expect(failure(() => parse({ ...GOOD, files: [] })).code).toBe('manifest-files');
		const twice = [{ path: 'a.csv' }, { path: 'a.csv' }];
		expect(failure(() => parse({ ...GOOD, files: twice })).code).toBe('manifest-files');
	});

	test.each([
		'../secrets.csv',
		'a/../../b.csv',
		'/etc/passwd',
		'https://elsewhere.example/x.csv',
		'//elsewhere.example/x.csv',
		'%2e%2e/x.csv',
		'a\\..\\b.csv',
		'x.csv?download=1',
		'./x.csv'
	])('a file path escaping the bundle (%s) is refused', (path) => {
		expect(isBundlePath(path)).toBe(false);
		expect(failure(() => parse({ ...GOOD, files: [{ path }] }))).toEqual({
			code: 'manifest-path',
			params: { path }
		});
	});

	test('file URLs resolve inside the manifest folder; a path that escapes it is refused', () => {
		const base = 'https://intranet.example/data/2026/manifest.json';
		expect(fileUrl(base, { path: 'tables/a b.csv' })).toBe(
			'https://intranet.example/data/2026/tables/a%20b.csv'
		);
		expect(failure(() => fileUrl(base, { path: '../2025/x.csv' })).code).toBe('manifest-path');
	});

	test('an unknown table or a malformed hash is refused, naming the file', () => {
		const badTable = [{ path: 'x.csv', table: 'people' }];
		expect(failure(() => parse({ ...GOOD, files: badTable }))).toEqual({
			code: 'manifest-table',
			params: { path: 'x.csv', table: 'people' }
		});
		const badHash = [{ path: 'x.csv', sha256: 'abc' }];
		expect(failure(() => parse({ ...GOOD, files: badHash })).code).toBe('manifest-hash');
	});

	test('bytes whose SHA-256 differs from the manifest are refused, naming the file', async () => {
		const bytes = new TextEncoder().encode('meeting_no,date\n1,2024-01-01\n');
		const right = await sha256Hex(bytes);
		expect(await checkSha256('meetings.csv', bytes, right.toUpperCase())).toBe(right);
		const wrong = `${right.slice(0, 63)}${right.endsWith('0') ? '1' : '0'}`;
		await expect(checkSha256('meetings.csv', bytes, wrong)).rejects.toMatchObject({
			code: 'hash-mismatch',
			params: { file: 'meetings.csv', expected: wrong, actual: right }
		});
	});
});

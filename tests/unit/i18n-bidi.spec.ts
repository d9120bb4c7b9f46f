/**
 * Values inserted into right-to-left sentences: in Arabic a file name, a code or a number sits
 * in Unicode isolates (U+2068 … U+2069) so it keeps its order; other languages are unchanged.
 */
import { describe, expect, test } from 'vitest';
import { isolate, t } from '../../src/lib/i18n';

describe('bidi isolates', () => {
	test('an Arabic message isolates a Latin file name and a number; English does not', () => {
		expect(t('fig.export.saved', { file: 'intersect-BR.svg' }, 'ar')).toBe(
			'تم تنزيل \u2068intersect-BR.svg\u2069.'
		);
		expect(t('fig.export.saved', { file: 'intersect-BR.svg' }, 'en')).toBe(
			'Downloaded intersect-BR.svg.'
		);
		expect(t('fig.export.pngPrintHelp', { width: 1890 }, 'ar')).toContain('\u20681,890\u2069');
	});

	test('isolate leaves Arabic-only text alone and never wraps twice', () => {
		expect(isolate('القطاع')).toBe('القطاع');
		expect(isolate(isolate('TSB'))).toBe('\u2068TSB\u2069');
	});
});

describe('file errors are codes, worded in the reader’s language', () => {
	test('a size in MB is grouped for the language and isolated in Arabic', async () => {
		const { FileError } = await import('../../src/lib/ingest/detect');
		const { fileErrorText } = await import('../../src/lib/ingest/file-error-text');
		const e = new FileError('huge.csv', 'tooBigSize', { mb: 1229 });
		expect(e.message).not.toMatch(/too big/);
		expect(fileErrorText(e, 'en')).toMatch(/^huge\.csv \(1,229 MB\) is too big/);
		expect(fileErrorText(e, 'fr')).toMatch(/^huge\.csv \(1\u202f229 Mo\) est trop volumineux/);
		expect(fileErrorText(e, 'ar')).toContain('\u2068huge.csv\u2069');
	});
});

describe('row problems are codes, worded in the reader’s language', () => {
	test('a duplicate key names column, file and row in French and Russian', async () => {
		const { problemReason } = await import('../../src/lib/db/queries/problems');
		const { problemText } = await import('../../src/lib/ingest/problem-text');
		const reason = problemReason('duplicate', 'meeting_no', 'a.csv', '2');
		expect(reason).not.toMatch(/first in/);
		expect(problemText(reason, 'fr')).toBe(
			'meeting_no en double : première occurrence dans a.csv, ligne 2'
		);
		expect(problemText(reason, 'ru')).toBe('повтор meeting_no: впервые в a.csv, строка 2');
		// Text that is no code (an older saved report) is shown as it is.
		expect(problemText('something else', 'fr')).toBe('something else');
	});
});

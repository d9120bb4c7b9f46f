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

/**
 * Refusals that used to be English sentences are codes worded in the reader's language: an embed
 * link's reasons (`EmbedError.reason`) and a bundle's failing row (`DatasetError` params).
 */
import { afterEach, describe, expect, test } from 'vitest';
import { DatasetError } from '../../src/lib/datasets/errors';
import { datasetErrorText } from '../../src/lib/datasets/messages';
import { decodeEmbed, EmbedError } from '../../src/lib/figures/embed-payload';
import { embedReasonText } from '../../src/lib/figures/embed-reason-text';
import { localeState } from '../../src/lib/i18n';

afterEach(() => {
	localeState.current = 'en';
});

describe('refusal reasons in the reader’s language', () => {
	test('a damaged embed link says why in French', async () => {
		const e = await decodeEmbed('not base64!', 'theme-trends').catch((x: unknown) => x);
		expect(e).toBeInstanceOf(EmbedError);
		localeState.current = 'fr';
		expect(embedReasonText(e as EmbedError)).toBe('ses données ne sont pas un graphique compressé');
		const many = new EmbedError('too-many', '', 150, 'themes', { n: 150, limit: 100 });
		expect(embedReasonText(many)).toBe('thèmes : 150 (au plus 100)');
	});

	test('a bundle’s failing row names file, row, column, reason and value in Russian', () => {
		const e = new DatasetError('file-invalid', {
			file: 'meetings.csv',
			row: 4,
			column: 'participants',
			reason: 'notWhole',
			value: '-3',
			errors: 1
		});
		expect(datasetErrorText(e)).toBe(
			'meetings.csv, row 4, participants: not a whole number (“-3”)'
		);
		localeState.current = 'ru';
		expect(datasetErrorText(e)).toBe('meetings.csv, строка 4, participants: не целое число («-3»)');
		const count = new DatasetError('file-errors', { file: 'outcomes.csv', count: 5 });
		expect(datasetErrorText(count)).toBe('outcomes.csv: 5 ошибок');
	});
});

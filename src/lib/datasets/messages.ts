/** Bundle failures as one sentence for the reader (the codes come from errors.ts). */
import { dt } from '$lib/i18n';
import { problemText } from '$lib/ingest/problem-text';
import { DatasetError } from './errors';

/** The sentence saying why opening a published dataset failed. */
export function datasetErrorText(e: unknown): string {
	if (!(e instanceof DatasetError)) return e instanceof Error ? e.message : String(e);
	const p = e.params;
	if (e.code === 'fetch-blocked')
		return dt(p.cross ? 'err.fetch-blocked-cross' : 'err.fetch-blocked', p);
	if (e.code === 'file-invalid') {
		// A row error: its reason is a problem code, worded now, in the reader's language.
		const reason = problemText(String(p.reason ?? ''));
		const text = p.value === undefined ? reason : dt('err.value', { text: reason, value: p.value });
		return dt(p.column === undefined ? 'err.file-row' : 'err.file-cell', { ...p, reason: text });
	}
	return dt(`err.${e.code}`, p);
}

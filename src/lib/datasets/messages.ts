/** Bundle failures as one sentence for the reader (the codes come from errors.ts). */
import { dt } from '$lib/i18n';
import { DatasetError } from './errors';

/** The sentence saying why opening a published dataset failed. */
export function datasetErrorText(e: unknown): string {
	if (!(e instanceof DatasetError)) return e instanceof Error ? e.message : String(e);
	const p = e.params;
	if (e.code === 'fetch-blocked')
		return dt(p.cross ? 'err.fetch-blocked-cross' : 'err.fetch-blocked', p);
	return dt(`err.${e.code}`, p);
}

/**
 * Why a published dataset could not be opened, as a code with parameters (the file, the field,
 * the status): the UI turns it into one sentence in the reader's language (messages.ts).
 */

/** What went wrong opening or making a bundle. */
export type DatasetErrorCode =
	| 'manifest-json'
	| 'manifest-format'
	| 'manifest-field'
	| 'manifest-files'
	| 'manifest-path'
	| 'manifest-table'
	| 'manifest-hash'
	| 'fetch-blocked'
	| 'fetch-status'
	| 'fetch-html'
	| 'hash-mismatch'
	| 'file-invalid'
	| 'file-refused'
	| 'file-errors'
	| 'index-invalid';

/** A failure opening, fetching or writing a bundle; `params` name the file, field or status. */
export class DatasetError extends Error {
	constructor(
		readonly code: DatasetErrorCode,
		readonly params: Record<string, string | number> = {}
	) {
		super(`${code}: ${JSON.stringify(params)}`);
		this.name = 'DatasetError';
	}
}

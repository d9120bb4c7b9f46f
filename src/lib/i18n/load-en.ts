/**
 * English strings of the load UI (mapping, progress, storage). Part of the one catalogue: en.ts
 * merges it under a prefix; look strings up with `lt` from i18n/index.ts.
 */
/** The strings, keyed without their catalogue prefix. */
export const loadStrings = {
	'mode.legend': 'Uploaded tables',
	'mode.replace': 'Replace',
	'mode.append': 'Append rows',
	'mode.replaceHelp': 'Each uploaded table replaces the loaded one.',
	'mode.appendHelp':
		'Rows are added to the loaded table; a row whose key is already loaded is rejected.',
	'review.label': 'Check files before loading',
	'mapping.heading': 'How {file} is read',
	'mapping.table': 'Table',
	'mapping.none': '— not loaded —',
	'mapping.guessed': 'recognised from the header',
	'mapping.chosen': 'chosen by you',
	'mapping.column': 'Contract column',
	'mapping.fileColumn': 'Column in the file',
	'mapping.how': 'Matched',
	'mapping.how.exact': 'same name',
	'mapping.how.synonym': 'synonym',
	'mapping.how.manual': 'by hand',
	'mapping.how.missing': 'missing',
	'mapping.required': 'required',
	'mapping.noColumn': '— none —',
	'mapping.extras': 'Kept as extra columns: {columns}.',
	'mapping.preview': 'First rows of {file}',
	'mapping.dialect': '{kind}, {encoding}, separated by {delimiter}',
	'mapping.selectLabel': 'File column for {column}',
	'mapping.tableLabel': 'Table for {file}',
	'progress.label': 'Load progress',
	'progress.reading': 'Reading {file}',
	'progress.decoding': 'Decoding {file}',
	'progress.parsing': 'Parsing {file}',
	'progress.validating': 'Checking {file}',
	'progress.loading': 'Loading {file}',
	'progress.restoring': 'Restoring your saved dataset',
	'progress.cancel': 'Cancel loading',
	'upload.cancelled': 'Loading was cancelled. The dashboard still shows the previous data.',
	'upload.review': 'Check how {files} will be read, then load.',
	'upload.loadAll': 'Load',
	'storage.full':
		'This browser’s storage is full, so this load was not saved: after a reload Intersect shows the dataset saved before it.',
	'storage.failed':
		'This load could not be saved in the browser ({message}); it will be lost on reload.',
	'storage.restoreFailed':
		'Your saved dataset could not be restored ({message}). Showing the sample data; load your files again or reset to the sample.',
	'storage.restored': 'Restored your saved dataset ({files}).'
} as const;

/** A load-UI message key. */
export type LoadMessageKey = keyof typeof loadStrings;

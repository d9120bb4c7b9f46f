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
		'This browser’s storage is full, so this load was not saved: after a reload Intersect shows the dataset saved before it. The next load tries to save both.',
	'storage.failed':
		'This load could not be saved in the browser ({message}); after a reload Intersect shows the dataset saved before it.',
	'storage.restoreFailed':
		'Your saved dataset could not be restored ({message}). Showing the sample data; your saved copy is kept in the history.',
	'storage.restoreRejected':
		'Your saved dataset was restored, but {rows} rows no longer pass the checks and were left out.',
	'storage.unknown':
		'Your saved dataset is stored in a form this version of Intersect cannot read. It is kept untouched; showing the sample data.',
	'storage.saving': 'Saving in this browser',
	'history.heading': 'History',
	'history.summary': 'History ({count} versions)',
	'history.undo': 'Undo last load',
	'history.current': 'current',
	'history.restore': 'Go back to this version',
	'history.sample': 'Sample data',
	'history.earlier': 'an earlier session',
	'history.rows': '{rows} rows',
	'history.switched': 'Restored the version saved {time}.',
	'tabs.merged':
		'Another tab loaded data while you worked; the saved dataset keeps both loads. Refresh to see it.',
	'tabs.conflict':
		'Another tab had also changed {tables}; your load replaced it there. The other load is kept in the history.',
	'tabs.announce': 'Another tab loaded {files}.',
	'tabs.refresh': 'Show it here',
	'storage.restored': 'Restored your saved dataset ({files}).'
} as const;

/** A load-UI message key. */
export type LoadMessageKey = keyof typeof loadStrings;

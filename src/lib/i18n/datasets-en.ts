/**
 * English strings of published datasets (Datasets menu, publishing, link notices, bundle errors).
 * Part of the one catalogue: en.ts merges it under `ds.`; look strings up with `dt`.
 */
/** The strings, keyed without their catalogue prefix. */
export const datasetStrings = {
	'menu.button': 'Datasets',
	'menu.label': 'Choose a dataset',
	'menu.published': 'Published',
	'menu.sample': 'Sample data',
	'menu.uploads': 'My uploads',
	'menu.noUploads': 'My uploads (none saved in this browser)',
	'menu.publish': 'Publish…',
	'menu.current': '(shown)',
	'badge.published': 'Published dataset',
	'badge.yourCopy': 'Your copy of',
	'badge.meta': 'version {version} · published {date} by {publisher}',
	'badge.yourCopyNote':
		'You loaded your own files on top of the published dataset: these numbers are not the official ones.',
	opening: 'Opening the published dataset…',
	opened: 'Opened {title}, version {version}.',
	failed: 'The published dataset could not be opened: {reason}',
	'err.manifest-json': 'manifest.json is not a dataset manifest (not a JSON object).',
	'err.manifest-format':
		'manifest.json has format “{found}”; this version of Intersect reads “intersect-dataset/1”.',
	'err.manifest-field': 'manifest.json has no valid “{field}”.',
	'err.manifest-files': 'manifest.json lists no files, or a file twice.',
	'err.manifest-path':
		'manifest.json names the file “{path}”, which is outside the bundle’s folder.',
	'err.manifest-table':
		'{path}: “{table}” is not one of the tables meetings, themes, outcomes, attendance.',
	'err.manifest-hash': '{path}: its sha256 in manifest.json is not 64 hexadecimal digits.',
	'err.fetch-blocked-cross':
		'{file} could not be fetched from {origin}: that server must allow this site to read it (CORS: Access-Control-Allow-Origin), or it is unreachable.',
	'err.fetch-blocked': '{file} could not be fetched: the server is unreachable ({detail}).',
	'err.fetch-status': '{file}: the server answered {status} {statusText}.',
	'err.fetch-html':
		'{file}: the server sent a web page instead of the file (is the address right?).',
	'err.hash-mismatch':
		'{file} is not the file the manifest describes (its SHA-256 differs): it was changed or only partly copied.',
	'err.file-invalid': '{file}: {detail}',
	'err.index-invalid': 'datasets/index.json is not a list of datasets.',
	'link.differs':
		'This link was made with data you don’t have: dataset fingerprint {wanted}. You have {have} (fingerprint {now}), so its numbers would not be the sender’s.',
	'link.ask': 'Ask the sender to publish the dataset, or to send the figure as an exported file.',
	'link.showMine': 'Show my data instead',
	'link.checking': 'Checking which data this link was made with…',
	'publish.title': 'Publish the loaded dataset',
	'publish.intro':
		'Makes a zip with one folder: manifest.json and one Parquet file per table. Copy the folder onto any web server and open Intersect with ?dataset=<folder>/manifest.json.',
	'publish.field.title': 'Title',
	'publish.field.version': 'Version',
	'publish.field.published': 'Published on',
	'publish.field.publisher': 'Publisher',
	'publish.field.description': 'Description (optional)',
	'publish.make': 'Download bundle (.zip)',
	'publish.cancel': 'Close',
	'publish.done': 'Saved {file}: {tables} tables, fingerprint {fingerprint}.',
	'publish.failed': 'The bundle could not be made: {message}'
} as const;

/** A key of the published-dataset strings. */
export type DatasetMessageKey = keyof typeof datasetStrings;

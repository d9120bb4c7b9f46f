/** Sentences about how files were recognised: a refusal for its table, a misleading extension. */
import { formatList, lt } from '$lib/i18n';
import { fileErrorText as fileProblemText } from '$lib/ingest/file-error-text';
import type { FileReport } from '$lib/ingest/load';

const HEADER_SHOWN = 6;

/**
 * A file's failure as a sentence in the interface language: its refusal, else its file-level
 * problem code, else its error text.
 */
export function fileErrorText(f: FileReport): string | undefined {
	const r = f.refusal;
	if (!r) return f.errorCode ? fileProblemText({ file: f.file, ...f.errorCode }) : f.error;
	if (r.code === 'ambiguous')
		return lt('recognition.ambiguous', {
			file: f.file,
			tables: formatList(r.tables, 'disjunction')
		});
	if (r.table === null) {
		const more = f.headers.length > HEADER_SHOWN ? ', …' : '';
		const header = f.headers.slice(0, HEADER_SHOWN).join(', ') + more;
		return lt('recognition.none', { file: f.file, header });
	}
	if (r.missing.length === 0)
		return lt('recognition.foreign', {
			file: f.file,
			table: r.table,
			columns: formatList(r.foreign)
		});
	return lt('recognition.misfit', { file: f.file, table: r.table, columns: formatList(r.missing) });
}

const NAMED: [RegExp, 'csv' | 'parquet'][] = [
	[/\.(parquet|pq)$/i, 'parquet'],
	[/\.(csv|tsv|txt)$/i, 'csv']
];
const KIND_NAME = { csv: 'CSV', parquet: 'Parquet' } as const;

/** The note for a file whose extension names another kind than its content, or null. */
export function kindNote(f: FileReport): string | null {
	const named = NAMED.find(([re]) => re.test(f.file))?.[1];
	if (!named || !f.kind || named === f.kind) return null;
	return lt('recognition.extension', {
		file: f.file,
		named: KIND_NAME[named],
		read: KIND_NAME[f.kind]
	});
}

/** The notes of a batch's files (misleading extensions), in file order. */
export function kindNotes(files: FileReport[]): string[] {
	return files.flatMap((f) => kindNote(f) ?? []);
}

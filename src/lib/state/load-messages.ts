/** The sentences a load ends with: what was loaded, what needs a decision, why nothing was. */
import { formatList, t } from '$lib/i18n';
import { lt } from '$lib/i18n';
import { problemText } from '$lib/ingest/problem-text';
import { isOutOfMemory } from '$lib/ingest/errors';
import type { BatchReport } from '$lib/ingest/load';
import { fileErrorText, kindNotes } from './recognition-messages';

/** A message shown after a load: an error (role=alert), a question, or a confirmation. */
export interface LoadMessage {
	kind: 'error' | 'review' | 'success';
	text: string;
	details: string[];
	/** Problems beside the main message that must not go unnoticed (storage full): role=alert. */
	alerts?: string[];
}

/** True when the batch has something the analyst can still fix by choosing a table or column. */
export function isRemappable(batch: BatchReport): boolean {
	return batch.files.some((f, i) => f.error && batch.staged[i] !== null);
}

/** True when a batch can go live without asking: no errors, no failed file. */
export function isClean(batch: BatchReport): boolean {
	return batch.errorCount === 0 && batch.files.every((f) => !f.error);
}

/** The message for a prepared batch that waits for the analyst (or cannot load at all). */
export function pendingMessage(batch: BatchReport): LoadMessage {
	const failed = [...batch.files.flatMap((f) => fileErrorText(f) ?? []), ...kindNotes(batch.files)];
	const files = batch.files.map((f) => f.file).join(', ');
	if (isClean(batch)) return { kind: 'review', text: lt('upload.review', { files }), details: [] };
	if (batch.tables.length === 0 && failed.length > 0)
		return { kind: 'error', text: t('upload.failed'), details: failed };
	// The first few row errors in the alert itself, so the gist is read out without the table.
	const first = batch.problems
		.filter((p) => p.severity === 'error')
		.slice(0, 3)
		.map(
			(p) =>
				`${t('report.problemAt', { file: p.file, row: p.row })}${p.column ? `, ${p.column}` : ''}: ${problemText(p.reason)}${p.value === null ? '' : ` (“${p.value}”)`}`
		);
	return {
		kind: 'error',
		text: t('upload.problems', {
			errors: batch.errorCount,
			warnings: batch.warningCount,
			files
		}),
		details: [...failed, ...first]
	};
}

/** The message after a batch went live. */
export function loadedMessage(batch: BatchReport): LoadMessage {
	return {
		kind: 'success',
		text: t('upload.loaded', { files: batch.tables.flatMap((x) => x.files).join(', ') }),
		details: [
			...batch.tables.map(
				(x) => `${x.table}: ${x.files.join(', ')} (${t('dataset.rows', { rows: x.rows })})`
			),
			...kindNotes(batch.files)
		]
	};
}

/** The message for a load that stopped: cancelled, out of memory, or an unexpected failure. */
export function stoppedMessage(e: unknown, files: string[]): LoadMessage {
	if (e instanceof DOMException && e.name === 'AbortError')
		return { kind: 'success', text: lt('upload.cancelled'), details: [] };
	const detail = isOutOfMemory(e)
		? lt('file.tooBigList', { files: formatList(files) })
		: e instanceof Error
			? e.message
			: String(e);
	return { kind: 'error', text: t('upload.failed'), details: [detail] };
}

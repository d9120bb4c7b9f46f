/**
 * Deciding each staged file's table and column mapping before it is checked: the table must fit
 * (contract/recognise.ts) unless the analyst chose it; a file that fits none, or several, is
 * refused with a code the interface words.
 */
import { getTable } from '../contract/contract';
import { matchHeaders } from '../contract/match';
import { guessTable } from '../contract/recognise';
import type { BatchReport, FileReport, Refusal } from './batch';
import type { MappedFile as Mapped } from './validate-group';

/** Decide each staged file's table and column mapping; a file that fits no table (or several) is refused with a code. */
export function mapFiles(batch: BatchReport): Mapped[] {
	const mapped: Mapped[] = [];
	batch.staged.forEach((raw, index) => {
		const report = batch.files[index]!;
		if (!raw) return;
		const override = batch.inputs[index]?.override;
		const guess = override?.table ? null : guessTable(raw.headers, raw.file);
		const table = override?.table ?? guess?.table ?? null;
		report.tableChosen = override?.table !== undefined;
		report.table = table ?? guess?.resembles ?? null;
		report.mapping = null;
		report.refusal = undefined;
		report.rowsLoaded = 0;
		report.rowsRejected = report.rowsRead;
		const mapping = report.table
			? matchHeaders(raw.headers, getTable(report.table), override?.manual)
			: null;
		report.mapping = mapping;
		if (guess && guess.recognition.code !== 'fits') {
			refuse(report, guess.recognition);
			return;
		}
		if (!table || !mapping || mapping.missing.length > 0) {
			const missing = mapping?.missing ?? [];
			refuse(report, { code: 'misfit', table, missing, foreign: [] });
			return;
		}
		report.error = undefined;
		report.errorCode = undefined;
		mapped.push({ raw, report, mapping, index });
	});
	return mapped;
}

/**
 * Refuse a file for its table: the code for the UI to word, and a plain summary where no UI
 * words it (bundle errors in the Node script, logs).
 */
function refuse(report: FileReport, refusal: Refusal): void {
	report.refusal = refusal;
	const r = refusal;
	const parts =
		r.code === 'ambiguous'
			? [`fits several tables (${r.tables.join(', ')})`]
			: r.table === null
				? ['fits no table']
				: [
						`looks like ${r.table}`,
						...(r.missing.length ? [`missing ${r.missing.join(', ')}`] : []),
						...(r.foreign.length ? [`also has ${r.foreign.join(', ')}, another table's key`] : [])
					];
	const why = parts.join('; ');
	report.error = `${report.file}: ${why}`;
}

/** The first rows of a CSV: delimiter, header and a preview, parsed with PapaParse. */
import Papa from 'papaparse';
import { FileError } from './detect';

/** What sniffing a CSV found. */
export interface CsvSniff {
	delimiter: ',' | ';' | '\t';
	headers: string[];
	preview: string[][];
}

const DELIMITERS = [',', ';', '\t'] as const;

/** Sniff the head of a CSV (first ~64 KB of text): delimiter, header row, up to `rows` rows. */
export function sniffCsv(file: string, head: string, rows = 5): CsvSniff {
	const text = head.replace(/^\uFEFF/, '');
	if (text.trim() === '') throw new FileError(file, 'empty');
	const parsed = Papa.parse<string[]>(text, {
		preview: rows + 1,
		delimitersToGuess: [...DELIMITERS],
		skipEmptyLines: 'greedy'
	});
	const delimiter = parsed.meta.delimiter as CsvSniff['delimiter'];
	const [header, ...preview] = parsed.data;
	if (!header || !DELIMITERS.includes(delimiter) || header.length < 2)
		throw new FileError(file, 'notTable');
	return { delimiter, headers: header.map((h) => h.trim()), preview };
}

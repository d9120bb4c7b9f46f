/** CSV writing for downloads: RFC 4180 quoting, formula-injection guard, UTF-8 BOM for Excel. */

const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell: neutralised when it would start a spreadsheet formula, quoted when needed. */
export function csvCell(value: unknown): string {
	if (value === null || value === undefined) return '';
	let s = Array.isArray(value) ? value.join(';') : String(value);
	// A leading apostrophe makes Excel and LibreOffice show the text instead of running it (OWASP).
	// The final text is judged (a list joins to text too); only true numbers keep a leading minus.
	const isNumber = typeof value === 'number' || typeof value === 'bigint';
	if (!isNumber && FORMULA_START.test(s)) s = `'${s}`;
	return /[",\r\n;]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A CSV document (CRLF line ends, leading BOM) from a header and rows of cells. */
export function toCsv(header: string[], rows: unknown[][]): string {
	const lines = [header, ...rows].map((r) => r.map(csvCell).join(','));
	return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Offer `content` to the user as a file download. */
export function downloadText(
	fileName: string,
	content: string,
	type = 'text/csv;charset=utf-8'
): void {
	const url = URL.createObjectURL(new Blob([content], { type }));
	const a = document.createElement('a');
	a.href = url;
	a.download = fileName;
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A column of a chart's data table, as ChartFrame's "Show data" table has it. */
export interface CsvColumn {
	key: string;
	label: string;
}

/**
 * A chart's numbers as CSV: the data table's header and rows (raw values: numbers unformatted,
 * ratios 0–1), then a blank line and `#` lines naming the source and the figure's provenance.
 * Trailing, not leading, so spreadsheets still see the header first; pandas and R skip them with
 * `comment='#'` / `comment.char = "#"`.
 */
export function chartCsv(o: {
	columns: readonly CsvColumn[];
	rows: readonly Record<string, unknown>[];
	footer: readonly string[];
}): string {
	const table = toCsv(
		o.columns.map((c) => c.label),
		o.rows.map((r) => o.columns.map((c) => r[c.key]))
	);
	const footer = o.footer.map((line) => csvCell(line.startsWith('#') ? line : `# ${line}`));
	return footer.length ? `${table}\r\n${footer.join('\r\n')}\r\n` : table;
}

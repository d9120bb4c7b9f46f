/** CSV writing for downloads: RFC 4180 quoting, formula-injection guard, UTF-8 BOM for Excel. */

const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell: neutralised when it would start a spreadsheet formula, quoted when needed. */
export function csvCell(value: unknown): string {
	if (value === null || value === undefined) return '';
	let s = Array.isArray(value) ? value.join(';') : String(value);
	// A leading apostrophe makes Excel and LibreOffice show the text instead of running it (OWASP).
	if (typeof value === 'string' && FORMULA_START.test(s)) s = `'${s}`;
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

/** Virtual scrolling maths for the results grid: which rows to render, how wide each column. */
import type { ResultColumn } from './cells';

/** Height of one grid row (px); fixed so a row's position is its index times this. */
export const ROW_HEIGHT = 28;

/** The rows to render for a scroll position: `start` inclusive, `end` exclusive. */
export function visibleRows(o: {
	scrollTop: number;
	viewportHeight: number;
	rowCount: number;
	rowHeight?: number;
	overscan?: number;
}): { start: number; end: number } {
	const { scrollTop, viewportHeight, rowCount, rowHeight = ROW_HEIGHT, overscan = 6 } = o;
	const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
	const start = Math.max(0, Math.min(first, rowCount) - overscan);
	const end = Math.min(
		rowCount,
		first + Math.ceil(Math.max(viewportHeight, 0) / rowHeight) + overscan
	);
	return { start, end: Math.max(start, end) };
}

/** Column widths (px) from the header and the longest of the first rows' texts, clamped. */
export function columnWidths(o: {
	columns: readonly ResultColumn[];
	sample: (column: number) => string[];
	min?: number;
	max?: number;
}): number[] {
	const { columns, sample, min = 72, max = 360 } = o;
	return columns.map((c) => {
		// Headers are bold: a wider advance per character than the cells' regular text.
		const header = c.name.length * 8.5 + 24;
		const cells = sample(c.index).reduce((m, s) => Math.max(m, s.length), 0) * 7.5 + 20;
		return Math.round(Math.min(max, Math.max(min, header, cells)));
	});
}

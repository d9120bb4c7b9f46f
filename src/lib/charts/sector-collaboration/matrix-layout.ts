/**
 * Sector collaboration as a sector × sector matrix (the print default): the lower half of the
 * symmetric table, each cell the outcomes involving both sectors, printed in the cell; the
 * diagonal, outlined, the outcomes of one sector alone. Readable where a chord is not: on paper,
 * in grey, and at 8 cm. Pure (rows, width) -> model; no DOM.
 */
import { interpolateLab } from 'd3';
import type { SectorPairRow } from '$lib/db/queries/dashboard';
import { formatNumber } from '$lib/i18n';
import { CHAR_WIDTH, estimateWidth, maxOf, round, wrapWhole } from '../common';
import { HEAT_RAMP } from '../palette';
import { contrastText } from '../theme-sector-heatmap/layout';
import { chordMatrix, sectorsOf } from './layout';

/** Options of `layoutSectorMatrix`. Sizes in px. */
export interface SectorMatrixOptions {
	rows: readonly SectorPairRow[];
	width: number;
	/** Largest side of a cell; default 64. */
	maxCell?: number;
	/** Mirror for a right-to-left language: row labels on the right, columns from the right. */
	mirror?: boolean;
	/** The note under the grid that explains the diagonal, wrapped to the width. */
	note?: string;
}

/** One cell: the outcomes of `row` and `col` together (`row === col`: that sector alone). */
export interface MatrixCell {
	row: string;
	col: string;
	outcomes: number;
	text: string;
	color: string;
	textColor: string;
	diagonal: boolean;
	x: number;
	y: number;
	size: number;
}

/** Everything the component draws, positioned in px. */
export interface SectorMatrixModel {
	width: number;
	height: number;
	cell: number;
	/** Row labels (sector codes), right-aligned before the grid (left-aligned after it if mirrored). */
	rowLabels: { sector: string; x: number; y: number; anchor: 'start' | 'end' }[];
	/** Column labels, centred under the grid. */
	colLabels: { sector: string; x: number; y: number }[];
	cells: MatrixCell[];
	/** The note under the grid that explains the diagonal: lines, first baseline, line height. */
	note: string[];
	noteY: number;
	noteLine: number;
	noteX: number;
	noteAnchor: 'start' | 'end';
	max: number;
}

/** Line height (px) of the note. */
const NOTE_LINE = 15;
const ramp = interpolateLab(HEAT_RAMP[0], HEAT_RAMP[1]);

/** Lays out the lower triangle (diagonal included) of the sector × sector table. */
export function layoutSectorMatrix(opts: SectorMatrixOptions): SectorMatrixModel {
	const { rows, width, maxCell = 64, mirror = false } = opts;
	const sectors = sectorsOf(rows);
	const matrix = chordMatrix({ rows, sectors });
	const n = sectors.length;
	const labelRoom = round(maxOf(sectors, (s) => estimateWidth(s) * 1.15, 20) + 10);
	const cell = Math.max(
		28,
		Math.min(maxCell, Math.floor((width - labelRoom - 4) / Math.max(1, n)))
	);
	const grid = cell * n;
	// Row labels and grid together are centred in the width.
	const left = round(Math.max(0, (width - labelRoom - grid) / 2) + labelRoom);
	const mx = (x: number, w = 0) => (mirror ? round(width - x - w) : round(x));
	const top = 4;
	const max = maxOf(matrix, (r) => maxOf(r, (v) => v));
	const cells: MatrixCell[] = [];
	for (let i = 0; i < n; i++) {
		for (let j = 0; j <= i; j++) {
			const outcomes = matrix[i]![j]!;
			const color = ramp(max > 0 ? outcomes / max : 0);
			cells.push({
				row: sectors[i]!,
				col: sectors[j]!,
				outcomes,
				text: formatNumber(outcomes),
				color,
				textColor: contrastText(color),
				diagonal: i === j,
				x: mx(left + j * cell + 1, cell - 2),
				y: top + i * cell + 1,
				size: cell - 2
			});
		}
	}
	const note = opts.note ? wrapWhole({ text: opts.note, maxChars: width / CHAR_WIDTH - 1 }) : [];
	const noteY = top + grid + 38;
	return {
		width,
		height: noteY + Math.max(0, note.length - 1) * NOTE_LINE + 6,
		note,
		noteLine: NOTE_LINE,
		cell,
		rowLabels: sectors.map((sector, i) => ({
			sector,
			x: mx(left - 8),
			y: round(top + i * cell + cell / 2),
			anchor: mirror ? 'start' : 'end'
		})),
		colLabels: sectors.map((sector, j) => ({
			sector,
			x: mx(left + j * cell + cell / 2),
			y: top + grid + 16
		})),
		cells,
		noteX: mirror ? width : 0,
		noteY,
		noteAnchor: mirror ? 'end' : 'start',
		max
	};
}

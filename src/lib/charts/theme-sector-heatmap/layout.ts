/**
 * Theme × sector heatmap: one row per theme (busiest first), one column per sector, cells
 * coloured by outcome count on a sequential Lab ramp. Theme names are never shortened: they
 * wrap beside the cells (two lines at most), or, when the width leaves too little room for
 * that, each name goes on its own lines above its row of cells. Pure (rows, width) -> model.
 */
import { interpolateLab, rgb } from 'd3';
import { SECTORS } from '$lib/contract/contract';
import type { ThemeSectorRow } from '$lib/db/queries/dashboard';
import { formatNumber } from '$lib/i18n';
import { HEAT_RAMP } from '../palette';
import { CHAR_WIDTH, estimateWidth, maxOf, round, wrapWhole } from '../common';

/** Options of `layoutThemeSectorHeatmap`. Sizes in px. */
export interface ThemeSectorHeatmapOptions {
	rows: readonly ThemeSectorRow[];
	width: number;
	/** Height of one theme row; fixed so any number of themes stays legible. Default 26. */
	rowHeight?: number;
	/** Widest the theme label column may be; also never more than 45% of `width`. Default 260. */
	maxLabelWidth?: number;
	/** Mirror for a right-to-left language: theme labels on the right, sectors from the right. */
	mirror?: boolean;
	/**
	 * Widest a sector column may be (px); default unlimited. Figures cap it, so a table of one or
	 * two themes reads as a table rather than four stretched bars across the page.
	 */
	maxColWidth?: number;
	/** The colour legend's title, to leave it room when names sit above the rows. */
	legendTitle?: string;
}

/** A theme label: `name` whole on one or more `lines`; `y` is the first line's middle (px). */
export interface ThemeLabel {
	themeId: string;
	name: string;
	lines: string[];
	total: number;
	y: number;
}

/** Room (px) between a row of cells and the next theme's name, when names sit above rows. */
const ABOVE_GAP = 6;
/** Line height (px) of a wrapped theme name. */
export const LABEL_LINE = 14;

/** One heatmap cell: its outcomes, fill, and a contrasting colour for the printed number. */
export interface HeatCell {
	themeId: string;
	theme: string;
	sector: string;
	outcomes: number;
	color: string;
	textColor: string;
	x: number;
	y: number;
	width: number;
	height: number;
}

/** A colour-legend swatch (the ramp at `value`). */
export interface Swatch {
	value: number;
	color: string;
	x: number;
	width: number;
}

/** Everything the component draws, positioned in px; the svg height grows with the themes. */
export interface ThemeSectorHeatmapModel {
	width: number;
	height: number;
	labelWidth: number;
	/** Where theme labels, the axis titles and the legend start, and their text-anchor. */
	labelX: number;
	/** Names sit above their row of cells (narrow figures), not beside it. */
	labelsAbove: boolean;
	anchor: 'start' | 'end';
	/** Centre of the cell columns (the sector axis title). */
	plotCentre: number;
	rowHeight: number;
	/** Top of the first row (px). */
	top: number;
	themes: ThemeLabel[];
	columns: { sector: string; x: number }[];
	cells: HeatCell[];
	max: number;
	legend: { y: number; swatches: Swatch[]; minLabel: string; maxLabel: string; start: number };
}

/** Text colours on the ramp: dark on light cells, white on dark ones. */
export const DARK_TEXT = '#1a1a1a';
/** White text for dark cells. */
export const LIGHT_TEXT = '#ffffff';

const ramp = interpolateLab(HEAT_RAMP[0], HEAT_RAMP[1]);
/** Room (px) under the rows for the colour legend: swatches then their min/max labels. */
const LEGEND_HEIGHT = 46;
/** Narrowest label column (px): the "Theme" title above it, the "Outcomes" legend title beside the swatches. */
const MIN_LABEL_WIDTH = 72;

/** WCAG relative luminance of a CSS colour (0 black … 1 white). */
function luminance(color: string): number {
	const { r, g, b } = rgb(color);
	const lin = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
	return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** The text colour (DARK_TEXT or LIGHT_TEXT) with the higher WCAG contrast on `background`. */
export function contrastText(background: string): string {
	const l = luminance(background);
	return (l + 0.05) / (luminance(DARK_TEXT) + 0.05) >= 1.05 / (l + 0.05) ? DARK_TEXT : LIGHT_TEXT;
}

/** Lays out the heatmap: rows by total outcomes (desc) then name, columns BR, TSB, BDT, GS. */
export function layoutThemeSectorHeatmap(opts: ThemeSectorHeatmapOptions): ThemeSectorHeatmapModel {
	const { rows, width, rowHeight = 26, maxLabelWidth = 260, mirror = false } = opts;
	// Laid out left to right, then reflected: x of a box of width w becomes width - x - w.
	const mx = (x: number, w = 0) => (mirror ? round(width - x - w) : x);
	const sectors = [...SECTORS, ...new Set(rows.map((r) => r.sector))].filter(
		(s, i, all) => all.indexOf(s) === i
	);
	const byTheme = new Map<string, { name: string; counts: Map<string, number> }>();
	for (const r of rows) {
		const t = byTheme.get(r.theme_id) ?? { name: r.theme, counts: new Map<string, number>() };
		t.counts.set(r.sector, (t.counts.get(r.sector) ?? 0) + r.outcomes);
		byTheme.set(r.theme_id, t);
	}
	const themes = [...byTheme]
		.map(([id, t]) => ({ id, ...t, total: [...t.counts.values()].reduce((a, b) => a + b, 0) }))
		.sort(
			(a, b) => b.total - a.total || a.name.localeCompare(b.name, 'en') || (a.id < b.id ? -1 : 1)
		);
	const max = maxOf(themes, (t) => maxOf(t.counts.values(), (v) => v));

	const cap = Math.min(maxLabelWidth, Math.round(width * 0.45));
	const side = themes.map((t) => wrapWhole({ text: t.name, maxChars: (cap - 8) / CHAR_WIDTH }));
	// Beside the cells while every name fits on two lines and cells keep room for a number.
	const labelsAbove =
		side.some((l) => l.length > 2) || (width - cap) / sectors.length < 3 * CHAR_WIDTH + 8;
	const lines = labelsAbove
		? themes.map((t) => wrapWhole({ text: t.name, maxChars: (width - 4) / CHAR_WIDTH }))
		: side;
	const longest = maxOf(side, (l) => maxOf(l, (x) => estimateWidth(x)));
	const labelWidth = labelsAbove ? 0 : round(Math.min(cap, Math.max(MIN_LABEL_WIDTH, longest + 8)));
	const sideLines = maxOf(lines, (l) => l.length, 1);
	const cellHeight = labelsAbove ? rowHeight : Math.max(rowHeight, sideLines * LABEL_LINE + 8);
	const rowTop: number[] = [];
	let y = 44;
	for (const l of lines) {
		rowTop.push(y);
		// Above the rows, a gap before each name tells which row it belongs to.
		y += cellHeight + (labelsAbove ? l.length * LABEL_LINE + 4 + ABOVE_GAP : 0);
	}
	const top = 44;
	const colWidth = Math.min(
		opts.maxColWidth ?? Infinity,
		(width - labelWidth - 4) / sectors.length
	);
	const columns = sectors.map((sector, i) => ({
		sector,
		x: mx(round(labelWidth + colWidth * (i + 0.5)))
	}));
	const colorOf = (v: number) => ramp(max > 0 ? v / max : 0);
	const cellTop = (row: number) =>
		rowTop[row]! + (labelsAbove ? lines[row]!.length * LABEL_LINE + 4 : 0);

	const cells: HeatCell[] = themes.flatMap((t, row) =>
		sectors.map((sector, col) => {
			const outcomes = t.counts.get(sector) ?? 0;
			const color = colorOf(outcomes);
			return {
				themeId: t.id,
				theme: t.name,
				sector,
				outcomes,
				color,
				textColor: contrastText(color),
				x: mx(round(labelWidth + colWidth * col + 1), round(colWidth - 2)),
				y: round(cellTop(row) + 1),
				width: round(colWidth - 2),
				height: cellHeight - 2
			};
		})
	);
	const legendY = y + 14;
	// Above-the-rows layout has no label column: the ramp starts after the legend's title.
	const start = labelsAbove
		? round(estimateWidth(opts.legendTitle ?? 'Outcomes') + 10)
		: labelWidth;
	const swatchWidth = Math.min(36, (width - start - 4) / 5);
	const swatches = [0, 0.25, 0.5, 0.75, 1].map((f, i) => ({
		value: f * max,
		color: ramp(f),
		x: mx(round(start + i * swatchWidth), round(swatchWidth)),
		width: round(swatchWidth)
	}));
	return {
		width,
		height: y + LEGEND_HEIGHT,
		labelWidth,
		labelX: mirror ? width : 0,
		labelsAbove,
		anchor: mirror ? 'end' : 'start',
		plotCentre: mx(labelWidth + (colWidth * sectors.length) / 2),
		rowHeight: cellHeight,
		top,
		themes: themes.map((t, i) => ({
			themeId: t.id,
			name: t.name,
			lines: lines[i]!,
			total: t.total,
			y: round(
				labelsAbove
					? rowTop[i]! + LABEL_LINE / 2
					: rowTop[i]! + cellHeight / 2 - ((lines[i]!.length - 1) * LABEL_LINE) / 2
			)
		})),
		columns,
		cells,
		max,
		legend: {
			y: legendY,
			swatches,
			minLabel: formatNumber(0),
			maxLabel: formatNumber(max),
			start
		}
	};
}

/**
 * Theme trends: small multiples, one sparkline (area and line) of outcomes per year for each
 * theme, in a grid that reflows with the width. Every panel shares one y scale so heights
 * compare across themes. Pure (rows, width) -> model with SVG path strings; no DOM.
 */
import { area, line, scaleLinear } from 'd3';
import type { ThemeTrendRow } from '$lib/db/queries/dashboard';
import { formatList, formatNumber, formatYear, t } from '$lib/i18n';
import {
	CHAR_WIDTH,
	estimateWidth,
	maxOf,
	round,
	spanYears,
	longestWordWidth,
	wrapWhole
} from '../common';
import { hatchPath, partialYears, type DateSpan } from '../partial';

/** Options of `layoutThemeTrends`. Sizes in px. */
export interface ThemeTrendsOptions {
	rows: readonly ThemeTrendRow[];
	width: number;
	/**
	 * Narrowest a panel may be; the column count follows. Default 180, or 120 below 480 px so
	 * a phone or an 8 cm figure shows two columns rather than one very long one.
	 */
	minCellWidth?: number;
	/** Height of a panel with a one-line name, year labels included; default 96. A second line adds 15. */
	cellHeight?: number;
	/** Years counted as recent activity, the last ones of the span. Default 3. */
	recentYears?: number;
	/** The dates the data covers: years it cuts are hatched in every panel and named in a note. */
	covered?: DateSpan | null;
	/** Years run right to left (an Arabic figure exported with its time axis mirrored). */
	mirror?: boolean;
}

/** One theme's panel, positioned at (x, y); paths and points are in panel coordinates. */
export interface ThemePanel {
	themeId: string;
	name: string;
	/** `name` whole, wrapped onto as many lines as the panel needs (two for most names). */
	lines: string[];
	total: number;
	recent: number;
	/** Outcomes per year, aligned with the model's `years`. */
	values: number[];
	x: number;
	y: number;
	area: string;
	line: string;
	/** The last point, and where its value label goes (`labelX`, `anchor`: before it when mirrored). */
	last: {
		x: number;
		y: number;
		labelX: number;
		anchor: 'start' | 'end';
		value: number;
		text: string;
	};
}

/** Everything the component draws, positioned in px. */
export interface ThemeTrendsModel {
	width: number;
	height: number;
	columns: number;
	cellWidth: number;
	cellHeight: number;
	/** Where the theme name starts within a panel, and its line height (px). */
	name: { x: number; y: number; lineHeight: number };
	/** The first and last year under each panel; one centred label when the data has one year. */
	yearLabels: { x: number; y: number; text: string; anchor: 'start' | 'middle' | 'end' }[];
	/** Top and bottom of the sparkline band within a panel (px). */
	plotTop: number;
	plotBottom: number;
	years: number[];
	/** Largest yearly value of any theme: the top of the shared y scale. */
	max: number;
	panels: ThemePanel[];
	/** Hatching (panel coordinates) over the years the data covers only in part; empty if none. */
	hatch: string;
	/** The note under the grid naming the partial years (baselines, px); none if no year is cut. */
	note: { lines: string[]; y: number; lineHeight: number };
}

/** Font size (px) of the year labels and the partial-years note: 7.5 pt at print size. */
export const SMALL_FONT_SIZE = 10;

/** Horizontal and vertical gap between panels (px). */
const GAP = 12;
/** Inner padding of a panel (px). */
const PAD = 8;
/** Baseline of the theme name's first line, from the top of a panel (px). */
const NAME_BASELINE = PAD + 12;
/** Line height of a theme name (px). */
const NAME_LINE = 15;

/** Themes busiest first: by outcomes in the recent years, then in all years, then by name. */
export function orderThemes<T extends { name: string; id: string; recent: number; total: number }>(
	themes: T[]
): T[] {
	return [...themes].sort(
		(a, b) =>
			b.recent - a.recent ||
			b.total - a.total ||
			a.name.localeCompare(b.name, 'en') ||
			(a.id < b.id ? -1 : 1)
	);
}

/** Lays out one panel per theme, row by row, busiest theme first. */
export function layoutThemeTrends(opts: ThemeTrendsOptions): ThemeTrendsModel {
	const { rows, width, recentYears = 3, mirror = false } = opts;
	const minCellWidth = opts.minCellWidth ?? (width < 480 ? 120 : 180);
	const years = spanYears(rows.map((r) => r.year));
	const byTheme = new Map<string, { name: string; counts: Map<number, number> }>();
	for (const r of rows) {
		const t = byTheme.get(r.theme_id) ?? { name: r.theme, counts: new Map<number, number>() };
		t.counts.set(r.year, (t.counts.get(r.year) ?? 0) + r.outcomes);
		byTheme.set(r.theme_id, t);
	}
	const firstRecent = (years.at(-1) ?? 0) - recentYears + 1;
	const themes = orderThemes(
		[...byTheme].map(([id, t]) => {
			const values = years.map((y) => t.counts.get(y) ?? 0);
			const recent = values.reduce((s, v, i) => s + (years[i]! >= firstRecent ? v : 0), 0);
			return { id, name: t.name, values, recent, total: values.reduce((s, v) => s + v, 0) };
		})
	);
	const max = maxOf(themes, (t) => maxOf(t.values, (v) => v));

	// As many columns as fit, then as few as keep the same number of rows, so the last row is
	// as full as it can be (13 themes in 6 columns would leave one alone on the third row).
	// From 480 px a panel is at least as wide as the longest word of any name, so names break
	// between words; narrower (a phone, an 8 cm figure) two columns win and a long word is hyphenated.
	const longestWord = maxOf(themes, (t) => longestWordWidth(t.name));
	const narrowest =
		width < 480
			? minCellWidth
			: Math.max(minCellWidth, longestWord * CHAR_WIDTH * 1.15 + 2 * PAD + 1);
	const fit = Math.max(1, Math.floor((width + GAP) / (narrowest + GAP)));
	const n = themes.length;
	const columns = n === 0 ? 1 : Math.ceil(n / Math.ceil(n / fit));
	const cellWidth = round((width - GAP * (columns - 1)) / columns);
	const labelRoom = estimateWidth(formatNumber(max)) + 6 + PAD;
	// Names are bold, about 15% wider than the regular text CHAR_WIDTH estimates.
	const maxChars = Math.floor((cellWidth - 2 * PAD) / (CHAR_WIDTH * 1.15));
	const lines = themes.map((t) => wrapWhole({ text: t.name, maxChars }));
	const extra = (maxOf(lines, (l) => l.length, 1) - 1) * NAME_LINE;
	const cellHeight = (opts.cellHeight ?? 96) + extra;
	const [plotTop, plotBottom] = [NAME_BASELINE + extra + 10, cellHeight - PAD - 14];
	// The last value's label takes the room after the line's end: the left when mirrored.
	const span: [number, number] = [PAD, cellWidth - labelRoom];
	const x = scaleLinear(
		[years[0] ?? 0, years.at(-1) ?? 1],
		mirror ? [cellWidth - PAD, labelRoom] : span
	);
	if (years.length === 1) x.domain([years[0]! - 1, years[0]! + 1]);
	const y = scaleLinear([0, max || 1], [plotBottom, plotTop]);
	const yearLabel = (year: number, anchor: 'start' | 'middle' | 'end') => {
		return { x: round(x(year)), y: cellHeight - PAD, text: formatYear(year), anchor };
	};

	const panels: ThemePanel[] = themes.map((t, i) => {
		const pts = t.values.map((v, k) => [round(x(years[k]!)), round(y(v))] as [number, number]);
		const lastValue = t.values.at(-1) ?? 0;
		const lastPt = pts.at(-1) ?? [0, plotBottom];
		return {
			themeId: t.id,
			name: t.name,
			lines: lines[i]!,
			total: t.total,
			recent: t.recent,
			values: t.values,
			x: round((i % columns) * (cellWidth + GAP)),
			y: Math.floor(i / columns) * (cellHeight + GAP),
			area: area().y0(plotBottom)(pts) ?? '',
			line: line()(pts) ?? '',
			last: {
				x: lastPt[0],
				y: lastPt[1],
				labelX: lastPt[0] + (mirror ? -5 : 5),
				anchor: mirror ? 'end' : 'start',
				value: lastValue,
				text: formatNumber(lastValue)
			}
		};
	});
	const gridRows = Math.ceil(themes.length / columns);
	const gridHeight = Math.max(0, gridRows * (cellHeight + GAP) - GAP);
	const cut = partialYears({ years, covered: opts.covered });
	// A year's stretch of the sparkline: halfway to its neighbours, within the plot.
	const [left, right] = x.range() as [number, number];
	const hatch = cut
		.map((p) => {
			const x0 = Math.max(left, x(p.year - 0.5));
			const x1 = Math.min(right, x(p.year + 0.5));
			return hatchPath({ x: x0, y: plotTop, width: x1 - x0, height: plotBottom - plotTop, gap: 4 });
		})
		.join('');
	const noteText = cut.length
		? t('chart.partial.note', {
				years: formatList(cut.map((p) => `${formatYear(p.year)} ${p.label}`))
			})
		: '';
	const noteLines = noteText
		? wrapWhole({ text: noteText, maxChars: width / (CHAR_WIDTH * (SMALL_FONT_SIZE / 12)) - 1 })
		: [];
	const noteTop = gridHeight + (noteLines.length ? 16 : 0);
	return {
		width,
		height: noteTop + Math.max(0, noteLines.length - 1) * 13 + (noteLines.length ? 4 : 0),
		hatch,
		note: { lines: noteLines, y: noteTop, lineHeight: 13 },
		columns,
		cellWidth,
		cellHeight,
		name: { x: PAD, y: NAME_BASELINE, lineHeight: NAME_LINE },
		yearLabels:
			years.length > 1
				? [
						yearLabel(years[0]!, mirror ? 'end' : 'start'),
						yearLabel(years.at(-1)!, mirror ? 'start' : 'end')
					]
				: years.map((y) => yearLabel(y, 'middle')),
		plotTop,
		plotBottom,
		years,
		max,
		panels
	};
}

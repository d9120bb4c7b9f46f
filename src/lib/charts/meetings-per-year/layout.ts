/**
 * Meetings per year: bars by calendar year stacked by meeting format, with each year's number
 * of meetings above its bar (participants kept for tooltips and tables). Pure (rows, width) ->
 * model; no DOM.
 */
import type { MeetingsPerYearRow } from '$lib/db/queries/dashboard';
import { formatCompact, formatNumber } from '$lib/i18n';
import { FORMAT_COLORS } from '../palette';
import { estimateWidth, round, type LegendItem, type Margin, type Tick } from '../common';
import type { YearSteps } from '../interaction';
import type { DateSpan } from '../partial';
import { layoutYearBars, type PartialBar, type StackedRect } from '../year-bars';

/** Meeting formats in stack order, bottom up. */
export const FORMAT_ORDER = ['in_person', 'hybrid', 'virtual', 'unknown'] as const;
/** A meeting format (an empty format in the data is `unknown`). */
export type MeetingFormat = (typeof FORMAT_ORDER)[number];

/** Options of `layoutMeetingsPerYear`. Sizes in px; `height` defaults to 320. */
export interface MeetingsPerYearOptions {
	rows: readonly MeetingsPerYearRow[];
	width: number;
	height?: number;
	/** Years run right to left (an Arabic figure exported with its time axis mirrored). */
	mirror?: boolean;
	/** The legend reads right to left (Arabic). */
	rtl?: boolean;
	/** Display name of a format, for the legend; defaults to the code. */
	label?: (format: MeetingFormat) => string;
	/** The dates the data covers; years it cuts are hatched and labelled. */
	covered?: DateSpan | null;
}

/** A bar segment: the meetings of one year in one format. */
export interface MeetingBar extends StackedRect<MeetingFormat> {
	participants: number;
}

/**
 * A year's total above its bar: the meetings (what the bar measures, so the label and the axis
 * agree); its participants go to the tooltip and data table. (x, y) is the text anchor.
 */
export interface TotalLabel {
	year: number;
	meetings: number;
	participants: number;
	text: string;
	x: number;
	y: number;
}

/** Everything the component draws, positioned in px. */
export interface MeetingsPerYearModel {
	width: number;
	height: number;
	margin: Margin;
	bars: MeetingBar[];
	totals: TotalLabel[];
	/** The year cells along x, for the brush. */
	steps: YearSteps;
	xTicks: Tick[];
	yTicks: Tick[];
	legend: LegendItem[];
	/** Years the data covers only in part. */
	partial: PartialBar[];
}

/** Font size (px) of the meeting totals above the bars. */
export const TOTAL_FONT_SIZE = 11;

/** Lays out the stacked bars, every year of the span included, empty years as gaps. */
export function layoutMeetingsPerYear(opts: MeetingsPerYearOptions): MeetingsPerYearModel {
	const { rows, width, height = 320, mirror = false, rtl = false, label = (f) => f } = opts;
	const byCell = new Map(rows.map((r) => [`${r.year}|${r.format}`, r]));
	const frame = layoutYearBars({
		years: rows.map((r) => r.year),
		keys: FORMAT_ORDER,
		value: (year, format) => byCell.get(`${year}|${format}`)?.meetings ?? 0,
		colors: FORMAT_COLORS,
		legend: FORMAT_ORDER.map((f) => ({ key: f, label: label(f), color: FORMAT_COLORS[f]! })),
		width,
		height,
		mirror,
		rtl,
		top: 18,
		covered: opts.covered
	});
	const bars = frame.bars.map((b) => ({
		...b,
		participants: byCell.get(`${b.year}|${b.key}`)?.participants ?? 0
	}));
	return {
		width,
		height,
		margin: frame.margin,
		steps: frame.steps,
		bars,
		totals: layoutTotals(bars, frame.x.step()),
		xTicks: frame.xTicks,
		yTicks: frame.yTicks,
		legend: frame.legend,
		partial: frame.partial
	};
}

/** Meeting totals above each non-empty bar: grouped, else compact, else none if too wide. */
function layoutTotals(bars: MeetingBar[], step: number): TotalLabel[] {
	const byYear = new Map<
		number,
		{ meetings: number; participants: number; top: number; x: number }
	>();
	for (const b of bars) {
		const t = byYear.get(b.year) ?? {
			meetings: 0,
			participants: 0,
			top: Infinity,
			x: b.x + b.width / 2
		};
		byYear.set(b.year, {
			...t,
			meetings: t.meetings + b.value,
			participants: t.participants + b.participants,
			top: Math.min(t.top, b.y)
		});
	}
	const fits = (texts: string[]) =>
		texts.every((s) => estimateWidth(s, TOTAL_FONT_SIZE) <= step - 2);
	const totals = [...byYear.values()].map((t) => t.meetings);
	const format = fits(totals.map((n) => formatNumber(n)))
		? formatNumber
		: fits(totals.map((n) => formatCompact(n)))
			? (n: number) => formatCompact(n)
			: null;
	if (!format) return [];
	return [...byYear].map(([year, t]) => ({
		year,
		meetings: t.meetings,
		participants: t.participants,
		text: format(t.meetings),
		x: round(t.x),
		y: round(t.top - 4)
	}));
}

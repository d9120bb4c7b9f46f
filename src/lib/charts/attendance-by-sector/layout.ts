/**
 * Attendance by sector: participants per calendar year, stacked by the sector they represent,
 * from the optional attendance table. Pure (rows, width) -> model; no DOM.
 */
import { SECTORS } from '$lib/contract/contract';
import type { AttendanceRow } from '$lib/db/queries/dashboard';
import type { MessageKey } from '$lib/i18n';
import type { LegendItem, Margin, Tick } from '../common';
import type { YearSteps } from '../interaction';
import { SECTOR_COLORS } from '../palette';
import type { DateSpan } from '../partial';
import { layoutYearBars, type PartialBar, type StackedRect } from '../year-bars';

/** Options of `layoutAttendanceBySector`. Sizes in px; `height` defaults to 320. */
export interface AttendanceBySectorOptions {
	rows: readonly AttendanceRow[];
	width: number;
	height?: number;
	/** The dates the data covers; years it cuts are hatched and labelled. */
	covered?: DateSpan | null;
	/** Years run right to left (an Arabic figure exported with its time axis mirrored). */
	mirror?: boolean;
	/** The legend reads right to left (Arabic). */
	rtl?: boolean;
}

/** A bar segment: the participants of one sector in one year, at `meetings` meetings. */
export interface AttendanceBar extends StackedRect<string> {
	meetings: number;
}

/** Everything the component draws, positioned in px. */
export interface AttendanceBySectorModel {
	width: number;
	height: number;
	margin: Margin;
	bars: AttendanceBar[];
	/** The year cells along x, for the brush. */
	steps: YearSteps;
	xTicks: Tick[];
	yTicks: Tick[];
	legend: LegendItem[];
	/** Years the data covers only in part. */
	partial: PartialBar[];
}

/**
 * The message of the chart's empty state: none when there are rows; "no attendance table"
 * when the table is not loaded (or not known to be); the generic "nothing matches" otherwise.
 */
export function attendanceEmptyMessage(opts: {
	rows: readonly AttendanceRow[];
	tableLoaded?: boolean;
}): MessageKey | null {
	if (opts.rows.length > 0) return null;
	return opts.tableLoaded ? 'chart.empty' : 'chart.attendance-by-sector.empty';
}

/** Lays out the stacked bars (sectors bottom up in canonical order), every year of the span. */
export function layoutAttendanceBySector(opts: AttendanceBySectorOptions): AttendanceBySectorModel {
	const { rows, width, height = 320, mirror = false, rtl = false } = opts;
	const all: string[] = [...SECTORS, ...rows.map((r) => r.sector)];
	const sectors = all.filter((s, i) => all.indexOf(s) === i);
	// The query returns one row per year and sector.
	const byCell = new Map(rows.map((r) => [`${r.year}|${r.sector}`, r]));
	const frame = layoutYearBars({
		years: rows.map((r) => r.year),
		keys: sectors,
		value: (year, sector) => byCell.get(`${year}|${sector}`)?.participants ?? 0,
		colors: SECTOR_COLORS,
		legend: sectors.map((s) => ({ key: s, label: s, color: SECTOR_COLORS[s] ?? '#999999' })),
		width,
		height,
		covered: opts.covered,
		mirror,
		rtl
	});
	return {
		width,
		height,
		margin: frame.margin,
		bars: frame.bars.map((b) => ({
			...b,
			meetings: byCell.get(`${b.year}|${b.key}`)?.meetings ?? 0
		})),
		steps: frame.steps,
		xTicks: frame.xTicks,
		yTicks: frame.yTicks,
		legend: frame.legend,
		partial: frame.partial
	};
}

/**
 * Outcomes by status over time: bars by calendar year stacked by status, and a line of each
 * year's completion rate on a right 0–100% axis. Pure (rows, width) -> model; no DOM.
 */
import { line, scaleLinear } from 'd3';
import { STATUSES } from '$lib/contract/contract';
import type { StatusTrendRow } from '$lib/db/queries/dashboard';
import { formatPercent } from '$lib/i18n';
import { STATUS_COLORS } from '../palette';
import { round, type LegendItem, type Margin, type Tick } from '../common';
import type { YearSteps } from '../interaction';
import type { DateSpan } from '../partial';
import { layoutYearBars, type PartialBar, type StackedRect } from '../year-bars';

/** An outcome status. */
export type Status = (typeof STATUSES)[number];

/** Colour of the completion-rate line and dots: the text colour, so light and dark themes work. */
export const RATE_COLOR = 'currentColor';

/** Options of `layoutOutcomeStatusTrend`. Sizes in px; `height` defaults to 320. */
export interface OutcomeStatusTrendOptions {
	rows: readonly StatusTrendRow[];
	width: number;
	height?: number;
	/** Years run right to left (an Arabic figure exported with its time axis mirrored). */
	mirror?: boolean;
	/** The legend reads right to left (Arabic). */
	rtl?: boolean;
	/** Display name of a status, for the legend; defaults to the code. */
	label?: (status: Status) => string;
	/** Legend label of the rate line; defaults to `completion rate`. */
	rateLabel?: string;
	/** The dates the data covers; years it cuts are hatched and labelled. */
	covered?: DateSpan | null;
}

/** The completion rate of one year: completed / not cancelled, null when nothing counts. */
export interface RatePoint {
	year: number;
	rate: number | null;
	x: number;
	y: number | null;
}

/** Everything the component draws, positioned in px. */
export interface OutcomeStatusTrendModel {
	width: number;
	height: number;
	margin: Margin;
	bars: StackedRect<Status>[];
	/** Every year of the span, rate null where undefined (the line breaks, no dot). */
	rates: RatePoint[];
	/** SVG path of the rate line; empty when no year has a rate. */
	ratePath: string;
	/** The year cells along x, for the brush. */
	steps: YearSteps;
	xTicks: Tick[];
	yTicks: Tick[];
	/** Right axis: completion rate 0–100%. */
	rateTicks: Tick[];
	legend: LegendItem[];
	/** Years the data covers only in part. */
	partial: PartialBar[];
}

/** Completion rate of a year's outcomes: completed / (all but cancelled); null if that is 0. */
export function completionRate(counts: Partial<Record<Status, number>>): number | null {
	const all = STATUSES.reduce((s, k) => s + (counts[k] ?? 0), 0);
	const denominator = all - (counts.cancelled ?? 0);
	return denominator > 0 ? (counts.completed ?? 0) / denominator : null;
}

/** Lays out the stacked bars and the rate line, every year of the span included. */
export function layoutOutcomeStatusTrend(opts: OutcomeStatusTrendOptions): OutcomeStatusTrendModel {
	const {
		rows,
		width,
		height = 320,
		mirror = false,
		rtl = false,
		label = (s) => s,
		rateLabel = 'completion rate'
	} = opts;
	const byYear = new Map<number, Partial<Record<Status, number>>>();
	for (const r of rows) byYear.set(r.year, { ...byYear.get(r.year), [r.status]: r.outcomes });
	const frame = layoutYearBars({
		years: byYear.keys(),
		keys: STATUSES,
		value: (year, status) => byYear.get(year)?.[status] ?? 0,
		colors: STATUS_COLORS,
		legend: [
			...STATUSES.map((s) => ({ key: s, label: label(s), color: STATUS_COLORS[s]! })),
			{ key: 'rate', label: rateLabel, color: RATE_COLOR, shape: 'line' as const }
		],
		width,
		height,
		mirror,
		rtl,
		// Tick labels (`100 %`) and the rotated rate title, whose glyphs reach 1.07 em right of
		// its baseline (Noto Sans ascent): all inside the svg.
		right: 58,
		covered: opts.covered
	});
	const [bottom, top] = frame.y.range() as [number, number];
	const r = scaleLinear([0, 1], [bottom, top]);
	const rates: RatePoint[] = frame.x.domain().map((year) => {
		const rate = completionRate(byYear.get(year) ?? {});
		const x = round((frame.x(year) ?? 0) + frame.x.bandwidth() / 2);
		return { year, rate, x, y: rate === null ? null : round(r(rate)) };
	});
	const ratePath =
		line<RatePoint>()
			.defined((p) => p.y !== null)
			.x((p) => p.x)
			.y((p) => p.y ?? 0)(rates) ?? '';
	return {
		width,
		height,
		margin: frame.margin,
		steps: frame.steps,
		bars: frame.bars,
		rates,
		ratePath,
		xTicks: frame.xTicks,
		yTicks: frame.yTicks,
		rateTicks: [0, 0.25, 0.5, 0.75, 1].map((v) => ({ pos: round(r(v)), label: formatPercent(v) })),
		legend: frame.legend,
		partial: frame.partial
	};
}

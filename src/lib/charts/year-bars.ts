/**
 * The frame of a stacked bar chart by calendar year (meetings, outcome statuses, attendance):
 * scales, margins, stacked segments, ticks and legend. Pure; no DOM.
 */
import { scaleBand, scaleLinear, type ScaleBand, type ScaleLinear } from 'd3';
import {
	estimateWidth,
	layoutCountTicks,
	layoutLegend,
	layoutYearTicks,
	maxOf,
	round,
	spanYears,
	type LegendEntry,
	type LegendItem,
	type Margin,
	type Tick
} from './common';
import { formatYear } from '$lib/i18n';
import type { YearSteps } from './interaction';
import { hatchPath, partialYears, type DateSpan } from './partial';

/** A year's bar only partly covered by the data: hatched, with its label under the year. */
export interface PartialBar {
	year: number;
	label: string;
	/** Hatching over the whole bar (one path). */
	hatch: string;
	/** Label anchor (px) and alignment: the first year's starts at its bar, the last's ends at it. */
	x: number;
	y: number;
	anchor: 'start' | 'middle' | 'end';
}

/** Font size (px) of partial-year labels: 10 px is 7.5 pt at print size. */
export const PARTIAL_FONT_SIZE = 10;

/** One segment of a stacked bar. */
export interface StackedRect<K extends string> {
	year: number;
	key: K;
	value: number;
	color: string;
	x: number;
	y: number;
	width: number;
	height: number;
}

/** The frame of a stacked bar chart by year: scales, margins, stacked segments and ticks. */
export interface YearBarsFrame<K extends string> {
	width: number;
	height: number;
	margin: Margin;
	x: ScaleBand<number>;
	y: ScaleLinear<number, number>;
	bars: StackedRect<K>[];
	totals: Map<number, number>;
	/** The year cells along x, for brushing and for shading a selected period. */
	steps: YearSteps;
	xTicks: Tick[];
	yTicks: Tick[];
	legend: LegendItem[];
	/** Years the data covers only in part (hatched and labelled). */
	partial: PartialBar[];
}

/** Widest a bar is drawn (px): one year, or one year filtered, is a bar, not a wall. */
export const MAX_BAR_WIDTH = 72;

/** Outer padding of the year band (in steps) that keeps bars at most MAX_BAR_WIDTH wide, centred. */
function outerPadding(n: number, span: number): number {
	const inner = 0.2;
	const need = (span * (1 - inner)) / MAX_BAR_WIDTH - n + inner;
	return Math.max(0.1, need / 2);
}

/**
 * Stacks `value(year, key)` in `keys` order (bottom up) for every year of the span of `years`;
 * zero segments are left out. The legend sits at the top; `top` is the room (px) between it and
 * the plot (for labels over the bars), `right` the right margin (px); `height` is the svg's (px).
 */
export function layoutYearBars<K extends string>(opts: {
	years: Iterable<number>;
	keys: readonly K[];
	value: (year: number, key: K) => number;
	colors: Record<string, string>;
	legend: LegendEntry[];
	width: number;
	height: number;
	top?: number;
	right?: number;
	/** The dates the data covers; years it cuts are hatched and labelled. */
	covered?: DateSpan | null;
	/** Years run right to left (an Arabic figure exported with its time axis mirrored). */
	mirror?: boolean;
	/** The legend reads right to left (Arabic). */
	rtl?: boolean;
}): YearBarsFrame<K> {
	const { keys, value, colors, width, height, top = 8, right = 12, mirror = false } = opts;
	const years = spanYears(opts.years);
	const cut = partialYears({ years, covered: opts.covered });
	const legend = layoutLegend({ entries: opts.legend, width, rtl: opts.rtl });
	const totals = new Map(years.map((yr) => [yr, keys.reduce((s, k) => s + value(yr, k), 0)]));
	const max = maxOf(totals.values(), (v) => v);
	const margin: Margin = { top: legend.height + top, right, bottom: cut.length ? 58 : 44, left: 0 };
	const y = scaleLinear([0, max || 1], [height - margin.bottom, margin.top]).nice();
	const yTicks = layoutCountTicks({ y });
	margin.left = round(22 + maxOf(yTicks, (t) => estimateWidth(t.label)) + 6);
	const range: [number, number] = [margin.left, width - margin.right];
	const x = scaleBand(years, mirror ? [range[1], range[0]] : range)
		.paddingInner(0.2)
		.paddingOuter(outerPadding(years.length, width - margin.right - margin.left));
	const bars: StackedRect<K>[] = [];
	for (const year of years) {
		let base = 0;
		for (const key of keys) {
			const v = value(year, key);
			if (v <= 0) continue;
			// Round the stack edges, not the heights, so segments tile and sum to the bar exactly.
			const [y0, y1] = [round(y(base)), round(y(base + v))];
			bars.push({
				year,
				key,
				value: v,
				color: colors[key] ?? '#999999',
				x: round(x(year) ?? 0),
				y: y1,
				width: round(x.bandwidth()),
				height: round(y0 - y1)
			});
			base += v;
		}
	}
	const xTicks = layoutYearTicks({ x });
	// A mirrored chart is drawn for export only, never brushed: its steps start at the left edge.
	const first = mirror ? years.at(-1) : years[0];
	const steps: YearSteps = {
		years,
		left: round((x(first!) ?? margin.left) + x.bandwidth() / 2 - x.step() / 2),
		step: x.step()
	};
	const base = height - margin.bottom;
	const partial = cut.map((p): PartialBar => {
		const [bx, bw] = [x(p.year) ?? 0, x.bandwidth()];
		const barTop = y(totals.get(p.year) ?? 0);
		const i = years.indexOf(p.year);
		const anchor =
			years.length === 1 ? 'middle' : i === 0 ? 'start' : i === years.length - 1 ? 'end' : 'middle';
		// A year whose tick was thinned out names itself, so the label never points at a blank.
		const ticked = xTicks.some((t) => t.label === formatYear(p.year));
		return {
			year: p.year,
			label: ticked ? p.label : `${formatYear(p.year)} ${p.label}`,
			hatch: hatchPath({ x: bx, y: barTop, width: bw, height: base - barTop }),
			x: round(anchor === 'start' ? bx : anchor === 'end' ? bx + bw : bx + bw / 2),
			y: base + 30,
			anchor
		};
	});
	return {
		width,
		height,
		margin,
		x,
		y,
		bars,
		totals,
		steps,
		xTicks,
		yTicks,
		legend: legend.items,
		partial
	};
}

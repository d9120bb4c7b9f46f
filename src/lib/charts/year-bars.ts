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
import type { YearSteps } from './interaction';

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
	/** Years run right to left (an Arabic figure exported with its time axis mirrored). */
	mirror?: boolean;
	/** The legend reads right to left (Arabic). */
	rtl?: boolean;
}): YearBarsFrame<K> {
	const { keys, value, colors, width, height, top = 8, right = 12, mirror = false } = opts;
	const years = spanYears(opts.years);
	const legend = layoutLegend({ entries: opts.legend, width, rtl: opts.rtl });
	const totals = new Map(years.map((yr) => [yr, keys.reduce((s, k) => s + value(yr, k), 0)]));
	const max = maxOf(totals.values(), (v) => v);
	const margin: Margin = { top: legend.height + top, right, bottom: 44, left: 0 };
	const y = scaleLinear([0, max || 1], [height - margin.bottom, margin.top]).nice();
	const yTicks = layoutCountTicks({ y });
	margin.left = round(22 + maxOf(yTicks, (t) => estimateWidth(t.label)) + 6);
	const range: [number, number] = [margin.left, width - margin.right];
	const x = scaleBand(years, mirror ? [range[1], range[0]] : range)
		.paddingInner(0.2)
		.paddingOuter(0.1);
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
	return { width, height, margin, x, y, bars, totals, steps, xTicks, yTicks, legend: legend.items };
}

/**
 * Layout helpers shared by the charts: rounding, text-width estimates, year and value ticks,
 * a wrapping legend, and the frame of a stacked bar chart by calendar year. Pure; no DOM.
 */
import { range, scaleBand, scaleLinear, type ScaleBand, type ScaleLinear } from 'd3';
import type { DataColumn } from '$lib/components/ChartFrame.svelte';
import { formatNumber, t } from '$lib/i18n';

/** Font size of tick labels, legend and axis titles (px). */
export const FONT_SIZE = 12;
/** Estimated advance of one character at `FONT_SIZE` in system-ui (px). */
export const CHAR_WIDTH = 6.5;
/** Minimum room (px) a year tick label needs; narrower bands label every 2nd, 5th… year. */
export const MIN_YEAR_SPACING = 28;

/** Plot margins (px). */
export interface Margin {
	top: number;
	right: number;
	bottom: number;
	left: number;
}

/** An axis tick: its position along the axis (px) and its label. */
export interface Tick {
	pos: number;
	label: string;
}

/** A legend entry before layout. `shape` is a filled square (default) or a line with a dot. */
export interface LegendEntry {
	key: string;
	label: string;
	color: string;
	shape?: 'rect' | 'line';
}

/** A legend entry placed in the svg: (x, y) is the swatch's top-left corner. */
export interface LegendItem extends Required<LegendEntry> {
	x: number;
	y: number;
}

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

/** `v` rounded to 0.1 px, so the SVG text is stable across runs and platforms. */
export function round(v: number): number {
	return Math.round(v * 10) / 10;
}

/** `n` with its unit noun, singular for exactly one (`1 meeting`, `1,204 meetings`). */
export function formatCount(n: number, unit: 'meeting' | 'participant' | 'outcome'): string {
	return t(n === 1 ? `unit.${unit}.one` : `unit.${unit}.other`, { n });
}

/** A right-aligned data-table column of counts, shown grouped (`1,234`). */
export function countColumn(key: string, label: string): DataColumn {
	return { key, label, numeric: true, format: (v) => formatNumber(Number(v)) };
}

/** Estimated width (px) of `text` at `fontSize` px, for margins and fitting labels. */
export function estimateWidth(text: string, fontSize = FONT_SIZE): number {
	return text.length * CHAR_WIDTH * (fontSize / FONT_SIZE);
}

/** Every calendar year from the smallest to the largest of `years`, gaps included. */
export function spanYears(years: Iterable<number>): number[] {
	const ys = [...years];
	return ys.length === 0 ? [] : range(Math.min(...ys), Math.max(...ys) + 1);
}

/** Year ticks at band centres, thinned to every 1st, 2nd, 5th, 10th… year so labels never touch. */
export function layoutYearTicks(opts: { x: ScaleBand<number>; minSpacing?: number }): Tick[] {
	const { x, minSpacing = MIN_YEAR_SPACING } = opts;
	const need = minSpacing / Math.max(x.step(), 1e-6);
	const step = [1, 2, 5, 10, 20, 50].find((s) => s >= need) ?? 100;
	return x
		.domain()
		.filter((year) => year % step === 0)
		.map((year) => ({ pos: round((x(year) ?? 0) + x.bandwidth() / 2), label: String(year) }));
}

/** Integer count ticks of `y` (about one per 40 px), labelled with grouped numbers. */
export function layoutCountTicks(opts: { y: ScaleLinear<number, number> }): Tick[] {
	const { y } = opts;
	const count = Math.max(2, Math.round(Math.abs(y.range()[0]! - y.range()[1]!) / 40));
	return y
		.ticks(count)
		.filter(Number.isInteger)
		.map((v) => ({ pos: round(y(v)), label: formatNumber(v) }));
}

/** Legend entries flowed left to right from (x0, y0), wrapping at `width`; 20 px per line. */
export function layoutLegend(opts: {
	entries: LegendEntry[];
	width: number;
	x0?: number;
	y0?: number;
}): {
	items: LegendItem[];
	height: number;
} {
	const { entries, width, x0 = 0, y0 = 0 } = opts;
	const lineHeight = 20;
	let x = x0;
	let y = y0;
	const items = entries.map((e) => {
		const w = (e.shape === 'line' ? 22 : 12) + 6 + estimateWidth(e.label) + 16;
		if (x > x0 && x + w > width) {
			x = x0;
			y += lineHeight;
		}
		const item: LegendItem = { shape: 'rect', ...e, x: round(x), y: round(y) };
		x += w;
		return item;
	});
	return { items, height: items.length === 0 ? 0 : y - y0 + lineHeight };
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
}): YearBarsFrame<K> {
	const { keys, value, colors, width, height, top = 8, right = 12 } = opts;
	const years = spanYears(opts.years);
	const legend = layoutLegend({ entries: opts.legend, width });
	const totals = new Map(years.map((yr) => [yr, keys.reduce((s, k) => s + value(yr, k), 0)]));
	const max = Math.max(0, ...totals.values());
	const margin: Margin = { top: legend.height + top, right, bottom: 44, left: 0 };
	const y = scaleLinear([0, max || 1], [height - margin.bottom, margin.top]).nice();
	const yTicks = layoutCountTicks({ y });
	margin.left = round(22 + Math.max(0, ...yTicks.map((t) => estimateWidth(t.label))) + 6);
	const x = scaleBand(years, [margin.left, width - margin.right])
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
	return { width, height, margin, x, y, bars, totals, xTicks, yTicks, legend: legend.items };
}

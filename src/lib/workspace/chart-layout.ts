/**
 * "Chart this": a quick bar or line chart of one result column against a number column. Pure
 * (cells, options) -> model in px: no DOM, no DuckDB. Values are summed per x value, so a result
 * with several rows per category (e.g. per year and sector) charts the category's total.
 */
import { max, min, scaleBand, scaleLinear, scaleUtc, line as d3line } from 'd3';
import { formatNumber } from '$lib/i18n';
import type { ColumnKind, PlainCell } from './cells';

/** Categories beyond this many are left out of a chart (the caption says so). */
export const MAX_CATEGORIES = 60;

/** How the x column is read: text categories in result order, numbers ascending, or time. */
export type XKind = 'category' | 'number' | 'date';

/** One x value and the sum of its y values; `x` is epoch ms for dates. */
export interface ChartPoint {
	key: string;
	x: string | number;
	y: number;
}

/** Points from two result columns: sums per x, rows with a NULL or non-numeric cell skipped. */
export function aggregatePoints(o: {
	xs: readonly PlainCell[];
	ys: readonly PlainCell[];
	xKind: XKind;
}): {
	points: ChartPoint[];
	skipped: number;
	truncated: number;
} {
	const sums = new Map<string, ChartPoint>();
	let skipped = 0;
	o.xs.forEach((xv, i) => {
		const yv = o.ys[i];
		const y = typeof yv === 'number' ? yv : typeof yv === 'string' ? Number(yv) : NaN;
		const x = o.xKind === 'date' ? parseTime(xv) : xv;
		if (
			x === null ||
			Array.isArray(x) ||
			!Number.isFinite(y) ||
			(o.xKind === 'date' && Number.isNaN(x))
		) {
			skipped++;
			return;
		}
		const key = String(x);
		const p = sums.get(key);
		if (p) p.y += y;
		else sums.set(key, { key, x: o.xKind === 'category' ? String(x) : Number(x), y });
	});
	let points = [...sums.values()];
	if (o.xKind !== 'category') points.sort((a, b) => Number(a.x) - Number(b.x));
	const truncated = Math.max(0, points.length - MAX_CATEGORIES);
	if (truncated) points = points.slice(0, MAX_CATEGORIES);
	return { points, skipped, truncated };
}

/** `YYYY-MM-DD[ HH:MM:SS]` (UTC, as the grid shows it) as epoch ms; NaN when unreadable. */
function parseTime(v: PlainCell): number | null {
	if (v === null) return null;
	return Date.parse(`${String(v).replace(' ', 'T')}${String(v).length <= 10 ? 'T00:00:00' : ''}Z`);
}

/** The default x kind of a result column. */
export function xKindOf(kind: ColumnKind): XKind {
	return kind === 'date' || kind === 'timestamp'
		? 'date'
		: kind === 'number'
			? 'number'
			: 'category';
}

/** An axis tick: position (px) along its axis and label. */
export interface Tick {
	pos: number;
	label: string;
}

/** A bar, or a line's point: position and size in px, with its x label and value. */
export interface Mark {
	key: string;
	label: string;
	value: number;
	x: number;
	y: number;
	width: number;
	height: number;
}

/** Everything the chart draws. `path` is the line's `d` (line charts only). */
export interface QuickChartModel {
	width: number;
	height: number;
	margin: { top: number; right: number; bottom: number; left: number };
	marks: Mark[];
	path: string | null;
	xTicks: Tick[];
	yTicks: Tick[];
	zeroY: number;
}

const round = (v: number) => Math.round(v * 10) / 10;
const textWidth = (s: string) => s.length * 6.5;
const clip = (s: string) => (s.length > 18 ? `${s.slice(0, 17)}…` : s);
const dateLabel = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Lays out `points` as bars (a band per x) or a line (time scale for dates); sizes in px. */
export function layoutQuickChart(o: {
	points: readonly ChartPoint[];
	kind: 'bar' | 'line';
	xKind: XKind;
	width: number;
	height?: number;
}): QuickChartModel {
	const { points, kind, xKind, width, height = 300 } = o;
	const ys = points.map((p) => p.y);
	const y = scaleLinear(
		[Math.min(0, min(ys) ?? 0), Math.max(0, max(ys) ?? 0)],
		[height - 32, 12]
	).nice();
	if (points.length === 0 || y.domain()[0] === y.domain()[1]) y.domain([0, 1]);
	const yTicks = y.ticks(5).map((v) => ({ pos: round(y(v)), label: formatNumber(v) }));
	const margin = {
		top: 12,
		right: 16,
		bottom: 32,
		left: round(Math.max(24, max(yTicks, (t) => textWidth(t.label)) ?? 0) + 12)
	};
	const label = (p: ChartPoint) => (xKind === 'date' ? dateLabel(Number(p.x)) : String(p.x));
	const plot: [number, number] = [margin.left, width - margin.right];
	const zeroY = round(y(0));
	if (kind === 'line' && xKind === 'date' && points.length > 0) {
		const xs = points.map((p) => Number(p.x));
		const x = scaleUtc([new Date(min(xs) ?? 0), new Date(max(xs) ?? 0)], plot);
		const count = Math.max(2, Math.floor((plot[1] - plot[0]) / 90));
		const xTicks = x.ticks(count).map((d) => ({ pos: round(x(d)), label: x.tickFormat(count)(d) }));
		const marks = points.map((p) => dot(p, label(p), x(new Date(Number(p.x))), y(p.y)));
		return { width, height, margin, marks, path: linePath(marks), xTicks, yTicks, zeroY };
	}
	const x = scaleBand(
		points.map((p) => p.key),
		plot
	)
		.paddingInner(kind === 'bar' ? 0.2 : 0)
		.paddingOuter(kind === 'bar' ? 0.1 : 0.5);
	const widest = Math.max(0, max(points, (p) => textWidth(clip(label(p)))) ?? 0);
	const every = Math.max(1, Math.ceil((widest + 8) / Math.max(x.step(), 1e-6)));
	const xTicks = points
		.filter((_, i) => i % every === 0)
		.map((p) => ({ pos: round(x(p.key)! + x.bandwidth() / 2), label: clip(label(p)) }));
	if (kind === 'line') {
		const marks = points.map((p) => dot(p, label(p), x(p.key)! + x.bandwidth() / 2, y(p.y)));
		return { width, height, margin, marks, path: linePath(marks), xTicks, yTicks, zeroY };
	}
	const marks = points.map((p) => {
		const top = Math.min(y(p.y), y(0));
		return {
			key: p.key,
			label: label(p),
			value: p.y,
			x: round(x(p.key)!),
			y: round(top),
			width: round(x.bandwidth()),
			height: round(Math.abs(y(p.y) - y(0)))
		};
	});
	return { width, height, margin, marks, path: null, xTicks, yTicks, zeroY };
}

function dot(p: ChartPoint, label: string, cx: number, cy: number): Mark {
	return { key: p.key, label, value: p.y, x: round(cx), y: round(cy), width: 0, height: 0 };
}

function linePath(marks: Mark[]): string | null {
	return d3line<Mark>(
		(m) => m.x,
		(m) => m.y
	)(marks);
}

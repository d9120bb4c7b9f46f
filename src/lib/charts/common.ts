/**
 * Layout helpers shared by the charts: rounding, text-width estimates and truncation, year and
 * value ticks, and a wrapping legend. Pure; no DOM.
 */
import { range, type ScaleBand, type ScaleLinear } from 'd3';
import type { DataColumn } from '$lib/figures/ChartFrame.svelte';
import { formatNumber, formatYear, t } from '$lib/i18n';

/** Font size of tick labels, legend and axis titles (px). */
export const FONT_SIZE = 12;
/**
 * Estimated advance of one character at `FONT_SIZE` (px). Sized for DejaVu Sans, what system-ui
 * resolves to on Linux Chromium and one of the wider UI fonts; narrower fonts just leave slack.
 */
export const CHAR_WIDTH = 7;
/** Minimum room (px) a year tick label needs ("2000" plus a gap); narrower bands label every 2nd, 5th… year. */
export const MIN_YEAR_SPACING = 36;

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
	/** Left edge of the swatch (px). */
	x: number;
	y: number;
	/** Where the label starts reading (px): after the swatch, or before it right to left. */
	textX: number;
	anchor: 'start' | 'end';
}

/** `v` rounded to 0.1 px, so the SVG text is stable across runs and platforms. */
export function round(v: number): number {
	return Math.round(v * 10) / 10;
}

/** `n` with its unit noun in the plural form the language needs (`1 meeting`, `1,204 meetings`). */
export function formatCount(n: number, unit: 'meeting' | 'participant' | 'outcome'): string {
	return t(`unit.${unit}`, { count: n });
}

/** A right-aligned data-table column of counts, shown grouped (`1,234`). */
export function countColumn(key: string, label: string): DataColumn {
	return { key, label, numeric: true, format: (v) => formatNumber(Number(v)) };
}

/** Estimated width (px) of `text` at `fontSize` px, for margins and fitting labels (CJK counts two). */
export function estimateWidth(text: string, fontSize = FONT_SIZE): number {
	return textWidth(text) * CHAR_WIDTH * (fontSize / FONT_SIZE);
}

/** `text` cut to `maxChars` characters, the last being an ellipsis, if it is longer. */
export function truncate(text: string, maxChars: number): string {
	return text.length <= maxChars ? text : `${text.slice(0, Math.max(1, maxChars - 1)).trimEnd()}…`;
}

/**
 * `text` broken at spaces (or, in Chinese, at word boundaries) into at most `maxLines` lines of at
 * most `maxChars` character widths; a word longer than a line is cut, and text left over is
 * marked by an ellipsis on the last line.
 */
export function wrapLines(opts: { text: string; maxChars: number; maxLines: number }): string[] {
	const { maxChars, maxLines } = opts;
	const lines: string[] = [];
	let rest = opts.text.trim();
	while (rest && lines.length < maxLines) {
		if (lines.length === maxLines - 1 || textWidth(rest) <= maxChars) {
			lines.push(truncate(rest, maxChars));
			break;
		}
		const at = breakBefore(rest, maxChars);
		lines.push(rest.slice(0, at).trimEnd());
		rest = rest.slice(at).trimStart();
	}
	return lines;
}

/**
 * `text` on as many lines of at most `maxChars` character widths as it needs, broken at spaces or
 * word boundaries (`Intl.Segmenter`, so Chinese wraps too), never shortened: a figure shows a
 * label whole. A word longer than a line is split.
 */
export function wrapWhole(opts: { text: string; maxChars: number }): string[] {
	const maxChars = Math.max(2, Math.floor(opts.maxChars));
	const lines: string[] = [];
	let rest = opts.text.trim();
	while (rest) {
		if (textWidth(rest) <= maxChars) {
			lines.push(rest);
			break;
		}
		const found = breakAt(rest, maxChars);
		// Leave at least three letters of a split word for the next line ("Multilingual-ism").
		const wordEnd = rest.slice(found.at).search(/[\s\p{P}]|$/u) + found.at;
		const { hard } = found;
		const at = hard ? Math.max(2, Math.min(found.at, wordEnd - 2)) : found.at;
		// A word wider than the line is split with a hyphen (Latin, Cyrillic), never dropped.
		const cut = hard && /\p{L}/u.test(rest[at - 1] ?? '') && !WIDE.test(rest[at - 1]!) && at > 2;
		lines.push(cut ? `${rest.slice(0, at - 1)}-` : rest.slice(0, at).trimEnd());
		rest = (cut ? rest.slice(at - 1) : rest.slice(at)).trimStart();
	}
	return lines;
}

/**
 * The largest `value` of `items`, and at least `floor` (default 0). A loop: spreading a data-sized
 * array into Math.max overflows the call stack (an embed link can carry 200 themes × 9,999 years).
 */
export function maxOf<T>(items: Iterable<T>, value: (d: T) => number, floor = 0): number {
	let m = floor;
	for (const d of items) {
		const v = value(d);
		if (v > m) m = v;
	}
	return m;
}

// Chinese and Japanese glyphs are about two Latin characters wide.
const WIDE =
	/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** Width of `s` in average Latin characters (wide CJK glyphs count two). */
export function textWidth(s: string): number {
	let w = 0;
	for (const ch of s) w += WIDE.test(ch) ? 2 : 1;
	return w;
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });

/**
 * Where to end a line of at most `maxChars` widths: the last space that fits, or in text without
 * spaces (Chinese) the last word boundary `Intl.Segmenter` finds; a hard cut when there is none.
 */
function breakBefore(text: string, maxChars: number): number {
	return breakAt(text, maxChars).at;
}

/** `breakBefore`, and whether the break cuts a word (no space or word boundary fits). */
function breakAt(text: string, maxChars: number): { at: number; hard: boolean } {
	let fit = 0;
	let width = 0;
	for (const ch of text) {
		width += textWidth(ch);
		if (width > maxChars) break;
		fit += ch.length;
	}
	const space = text.lastIndexOf(' ', fit);
	if (space > 0) return { at: space, hard: false };
	let best = 0;
	for (const { index } of segmenter.segment(text)) {
		if (index > fit) break;
		best = index;
	}
	return best > 0 ? { at: best, hard: false } : { at: Math.max(1, fit), hard: true };
}

/**
 * Width (in average Latin characters) of the widest unbreakable piece of `text`: a word between
 * spaces, or in Chinese a word `Intl.Segmenter` finds, with the punctuation that sticks to it.
 */
export function longestWordWidth(text: string): number {
	let widest = 0;
	for (const word of text.split(/\s+/)) {
		let at = 0;
		for (const { index } of segmenter.segment(word)) {
			widest = Math.max(widest, textWidth(word.slice(at, index)));
			at = index;
		}
		widest = Math.max(widest, textWidth(word.slice(at)));
	}
	return widest;
}

/** Every calendar year from the smallest to the largest of `years`, gaps included. */
export function spanYears(years: Iterable<number>): number[] {
	let [lo, hi] = [Infinity, -Infinity];
	for (const y of years) [lo, hi] = [Math.min(lo, y), Math.max(hi, y)];
	return lo > hi ? [] : range(lo, hi + 1);
}

/** Year ticks at band centres, thinned to every 1st, 2nd, 5th, 10th… year so labels never touch. */
export function layoutYearTicks(opts: { x: ScaleBand<number>; minSpacing?: number }): Tick[] {
	const { x, minSpacing = MIN_YEAR_SPACING } = opts;
	const need = minSpacing / Math.max(x.step(), 1e-6);
	const step = [1, 2, 5, 10, 20, 50].find((s) => s >= need) ?? 100;
	return x
		.domain()
		.filter((year) => year % step === 0)
		.map((year) => ({ pos: round((x(year) ?? 0) + x.bandwidth() / 2), label: formatYear(year) }));
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

/**
 * Legend entries flowed left to right from (x0, y0), wrapping at `width`; 20 px per line. `rtl`
 * (Arabic): flowed right to left from the right edge, each swatch right of its label.
 */
export function layoutLegend(opts: {
	entries: LegendEntry[];
	width: number;
	x0?: number;
	y0?: number;
	rtl?: boolean;
}): {
	items: LegendItem[];
	height: number;
} {
	const { entries, width, x0 = 0, y0 = 0, rtl = false } = opts;
	const lineHeight = 20;
	let x = x0;
	let y = y0;
	const items = entries.map((e) => {
		const w = (e.shape === 'line' ? 22 : 12) + 6 + estimateWidth(e.label) + 16;
		if (x > x0 && x + w > width) {
			x = x0;
			y += lineHeight;
		}
		const swatch = e.shape === 'line' ? 22 : 12;
		const [sx, anchor] = rtl ? [width - (x - x0) - swatch, 'end' as const] : [x, 'start' as const];
		const textX = rtl ? sx - 6 : sx + swatch + 6;
		const item: LegendItem = {
			shape: 'rect',
			...e,
			x: round(sx),
			y: round(y),
			textX: round(textX),
			anchor
		};
		x += w;
		return item;
	});
	return { items, height: items.length === 0 ? 0 : y - y0 + lineHeight };
}

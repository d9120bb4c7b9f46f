/**
 * A self-contained SVG document of a figure: the chart's markup (styles already inlined) framed
 * by its title and subtitle, the analyst's note, its caption and source line on white, with <title>, <desc>, a viewBox and the
 * figure's metadata. Pure string building; every text goes through `escapeXml`.
 */
import { CHAR_WIDTH, FONT_SIZE, wrapWhole } from '$lib/charts/common';
import { figureFonts } from '$lib/i18n';
import type { FigureMeta } from './metadata';

/** Colours of the printed figure (the light theme). */
export interface PrintColors {
	text: string;
	muted: string;
	background: string;
}

/** The light theme's text colours on white, as in app.css. */
export const PRINT_COLORS: PrintColors = {
	text: '#1b1f24',
	muted: '#545d68',
	background: '#ffffff'
};

/** Padding around the figure (px). */
const PAD = 16;
const TITLE_SIZE = 15;
const NOTE_LINE = 16;
const SOURCE_SIZE = 11;
const SOURCE_LINE = 14;

/** `s` safe as XML text and as a double- or single-quoted attribute value. */
export function escapeXml(s: string): string {
	return s
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&apos;');
}

/** What frames the chart in the exported figure. */
export interface FigureFrame {
	/** The chart's markup: one element (a <g>), coordinates from (0, 0). */
	inner: string;
	/** Size of the chart (px). */
	width: number;
	height: number;
	title: string;
	/** A line under the title (the analyst's), in muted type; none when empty. */
	subtitle?: string;
	desc: string;
	/** The analyst's note, right under the chart; none when empty. */
	annotation?: string;
	/** The chart's caption, under it. */
	note: string;
	/** The source line, then the provenance line, in smaller type. */
	source: string;
	made: string;
	meta: FigureMeta;
	colors?: PrintColors;
	/** The figure's language (`ar`, `zh-Hans`…) for glyph shapes; right-to-left text aligns right. */
	lang?: string;
	rtl?: boolean;
}

// Never shortened: a figure shows every word of its title, notes and source.
const lines = (text: string, fontSize: number, width: number) =>
	wrapWhole({
		text,
		maxChars: Math.max(20, Math.floor(width / (CHAR_WIDTH * (fontSize / FONT_SIZE))))
	});

function textBlock(o: {
	lines: string[];
	/** Right edge of the text (px) when the language reads right to left. */
	rtlEdge?: number;
	y: number;
	lineHeight: number;
	size: number;
	fill: string;
	weight?: number;
}): string {
	const weight = o.weight ? ` font-weight="${o.weight}"` : '';
	// Right to left: each line ends at the right edge in a left-to-right frame (`end`, `ltr`), and
	// reads right to left inside a Unicode isolate (U+2067 … U+2069). LibreOffice (and so office
	// documents) ignores SVG `direction`, so `start` + `direction="rtl"` ran past the right edge.
	const at = o.rtlEdge ? `x="${o.rtlEdge}" text-anchor="end" direction="ltr"` : `x="${PAD}"`;
	const text = (l: string) => (o.rtlEdge ? `\u2067${l}\u2069` : l);
	return o.lines
		.map(
			(l, i) =>
				`<text ${at} y="${o.y + i * o.lineHeight}" font-size="${o.size}" fill="${o.fill}"${weight}>${escapeXml(text(l))}</text>`
		)
		.join('');
}

/** The standalone SVG document of a figure, and its size (px). */
export function composeSvg(f: FigureFrame): { svg: string; width: number; height: number } {
	const c = f.colors ?? PRINT_COLORS;
	const width = Math.ceil(f.width + 2 * PAD);
	const rtlEdge = f.rtl ? width - PAD : undefined;
	const titleLines = lines(f.title, TITLE_SIZE, f.width);
	const subtitleLines = f.subtitle?.trim() ? lines(f.subtitle, FONT_SIZE, f.width) : [];
	const subtitleTop = PAD + titleLines.length * 20 + 2;
	const chartTop = subtitleTop + subtitleLines.length * NOTE_LINE + 6;
	const annotationLines = f.annotation?.trim() ? lines(f.annotation, FONT_SIZE, f.width) : [];
	const annotationTop = chartTop + f.height + 20;
	const noteLines = f.note ? lines(f.note, FONT_SIZE, f.width) : [];
	const sourceLines = [
		...lines(f.source, SOURCE_SIZE, f.width),
		...lines(f.made, SOURCE_SIZE, f.width)
	];
	const noteTop =
		annotationTop + annotationLines.length * NOTE_LINE + (annotationLines.length ? 6 : 0);
	const sourceTop = noteTop + noteLines.length * NOTE_LINE + (noteLines.length ? 6 : 0);
	const height = Math.ceil(sourceTop + (sourceLines.length - 1) * SOURCE_LINE + PAD);
	const parts = [
		`<?xml version="1.0" encoding="UTF-8"?>\n`,
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" `,
		`font-family="${escapeXml(figureFonts(f.lang ?? ''))}" font-size="${FONT_SIZE}" role="img" aria-labelledby="figure-title figure-desc"`,
		// `direction` explicit: the chart's geometry is laid out left to right in every language.
		` direction="ltr"${f.lang ? ` lang="${escapeXml(f.lang)}" xml:lang="${escapeXml(f.lang)}"` : ''}>`,
		`<title id="figure-title">${escapeXml(f.title)}</title>`,
		`<desc id="figure-desc">${escapeXml([f.subtitle, f.desc, f.annotation, f.note, f.source].filter(Boolean).join(' '))}</desc>`,
		`<metadata id="intersect-figure">${escapeXml(JSON.stringify(f.meta))}</metadata>`,
		`<rect width="${width}" height="${height}" fill="${c.background}"/>`,
		textBlock({
			lines: titleLines,
			rtlEdge,
			y: PAD + 14,
			lineHeight: 20,
			size: TITLE_SIZE,
			fill: c.text,
			weight: 600
		}),
		textBlock({
			lines: subtitleLines,
			rtlEdge,
			y: subtitleTop + 12,
			lineHeight: NOTE_LINE,
			size: FONT_SIZE,
			fill: c.muted
		}),
		`<g transform="translate(${PAD} ${chartTop})">${f.inner}</g>`,
		textBlock({
			lines: annotationLines,
			rtlEdge,
			y: annotationTop,
			lineHeight: NOTE_LINE,
			size: FONT_SIZE,
			fill: c.text,
			weight: 600
		}),
		textBlock({
			lines: noteLines,
			rtlEdge,
			y: noteTop,
			lineHeight: NOTE_LINE,
			size: FONT_SIZE,
			fill: c.text
		}),
		textBlock({
			lines: sourceLines,
			rtlEdge,
			y: sourceTop,
			lineHeight: SOURCE_LINE,
			size: SOURCE_SIZE,
			fill: c.muted
		}),
		`</svg>\n`
	];
	return { svg: parts.join(''), width, height };
}

/**
 * One chart's exports, from its rendered <svg>, its data table and the page's figure context:
 * the standalone SVG, PNGs, CSV, caption and embed code, each named and stamped with the
 * figure's provenance. Browser only (it reads the live chart).
 */
import { resolve } from '$app/paths';
import { activeLocale, directionOf, LANG_TAGS, xt, type Locale } from '$lib/i18n';
import { viewToParams, type ViewState } from '$lib/state/view';
import { captionBody, sourceLine, suggestedCaption } from './caption';
import type { ChartId } from '$lib/charts';
import { chartCsv, type CsvColumn } from '$lib/export/csv';
import { encodeEmbed } from './embed-payload';
import { withChartIn } from './figure-locale';
import { embedFonts } from './font-embed';
import type { FigureContext } from './figure-context';
import { APP_VERSION, figureMeta, provenanceLine, type FigureMeta } from './metadata';
import { cmPart, figureFileName } from './names';
import { printWidthPx, rasterize } from './png';
import { printChartWidth } from './print-size';
import { NO_TEXT, type FigureText } from './figure-text';
import { composeSvg, escapeXml } from './svg';
import { inlineChart } from './svg-dom';

/** What a chart frame knows about its chart. */
export interface FigureSource {
	chart: ChartId;
	title: string;
	/** The chart's caption (what it shows and how to read it). */
	note: string;
	columns: readonly CsvColumn[];
	rows: readonly Record<string, unknown>[];
	/** The rendered chart. */
	svg: SVGSVGElement;
}

/** A figure ready to save: its standalone SVG, size (px) and provenance. */
export interface Figure {
	svg: string;
	width: number;
	height: number;
	meta: FigureMeta;
	view: ViewState;
	/** The language of its words. */
	locale: Locale;
	/** The print width it was laid out for (cm), if any. */
	cm?: number;
}

/** The suggested caption of a chart on the context's page. */
export function figureCaption(ctx: FigureContext, chart: ChartId, title: string): string {
	const facts = {
		title,
		dataset: ctx.dataset(),
		period: ctx.period(),
		filters: ctx.filters(chart)
	};
	return suggestedCaption({ ...facts, number: ctx.figureNumber(chart) });
}

/** The suggested report caption (no "Figure n."). */
export function reportCaption(ctx: FigureContext, chart: ChartId, title: string): string {
	return captionBody({
		title,
		dataset: ctx.dataset(),
		period: ctx.period(),
		filters: ctx.filters(chart)
	});
}

/** How to draw a figure: language, print width and the analyst's words. */
export interface FigureOptions {
	/** The language of its words (default: the interface's). */
	locale?: Locale;
	/** Laid out for a print width in cm; default: the on-screen chart's width. */
	cm?: number;
	/** The analyst's title, subtitle and note (used in the interface's language only). */
	text?: FigureText;
	/** An Arabic figure's time axes run right to left (default: left to right). */
	mirrorTime?: boolean;
}

/**
 * The standalone figure of a chart: laid out again off screen for paper (at `cm` when given,
 * else at the on-screen width; never the screen's dimming), in `locale`, with the analyst's
 * words. Its metadata stays in the interface's words, so "reopen" reads any language version.
 * `mirrorTime`: an Arabic figure's years run right to left.
 */
export async function buildFigure(
	src: FigureSource,
	ctx: FigureContext,
	o: FigureOptions = {}
): Promise<Figure> {
	const locale = o.locale ?? activeLocale();
	const fingerprint = await ctx.fingerprint();
	const facts = () => ({
		dataset: ctx.dataset(),
		period: ctx.period(),
		filters: ctx.filters(src.chart)
	});
	const view = ctx.view();
	const meta = figureMeta({ chart: src.chart, view, fingerprint, ...facts() });
	const width = o.cm ? printChartWidth(o.cm) : Number(src.svg.getAttribute('width'));
	// Edits are written in the interface's language: other languages keep the chart's own words.
	const text = locale === activeLocale() ? (o.text ?? NO_TEXT) : NO_TEXT;
	const compose = (c: { svg: SVGSVGElement; title: string; note: string }) =>
		composeSvg({
			inner: inlineChart(c.svg),
			width,
			height: Number(c.svg.getAttribute('height')),
			title: text.title.trim() || c.title,
			subtitle: text.subtitle,
			desc: c.svg.querySelector('desc')?.textContent ?? '',
			annotation: text.note,
			note: c.note,
			source: sourceLine(facts()),
			made: xt('figure.made', { version: APP_VERSION, fingerprint }),
			meta,
			lang: LANG_TAGS[activeLocale()],
			rtl: directionOf(activeLocale()) === 'rtl'
		});
	const rows = ctx.rows(src.chart);
	const mirrorTime = o.mirrorTime === true && directionOf(locale) === 'rtl';
	const composed = withChartIn(
		{
			chart: src.chart,
			rows,
			width,
			locale,
			covered: ctx.covered?.() ?? null,
			active: ctx.active?.(src.chart),
			mirrorTime
		},
		compose
	);
	return { ...composed, meta, view, locale, cm: o.cm };
}

/** The download name of a rendition of `f` (`variant` such as `2x`, `16cm-300dpi`, `ar`). */
export const fileName = (f: Figure, ext: 'svg' | 'png' | 'csv' | 'zip', variant?: string) =>
	figureFileName({
		chart: f.meta.chart,
		view: f.view,
		fingerprint: f.meta.fingerprint,
		ext,
		variant
	});

/** Offer `blob` as a download named `name`. */
export function downloadBlob(name: string, blob: Blob): void {
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = name;
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Download the figure as SVG; returns the file name. */
export function saveSvg(f: Figure): string {
	const name = fileName(f, 'svg');
	downloadBlob(name, new Blob([f.svg], { type: 'image/svg+xml' }));
	return name;
}

/** A PNG rendition: `2x` the screen size (192 dpi), or `cm` wide at 300 dpi. */
export type PngSize = { scale: 2 } | { cm: number };

/** The PNG of a figure at `size`, and its file name. */
export async function figurePng(f: Figure, size: PngSize): Promise<{ name: string; blob: Blob }> {
	const print = 'cm' in size;
	const width = print ? printWidthPx(size.cm) : f.width * size.scale;
	const blob = await rasterize({
		// The image cannot load the page's fonts: it carries the slices its text needs.
		svg: await embedFonts(f.svg),
		svgWidth: f.width,
		svgHeight: f.height,
		width,
		dpi: print ? 300 : 96 * size.scale
	});
	return { name: fileName(f, 'png', print ? `${cmPart(size.cm)}-300dpi` : '2x'), blob };
}

/** The chart's numbers as CSV with the source and provenance lines; returns the file name. */
export function saveCsv(f: Figure, src: FigureSource): string {
	const source = sourceLine({
		dataset: f.meta.dataset,
		period: f.meta.period,
		filters: f.meta.filters
	});
	const csv = chartCsv({
		columns: src.columns,
		rows: src.rows,
		footer: [`# ${src.title}. ${source}`, provenanceLine(f.meta)]
	});
	const name = fileName(f, 'csv');
	downloadBlob(name, new Blob([csv], { type: 'text/csv;charset=utf-8' }));
	return name;
}

/**
 * The embed URL of a chart: the view's params; for the bundled sample, its fingerprint (the
 * embed loads the sample from the site); otherwise the chart's rows, packed into the fragment
 * (never sent to a server). Throws EmbedError when the rows are too many for a link.
 */
export async function embedUrl(
	ctx: FigureContext,
	chart: ChartId,
	origin: string
): Promise<string> {
	const params = viewToParams(ctx.view());
	const fingerprint = await ctx.fingerprint();
	// A published dataset's embed names it (its rows still travel in the link).
	const ref = ctx.datasetRef?.();
	if (ref) params.set('dataset', ref);
	const path = `${origin}${resolve('/embed/[chart]', { chart })}`;
	if (ctx.isSample()) {
		params.set('fp', fingerprint);
		return `${path}?${params}`;
	}
	const data = await encodeEmbed({
		chart,
		rows: ctx.rows(chart) as Record<string, string | number>[],
		meta: {
			dataset: ctx.dataset(),
			period: ctx.period(),
			filters: ctx.filters(chart),
			fingerprint,
			version: APP_VERSION
		}
	});
	const q = params.toString();
	return `${path}${q ? `?${q}` : ''}#data=${data}`;
}

/** An `<iframe>` snippet for `url`, titled, about the size of the chart on screen. */
export function iframeSnippet(o: { url: string; title: string; width: number; height: number }) {
	const w = Math.round(o.width + 16);
	const h = Math.round(o.height + 84);
	return `<iframe src="${escapeXml(o.url)}" title="${escapeXml(xt('embed.title', { title: o.title }))}" width="${w}" height="${h}" style="border:0;max-width:100%" loading="lazy"></iframe>`;
}

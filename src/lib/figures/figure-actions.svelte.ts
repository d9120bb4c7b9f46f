/**
 * The Export menu's actions on one chart, as state: each runs once at a time (busy), and its
 * outcome (file saved, copied, or why not) becomes the message the menu announces.
 */
import { activeLocale, xt, type Locale } from '$lib/i18n';
import type { ChartId } from '$lib/charts';
import { ClipboardError, copyImage, copyText } from './clipboard';
import { EmbedError, MAX_EMBED_CHARS } from './embed-payload';
import type { FigureContext } from './figure-context';
import {
	buildFigure,
	downloadBlob,
	embedUrl,
	figurePng,
	iframeSnippet,
	saveCsv,
	saveSvg,
	type FigureSource,
	type PngSize
} from './figure';
import { figureZip } from './figure-zip';
import type { FigureText } from './figure-text';

/** What went wrong, as a sentence for the analyst. */
function failure(e: unknown): string {
	if (e instanceof ClipboardError) return e.message;
	if (e instanceof EmbedError && e.kind === 'too-large')
		return xt('embed.tooLarge', { size: e.size, limit: MAX_EMBED_CHARS });
	return xt('export.failed', { message: e instanceof Error ? e.message : String(e) });
}

/** What the actions work on: the page's context, the chart, its title and its rendering. */
export interface FigureActionsOptions {
	ctx: FigureContext;
	chart: ChartId;
	title: string;
	source: () => FigureSource | null;
	/** The language of the SVG, PNG and copied image (default: the interface's). */
	locale?: Locale;
	/** The print width (cm) the SVG is laid out for. */
	cm?: number;
	/** The analyst's title, subtitle and note. */
	text?: FigureText;
	/** An Arabic figure's time axes run right to left (default: left to right). */
	mirrorTime?: boolean;
}

/** One chart's exports and their outcome. */
export class FigureActions {
	busy = $state(false);
	message = $state('');
	failed = $state(false);
	/** The last embed code made, shown for copying by hand. */
	snippet = $state('');
	readonly #options: () => FigureActionsOptions;

	/** `options` is read at each action, so it follows the component's current props. */
	constructor(options: () => FigureActionsOptions) {
		this.#options = options;
	}

	get #o(): FigureActionsOptions {
		return this.#options();
	}

	#figure(src: FigureSource, cm?: number) {
		const { ctx, locale, text, mirrorTime } = this.#o;
		return buildFigure(src, ctx, { locale: locale ?? activeLocale(), cm, text, mirrorTime });
	}

	#say(text: string, failed = false) {
		this.message = text;
		this.failed = failed;
	}

	/** Run one export: busy while it works, its outcome announced. */
	async #run(what: string, work: (src: FigureSource) => Promise<string>) {
		const src = this.#o.source();
		if (!src) return this.#say(xt('export.empty'), true);
		this.busy = true;
		this.#say(xt('export.working', { what }));
		try {
			this.#say(await work(src));
		} catch (e) {
			this.#say(failure(e), true);
		} finally {
			this.busy = false;
		}
	}

	/** Download the standalone SVG, laid out for the print width chosen. */
	svg = () =>
		this.#run('SVG', async (src) => {
			return xt('export.saved', { file: saveSvg(await this.#figure(src, this.#o.cm)) });
		});

	/** Download a PNG at `size` (a print size is laid out again for its width). */
	png = (size: PngSize) =>
		this.#run('PNG', async (src) => {
			const png = await figurePng(
				await this.#figure(src, 'cm' in size ? size.cm : undefined),
				size
			);
			downloadBlob(png.name, png.blob);
			return xt('export.saved', { file: png.name });
		});

	/** Download the figure in all six languages (SVG and a `cm` wide print PNG each) as a zip. */
	allLanguages = (cm: number) =>
		this.#run('ZIP', async (src) => {
			const zip = await figureZip(src, this.#o.ctx, cm, {
				text: this.#o.text,
				mirrorTime: this.#o.mirrorTime
			});
			downloadBlob(zip.name, zip.blob);
			return xt('export.saved', { file: zip.name });
		});

	/** Download the chart's numbers as CSV. */
	csv = () =>
		this.#run('CSV', async (src) => {
			return xt('export.saved', { file: saveCsv(await buildFigure(src, this.#o.ctx), src) });
		});

	/** Copy the print PNG (`cm` wide at 300 dpi) to the clipboard. */
	copyPng = (cm: number) => {
		const src = this.#o.source();
		if (!src) return this.#say(xt('export.empty'), true);
		// Start the copy inside the click, before any await, so the browser sees the user's gesture.
		const png = this.#figure(src, cm).then((f) => figurePng(f, { cm }).then((p) => p.blob));
		return this.#run(xt('export.what.image'), async () => {
			await copyImage(png);
			return xt('export.copied', { what: xt('export.copied.image') });
		});
	};

	/** Copy `caption` to the clipboard. */
	copyCaption = (caption: string) =>
		this.#run(xt('export.what.caption'), async () => {
			await copyText(caption);
			return xt('export.copied', { what: xt('export.copied.caption') });
		});

	/** Make the embed code, show it and copy it. */
	copyEmbed = () =>
		this.#run(xt('export.what.embed'), async (src) => {
			const url = await embedUrl(this.#o.ctx, this.#o.chart, location.origin);
			const size = {
				width: +src.svg.getAttribute('width')!,
				height: +src.svg.getAttribute('height')!
			};
			this.snippet = iframeSnippet({ url, title: this.#o.title, ...size });
			await copyText(this.snippet);
			return xt('export.copied', { what: xt('export.copied.embed') });
		});
}

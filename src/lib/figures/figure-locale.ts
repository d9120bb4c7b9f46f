/**
 * A chart drawn for a figure, for export: laid out again at the figure's width, as paper shows
 * it (`print`: no on-screen dimming), in any language. The chart's component is mounted off screen with every message and format in that language (`withLocale`), rendered
 * synchronously (`flushSync`), handed to the caller, and removed, all in one call. The same
 * rows and width give the same geometry in every language, mirrored only where Arabic mirrors
 * (and, when `mirrorTime` is asked, an Arabic figure's time axes: `timeMirrored` in $lib/i18n).
 * Browser only.
 */
import { flushSync, mount, unmount } from 'svelte';
import { CHARTS, type ChartId } from '$lib/charts';
import type { DateSpan } from '$lib/charts/partial';
import type { ActiveSelection } from '$lib/charts/selection';
import { directionOf, LANG_TAGS, t, withLocale, type Locale } from '$lib/i18n';

/** A chart rendered in one language: its live <svg>, title and caption. */
export interface ChartIn {
	svg: SVGSVGElement;
	title: string;
	note: string;
}

/**
 * Render `chart` from its query `rows` at `width` px in `locale`, for paper, and return what `use` makes of
 * it (`use` runs in that language too, so the figure's words around the chart follow it).
 */
export function withChartIn<T>(
	o: {
		chart: ChartId;
		rows: readonly object[];
		width: number;
		locale: Locale;
		/** The dates the data covers (partial years hatched). */
		covered?: DateSpan | null;
		/** An Arabic figure's years run right to left. */
		mirrorTime?: boolean;
		/** The chart's selection: its own clauses are outlined, nothing is dimmed. */
		active?: ActiveSelection;
	},
	use: (c: ChartIn) => T
): T {
	return withLocale(
		o.locale,
		() => {
			const host = document.createElement('div');
			host.dir = directionOf(o.locale);
			host.lang = LANG_TAGS[o.locale];
			host.setAttribute('aria-hidden', 'true');
			// Laid out (computed styles are read) but unseen; not `visibility`, which the SVG would inherit.
			host.style.cssText = `position:fixed;top:0;left:0;width:${o.width + 64}px;opacity:0;pointer-events:none;z-index:-1`;
			document.body.append(host);
			const Chart = CHARTS[o.chart].component;
			const app = mount(Chart, {
				target: host,
				props: {
					rows: o.rows as never[],
					width: o.width,
					tableLoaded: true,
					print: true,
					covered: o.covered ?? null,
					active: o.active && { ...o.active, print: true }
				}
			});
			try {
				flushSync();
				const svg = host.querySelector<SVGSVGElement>('.chart-body > svg');
				if (!svg) throw new Error(`${o.chart}: no chart drawn in ${o.locale}`);
				const note = host.querySelector('figcaption')?.textContent?.trim() ?? '';
				return use({ svg, title: t(CHARTS[o.chart].title), note });
			} finally {
				void unmount(app);
				host.remove();
			}
		},
		{ mirrorTime: o.mirrorTime }
	);
}

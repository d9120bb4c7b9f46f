/**
 * What a chart's frame needs to know about the page it is on, to caption and export it: the
 * view, its period and filters as words, the dataset and its fingerprint, the figure's number.
 * Pages provide it (Svelte context) so the chart components need no extra props.
 */
import { getContext, setContext } from 'svelte';
import type { ViewState } from '$lib/state/view';
import type { ChartId } from '$lib/charts';
import type { DateSpan } from '$lib/charts/partial';
import type { ActiveSelection } from '$lib/charts/selection';
import type { FigureText } from './figure-text';

/** Where a chart is shown: the dashboard (with export menu), a report page, or an embed. */
export type FigureVariant = 'dashboard' | 'report' | 'embed';

/** The page's facts about its figures. Functions, so they read the page's current state. */
export interface FigureContext {
	variant: FigureVariant;
	/** The view the figures show. */
	view(): ViewState;
	/** The period as words (`4 Mar 2015 – 20 Nov 2025`). */
	period(): string;
	/**
	 * The active filters other than the period, as labels (`Sector: BR`): those that apply to
	 * `chart` when one is given (a caption must not claim a filter its numbers ignore).
	 */
	filters(chart?: ChartId): string[];
	/** The dataset as a caption names it. */
	dataset(): string;
	/** The loaded dataset's fingerprint (computed once per load). */
	fingerprint(): Promise<string>;
	/** The published dataset's link reference (`?dataset=`), when one is shown. */
	datasetRef?(): string | null;
	/** The parameters a link of this view carries for its data (`dataset=`, `fp=`), when known. */
	linkParams?(): [string, string][];
	/** Whether the bundled sample is loaded (embeds then load it from the site). */
	isSample(): boolean;
	/** The figure number of a chart on this page. */
	figureNumber(chart: ChartId): number;
	/** A chart's query rows (embed links carry them). */
	rows(chart: ChartId): readonly object[];
	/** The dates the data and the view's period cover (partial years are hatched). */
	covered?(): DateSpan | null;
	/** What a chart shows as selected (its own clauses are outlined in a figure, never dimmed). */
	active?(chart: ChartId): ActiveSelection;
	/** Report: the title, subtitle and note the analyst edited for a chart. */
	text?(chart: ChartId): FigureText;
	/** Report: the caption the analyst edited, without its "Figure n.". */
	caption?(chart: ChartId): string;
	/** Embed: a warning for the source note (the data changed since the embed was made). */
	warning?(): string;
}

const KEY = Symbol('intersect-figures');

/** Provide the figure context to the charts below this component. */
export function setFigureContext(ctx: FigureContext): FigureContext {
	return setContext(KEY, ctx);
}

/** The figure context of the page, if it provides one. */
export function getFigureContext(): FigureContext | undefined {
	return getContext<FigureContext | undefined>(KEY);
}

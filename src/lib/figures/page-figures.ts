/**
 * The figure context of a page that shows the loaded dataset (the dashboard, the report): the
 * dataset's name and fingerprint come from the app's dataset state, the view from the page.
 */
import { published } from '$lib/datasets/published.svelte';
import { dataset } from '$lib/state/dataset.svelte';
import type { FilterChip } from '$lib/state/describe';
import type { ViewState } from '$lib/state/view';
import { describeDataset } from './caption';
import { CHART_IDS, CHARTS, type ChartId } from '$lib/charts';
import { ownClauses } from '$lib/charts/crossfilter';
import type { DateSpan } from '$lib/charts/partial';
import type { ActiveSelection } from '$lib/charts/selection';
import type { FigureContext, FigureVariant } from './figure-context';
import type { FigureText } from './figure-text';
import { datasetFingerprint } from './fingerprint';

/** The context for charts of the loaded dataset; `order` numbers the figures (default: dashboard order). */
export function pageFigures(o: {
	view: () => ViewState;
	/** The period as words. */
	period: () => string;
	/** The page's filter chips (the period chip is left out: the period has its own words). */
	chips: () => FilterChip[];
	/** The page's query results: each chart's rows by id. */
	data: { rows: Readonly<Record<ChartId, readonly object[]>> };
	variant?: FigureVariant;
	order?: () => readonly ChartId[];
	caption?: (chart: ChartId) => string;
	/** The dates the data and the period cover. */
	covered?: () => DateSpan | null;
	/** The analyst's words on each figure (report). */
	text?: (chart: ChartId) => FigureText;
	/** What each chart shows as selected (dashboard). */
	active?: (chart: ChartId) => ActiveSelection;
}): FigureContext {
	const order = o.order ?? (() => CHART_IDS);
	return {
		variant: o.variant ?? 'dashboard',
		view: o.view,
		period: o.period,
		filters: (chart) =>
			o
				.chips()
				.filter(
					(c) =>
						c.key !== 'period' &&
						(!chart ||
							(CHARTS[chart].filters.includes(c.key) &&
								// A clause the chart made itself highlights its marks; its numbers ignore it.
								!ownClauses(o.view().by, chart).includes(c.key)))
				)
				.map((c) => c.label),
		dataset: () => describeDataset(dataset.tables),
		fingerprint: async () => {
			await dataset.ready();
			return datasetFingerprint(await dataset.connection(), dataset.version);
		},
		datasetRef: () => (published.shown.kind === 'published' ? published.shown.ref : null),
		linkParams: () => published.link(),
		isSample: () => dataset.isSample,
		figureNumber: (chart) => order().indexOf(chart) + 1,
		rows: (chart) => o.data.rows[chart],
		caption: o.caption,
		covered: o.covered,
		active: o.active,
		text: o.text
	};
}

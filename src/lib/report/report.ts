/**
 * The report's choices as plain data and URL params (`charts=a,b`, `per=1|2`) next to the view's,
 * so a report reloads and travels as a link: which charts in which order, how many per page.
 * Pure.
 */
import { viewToParams, type ViewState } from '$lib/state/view';
import { isChartId, type ChartId } from '$lib/charts';

/** Charts per printed page. */
export type PerPage = 1 | 2;

/** What the report shows besides the view. */
export interface ReportChoice {
	charts: ChartId[];
	per: PerPage;
}

/** The report's choice from URL params; unknown and repeated chart ids are dropped. */
export function parseReport(params: URLSearchParams): ReportChoice {
	const ids = (params.get('charts') ?? '').split(',').filter(isChartId);
	return {
		charts: ids.filter((c, i) => ids.indexOf(c) === i),
		per: params.get('per') === '2' ? 2 : 1
	};
}

/** The URL params of a report: the view's, then `charts` and `per` (default 1, left out). */
export function reportParams(view: ViewState, r: ReportChoice): URLSearchParams {
	const p = viewToParams(view);
	if (r.charts.length) p.set('charts', r.charts.join(','));
	if (r.per === 2) p.set('per', '2');
	return p;
}

/** `list` with the item at `index` moved by `delta` places (clamped to the ends). */
export function moveItem<T>(list: readonly T[], index: number, delta: number): T[] {
	const to = Math.max(0, Math.min(list.length - 1, index + delta));
	const out = [...list];
	const [item] = out.splice(index, 1);
	if (item !== undefined) out.splice(to, 0, item);
	return out;
}

/**
 * The charts of each printed page, in order. With two per page, a chart `isTall` says would have
 * to shrink below legible type in half a page gets a page of its own (default: none is tall).
 */
export function paginate<T>(
	list: readonly T[],
	per: PerPage,
	isTall: (item: T) => boolean = () => false
): T[][] {
	const pages: T[][] = [];
	for (const item of list) {
		const last = pages.at(-1);
		if (last && last.length < per && !isTall(item) && !last.some(isTall)) last.push(item);
		else pages.push([item]);
	}
	return pages;
}

/**
 * Whether a chart needs a whole A4 page to print at legible size: the small multiples and the
 * heatmap grow a row per theme, so with many themes half a page would shrink their text.
 */
export function isTallChart(chart: ChartId, rows: readonly object[]): boolean {
	if (chart !== 'theme-trends' && chart !== 'theme-sector-heatmap') return false;
	const themes = new Set(rows.map((r) => (r as { theme_id?: unknown }).theme_id));
	// Half an A4 page holds about 2 rows of panels, or 16 heatmap rows at 78% (12 px text at 7 pt).
	return themes.size > (chart === 'theme-trends' ? 6 : 16);
}

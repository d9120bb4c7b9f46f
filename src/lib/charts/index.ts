/**
 * The chart registry: every chart once, in dashboard order (figure numbers follow it). The grid,
 * `ChartById`, the report, the embed route, exports, the bench and the e2e tests loop over it;
 * adding a chart is its folder (definition, layout, component), one line here, and the catalogue.
 */
import type { ChartDefinition } from './chart';
import { chart as attendanceBySector } from './attendance-by-sector';
import { chart as meetingsPerYear } from './meetings-per-year';
import { chart as outcomeStatusTrend } from './outcome-status-trend';
import { chart as sectorCollaboration } from './sector-collaboration';
import { chart as themeSectorHeatmap } from './theme-sector-heatmap';
import { chart as themeTrends } from './theme-trends';

export type { ChartDefinition, FieldSpec, FilterKey } from './chart';

const LIST = [
	meetingsPerYear,
	outcomeStatusTrend,
	themeSectorHeatmap,
	sectorCollaboration,
	attendanceBySector,
	themeTrends
] as const;

/** A chart id. */
export type ChartId = (typeof LIST)[number]['id'];

/** A chart of the registry, its row type erased (hosts pass it the rows its query produced). */
export type AnyChart = ChartDefinition<ChartId, never>;

/** Every chart, in dashboard order. */
export const CHART_LIST: readonly AnyChart[] = LIST;

/** Chart ids in the dashboard's order. */
export const CHART_IDS: readonly ChartId[] = LIST.map((c) => c.id);

/** A record with one entry per chart, `value(chart)` each. */
export function chartRecord<T>(value: (chart: AnyChart) => T): Record<ChartId, T> {
	const out = {} as Record<ChartId, T>;
	for (const c of CHART_LIST) out[c.id] = value(c);
	return out;
}

/** Every chart's definition, by id. */
export const CHARTS = chartRecord((c) => c);

/** Whether `s` names a chart. */
export function isChartId(s: unknown): s is ChartId {
	return typeof s === 'string' && (CHART_IDS as readonly string[]).includes(s);
}

/** A chart's rows by id, each empty (before the first query). */
export function emptyChartRows(): Record<ChartId, readonly object[]> {
	return chartRecord(() => []);
}

/**
 * What one dashboard view shows, as data: the KPIs (and the previous period's), each chart's rows
 * and the dataset facts the captions need. The same functions run in the browser (DashboardData)
 * and in Node (the build's sample snapshot, tests/unit/sample-results.spec.ts).
 */
import { CHART_LIST, emptyChartRows, type ChartId } from '$lib/charts';
import { chartFilters, type Origins } from '$lib/charts/crossfilter';
import { dataExtentSql, kpisSql, type DataExtentRow, type KpiRow } from '$lib/db/queries/dashboard';
import type { Filters } from '$lib/db/queries/filters';
import { themeListSql, type ThemeListRow } from '$lib/db/queries/themes';

/** Runs SQL and returns its rows (queryRows on a connection, or a cache in front of it). */
export type RowQuery = <T>(sql: string) => Promise<T[]>;

/** A view's query results. */
export interface ViewResults {
	kpis: KpiRow | null;
	previous: KpiRow | null;
	/** KPIs with the period ended at the baseline date (absent in snapshots kept before baselines). */
	baseline?: KpiRow | null;
	rows: Record<ChartId, readonly object[]>;
}

/** The dataset facts a view's captions and period presets need. */
export interface ViewFacts {
	extent: DataExtentRow;
	themes: ThemeListRow[];
}

/**
 * Run the KPI queries and the queries of `charts` for `filters` (and the `previous` period's
 * and the `baseline`'s KPIs). The KPIs follow every filter; a chart's query leaves out the clauses it made itself
 * (`origins`, cross-filtering), so it keeps all its marks and highlights the selection instead.
 */
export async function queryView(
	q: RowQuery,
	filters: Filters,
	previous: Filters | null,
	charts: readonly ChartId[],
	origins: Origins = {},
	baseline: Filters | null = null
): Promise<ViewResults> {
	const shown = CHART_LIST.filter((c) => charts.includes(c.id));
	const none = Promise.resolve<KpiRow[]>([]);
	const [kpis, prev, base, ...results] = await Promise.all([
		q<KpiRow>(kpisSql(filters)),
		previous ? q<KpiRow>(kpisSql(previous)) : none,
		baseline ? q<KpiRow>(kpisSql(baseline)) : none,
		...shown.map((c) => q<object>(c.sql(chartFilters(filters, origins, c.id))))
	]);
	const rows = emptyChartRows();
	shown.forEach((c, i) => (rows[c.id] = results[i]!));
	return {
		kpis: kpis[0] ?? null,
		previous: prev[0] ?? null,
		rows,
		// Left out without a baseline, so a snapshot kept without one reads the same.
		...(baseline ? { baseline: base[0] ?? null } : {})
	};
}

/** Read the dataset's date extent and theme names. */
export async function queryFacts(q: RowQuery): Promise<ViewFacts> {
	const [[extent], themes] = await Promise.all([
		q<DataExtentRow>(dataExtentSql()),
		q<ThemeListRow>(themeListSql())
	]);
	return { extent: extent ?? { first: null, last: null }, themes };
}

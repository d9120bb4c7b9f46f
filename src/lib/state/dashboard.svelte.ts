/** The dashboard's query results as state: every chart and KPI recomputed in DuckDB per view. */
import { CHART_LIST, emptyChartRows, type ChartId } from '$lib/charts';
import { queryRows } from '$lib/db/rows';
import { QueryCache } from './query-cache';
import { dataExtentSql, kpisSql, type DataExtentRow, type KpiRow } from '$lib/db/queries/dashboard';
import { themeListSql, type ThemeListRow } from '$lib/db/queries/themes';
import type { Filters } from '$lib/db/queries/filters';
import type { SqlConnection } from '$lib/db/types';

/** Results for one dashboard view. */
export class DashboardData {
	kpis = $state<KpiRow | null>(null);
	/** KPIs of the previous period of equal length (null when the period is "all data"). */
	previous = $state<KpiRow | null>(null);
	/** Each chart's query rows, by chart id (empty for charts the page does not show). */
	rows = $state<Record<ChartId, readonly object[]>>(emptyChartRows());
	loaded = $state(false);
	error = $state<string | null>(null);
	#ticket = 0;
	#running: Promise<void> = Promise.resolve();
	#cache = new QueryCache();

	/**
	 * Settles once the refreshes started by now (this task included, so effects of the same
	 * update count) have their results: lower-priority queries wait for it.
	 */
	async settled(): Promise<void> {
		await new Promise((r) => setTimeout(r, 0));
		for (let p = this.#running; ; p = this.#running) {
			await p.catch(() => undefined);
			if (p === this.#running) return;
		}
	}

	/**
	 * Run the KPI queries and the queries of `charts` (default: every chart); a newer call
	 * supersedes an older one still running. With the dataset's `version`, results are cached
	 * for that version (query-cache.ts).
	 */
	refresh(
		conn: SqlConnection,
		filters: Filters,
		previous: Filters | null,
		charts: readonly ChartId[] = CHART_LIST.map((c) => c.id),
		version: number | null = null
	): Promise<void> {
		return (this.#running = this.#refresh(conn, filters, previous, charts, version));
	}

	async #refresh(
		conn: SqlConnection,
		filters: Filters,
		previous: Filters | null,
		charts: readonly ChartId[],
		version: number | null
	): Promise<void> {
		const ticket = ++this.#ticket;
		const start = performance.now();
		try {
			const q = <T>(sql: string) =>
				version === null ? queryRows<T>(conn, sql) : this.#cache.rows<T>(conn, sql, version);
			const shown = CHART_LIST.filter((c) => charts.includes(c.id));
			const [kpis, prev, ...results] = await Promise.all([
				q<KpiRow>(kpisSql(filters)),
				previous ? q<KpiRow>(kpisSql(previous)) : Promise.resolve([]),
				...shown.map((c) => q<object>(c.sql(filters)))
			]);
			if (ticket !== this.#ticket) return;
			performance.measure('intersect:queries', { start });
			this.kpis = kpis[0] ?? null;
			this.previous = prev[0] ?? null;
			const rows = emptyChartRows();
			shown.forEach((c, i) => (rows[c.id] = results[i]!));
			this.rows = rows;
			this.loaded = true;
			this.error = null;
			// Marks the frame that paints this view's charts and KPIs (`npm run bench` times by it).
			requestAnimationFrame(() => {
				if (!performance.getEntriesByName('intersect:first-chart').length)
					performance.mark('intersect:first-chart');
				performance.mark('intersect:charts-updated');
			});
		} catch (e) {
			if (ticket === this.#ticket) this.error = e instanceof Error ? e.message : String(e);
		}
	}
}

/** Facts about the loaded dataset that views need: its date extent and theme names. */
export class DatasetFacts {
	extent = $state<DataExtentRow>({ first: null, last: null });
	themes = $state<ThemeListRow[]>([]);
	ready = $state(false);

	/** Re-read after every load. */
	async refresh(conn: SqlConnection): Promise<void> {
		const [[extent], themes] = await Promise.all([
			queryRows<DataExtentRow>(conn, dataExtentSql()),
			queryRows<ThemeListRow>(conn, themeListSql())
		]);
		this.extent = extent ?? { first: null, last: null };
		this.themes = themes;
		this.ready = true;
	}
}

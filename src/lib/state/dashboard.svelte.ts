/** The dashboard's query results as state: every chart and KPI recomputed in DuckDB per view. */
import { CHART_LIST, emptyChartRows, type ChartId } from '$lib/charts';
import type { Origins } from '$lib/charts/crossfilter';
import { queryRows } from '$lib/db/rows';
import type { DataExtentRow, KpiRow } from '$lib/db/queries/dashboard';
import type { ThemeListRow } from '$lib/db/queries/themes';
import type { Filters } from '$lib/db/queries/filters';
import type { SqlConnection } from '$lib/db/types';
import { QueryCache } from './query-cache';
import { queryFacts, queryView, type ViewFacts, type ViewResults } from './view-results';

/** Results for one dashboard view. */
export class DashboardData {
	kpis = $state<KpiRow | null>(null);
	/** KPIs of the previous period of equal length (null when the period is "all data"). */
	previous = $state<KpiRow | null>(null);
	/** KPIs with the period ended at the view's baseline date (null without a baseline). */
	baseline = $state<KpiRow | null>(null);
	/** Each chart's query rows, by chart id (empty for charts the page does not show). */
	rows = $state<Record<ChartId, readonly object[]>>(emptyChartRows());
	loaded = $state(false);
	/** The results shown are kept ones (paint), not yet confirmed by the engine. */
	provisional = $state(false);
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
	 * for that version (query-cache.ts). Each chart leaves out the clauses it made (`origins`,
	 * crossfilter.ts). With `baseline` filters, also the KPIs as of the baseline date. True when
	 * its results are the ones shown.
	 */
	refresh(
		conn: SqlConnection,
		filters: Filters,
		previous: Filters | null,
		charts: readonly ChartId[] = CHART_LIST.map((c) => c.id),
		version: number | null = null,
		origins: Origins = {},
		baseline: Filters | null = null
	): Promise<boolean> {
		const run = this.#refresh(conn, filters, previous, charts, version, origins, baseline);
		this.#running = run.then(() => undefined);
		return run;
	}

	async #refresh(
		conn: SqlConnection,
		filters: Filters,
		previous: Filters | null,
		charts: readonly ChartId[],
		version: number | null,
		origins: Origins,
		baseline: Filters | null
	): Promise<boolean> {
		const ticket = ++this.#ticket;
		const start = performance.now();
		try {
			const q = <T>(sql: string) =>
				version === null ? queryRows<T>(conn, sql) : this.#cache.rows<T>(conn, sql, version);
			const results = await queryView(q, filters, previous, charts, origins, baseline);
			if (ticket !== this.#ticket) return false;
			performance.measure('intersect:queries', { start });
			this.#show(results);
			this.provisional = false;
			this.error = null;
			return true;
		} catch (e) {
			if (ticket === this.#ticket) this.error = e instanceof Error ? e.message : String(e);
			return false;
		}
	}

	/**
	 * Show results kept from before (the build's sample snapshot, or this browser's last results
	 * for the stored dataset) while the engine starts, marked `provisional` until a refresh lands.
	 */
	paint(results: ViewResults): void {
		if (this.loaded) return;
		this.#show(results);
		this.provisional = true;
	}

	#show(r: ViewResults): void {
		this.kpis = r.kpis;
		this.previous = r.previous;
		this.baseline = r.baseline ?? null;
		this.rows = r.rows;
		this.loaded = true;
		// Marks the frame that paints this view's charts and KPIs (`npm run bench` times by it).
		requestAnimationFrame(() => {
			if (!performance.getEntriesByName('intersect:first-chart').length)
				performance.mark('intersect:first-chart');
			performance.mark('intersect:charts-updated');
		});
	}
}

/** Facts about the loaded dataset that views need: its date extent and theme names. */
export class DatasetFacts {
	extent = $state<DataExtentRow>({ first: null, last: null });
	themes = $state<ThemeListRow[]>([]);
	ready = $state(false);

	/** Re-read after every load. */
	async refresh(conn: SqlConnection): Promise<void> {
		this.fill(await queryFacts((sql) => queryRows(conn, sql)));
	}

	/** Take facts read elsewhere (a kept snapshot, before the engine is up). */
	fill(f: ViewFacts): void {
		this.extent = f.extent;
		this.themes = f.themes;
		this.ready = true;
	}
}

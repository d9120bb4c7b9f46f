/** The dashboard's query results as state: every chart and KPI recomputed in DuckDB per view. */
import { queryRows } from '$lib/db/rows';
import {
	attendanceBySectorSql,
	dataExtentSql,
	kpisSql,
	meetingsPerYearSql,
	sectorCollaborationSql,
	statusTrendSql,
	themeSectorSql,
	themeTrendsSql,
	type AttendanceRow,
	type DataExtentRow,
	type KpiRow,
	type MeetingsPerYearRow,
	type SectorPairRow,
	type StatusTrendRow,
	type ThemeSectorRow,
	type ThemeTrendRow
} from '$lib/db/queries/dashboard';
import { themeListSql, type ThemeListRow } from '$lib/db/queries/themes';
import type { Filters } from '$lib/db/queries/filters';
import type { SqlConnection } from '$lib/db/types';

/** Results for one dashboard view. */
export class DashboardData {
	kpis = $state<KpiRow | null>(null);
	/** KPIs of the previous period of equal length (null when the period is "all data"). */
	previous = $state<KpiRow | null>(null);
	meetingsPerYear = $state<MeetingsPerYearRow[]>([]);
	themeSector = $state<ThemeSectorRow[]>([]);
	statusTrend = $state<StatusTrendRow[]>([]);
	sectorPairs = $state<SectorPairRow[]>([]);
	themeTrends = $state<ThemeTrendRow[]>([]);
	attendance = $state<AttendanceRow[]>([]);
	loaded = $state(false);
	error = $state<string | null>(null);
	#ticket = 0;

	/** Run every dashboard query; a newer call supersedes an older one still running. */
	async refresh(conn: SqlConnection, filters: Filters, previous: Filters | null): Promise<void> {
		const ticket = ++this.#ticket;
		const start = performance.now();
		try {
			const q = <T>(sql: string) => queryRows<T>(conn, sql);
			const [kpis, prev, mpy, ts, st, sp, tt, att] = await Promise.all([
				q<KpiRow>(kpisSql(filters)),
				previous ? q<KpiRow>(kpisSql(previous)) : Promise.resolve([]),
				q<MeetingsPerYearRow>(meetingsPerYearSql(filters)),
				q<ThemeSectorRow>(themeSectorSql(filters)),
				q<StatusTrendRow>(statusTrendSql(filters)),
				q<SectorPairRow>(sectorCollaborationSql(filters)),
				q<ThemeTrendRow>(themeTrendsSql(filters)),
				q<AttendanceRow>(attendanceBySectorSql(filters))
			]);
			if (ticket !== this.#ticket) return;
			performance.measure('intersect:queries', { start });
			this.kpis = kpis[0] ?? null;
			this.previous = prev[0] ?? null;
			this.meetingsPerYear = mpy;
			this.themeSector = ts;
			this.statusTrend = st;
			this.sectorPairs = sp;
			this.themeTrends = tt;
			this.attendance = att;
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

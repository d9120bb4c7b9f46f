/** The dashboard's query results as state: re-run all queries for a dataset version and filters. */
import { queryRows } from '$lib/db/rows';
import {
	kpisSql,
	meetingsPerYearSql,
	statusTrendSql,
	themeSectorSql,
	type KpiRow,
	type MeetingsPerYearRow,
	type StatusTrendRow,
	type ThemeSectorRow
} from '$lib/db/queries/dashboard';
import type { Filters } from '$lib/db/queries/filters';
import type { SqlConnection } from '$lib/db/types';

/** Results for one dashboard view. */
export class DashboardData {
	kpis = $state<KpiRow | null>(null);
	meetingsPerYear = $state<MeetingsPerYearRow[]>([]);
	themeSector = $state<ThemeSectorRow[]>([]);
	statusTrend = $state<StatusTrendRow[]>([]);
	loaded = $state(false);
	error = $state<string | null>(null);
	#ticket = 0;

	/** Run every dashboard query; a newer call supersedes an older one still running. */
	async refresh(conn: SqlConnection, filters: Filters): Promise<void> {
		const ticket = ++this.#ticket;
		try {
			const [kpis, mpy, ts, st] = await Promise.all([
				queryRows<KpiRow>(conn, kpisSql(filters)),
				queryRows<MeetingsPerYearRow>(conn, meetingsPerYearSql(filters)),
				queryRows<ThemeSectorRow>(conn, themeSectorSql(filters)),
				queryRows<StatusTrendRow>(conn, statusTrendSql(filters))
			]);
			if (ticket !== this.#ticket) return;
			this.kpis = kpis[0] ?? null;
			this.meetingsPerYear = mpy;
			this.themeSector = ts;
			this.statusTrend = st;
			this.loaded = true;
			this.error = null;
			if (!performance.getEntriesByName('intersect:first-chart').length)
				requestAnimationFrame(() => performance.mark('intersect:first-chart'));
		} catch (e) {
			if (ticket === this.#ticket) this.error = e instanceof Error ? e.message : String(e);
		}
	}
}

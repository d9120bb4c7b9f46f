/**
 * An embed of the bundled sample: start the engine, load the sample from the site (as the
 * dashboard does on a first visit, through the same ingest path, so the fingerprint matches) and
 * run the chart's query for the view. Nothing is read from or saved to the browser's storage:
 * a reader's own saved uploads never leak into an embed. Browser only; an embed is always a
 * page load of its own (an iframe), so it never shares the dashboard's engine state.
 */
import { sharedConnection } from '$lib/db/engine';
import { decodeParquet } from '$lib/db/parquet';
import { dataExtentSql, type DataExtentRow } from '$lib/db/queries/dashboard';
import { initDatasetSql } from '$lib/db/queries/dataset';
import { fingerprintSql, type FingerprintRow } from '$lib/db/queries/fingerprint';
import { themeListSql, type ThemeListRow } from '$lib/db/queries/themes';
import { queryRows } from '$lib/db/rows';
import { commitBatch, prepareBatch } from '$lib/ingest/load';
import { describePeriod, filterChips } from '$lib/state/describe';
import { SAMPLE_FILES } from '$lib/state/sample';
import { resolvePeriod, viewFilters, type ViewState } from '$lib/state/view';
import { CHARTS, type ChartId } from '$lib/charts';

/** The sample's rows for one chart and view, with the words and fingerprint of its source note. */
export interface SampleChart {
	rows: object[];
	period: string;
	filters: string[];
	fingerprint: string;
	attendanceLoaded: boolean;
}

/** Load the sample and query `chart` for `view`. */
export async function sampleChart(chart: ChartId, view: ViewState): Promise<SampleChart> {
	const conn = await sharedConnection();
	await conn.query(initDatasetSql());
	const files = await Promise.all(
		SAMPLE_FILES.map(async (f) => ({
			name: f.name,
			bytes: new Uint8Array(await (await fetch(f.url)).arrayBuffer())
		}))
	);
	const batch = await prepareBatch(conn, { files, decodeParquet });
	const failed = batch.files.find((f) => f.error);
	if (failed) throw new Error(failed.error);
	await commitBatch(conn, batch, { source: 'sample' });
	const [[extent], themes, [fp]] = await Promise.all([
		queryRows<DataExtentRow>(conn, dataExtentSql()),
		queryRows<ThemeListRow>(conn, themeListSql()),
		queryRows<FingerprintRow>(conn, fingerprintSql())
	]);
	const ext = extent ?? { first: null, last: null };
	const period = resolvePeriod(view, ext.last);
	const rows = await queryRows<object>(conn, CHARTS[chart].sql(viewFilters(view, period)));
	return {
		rows,
		period: describePeriod(period, ext),
		filters: filterChips(view, period, themes, ext)
			.filter((c) => c.key !== 'period' && CHARTS[chart].filters.includes(c.key))
			.map((c) => c.label),
		fingerprint: fp!.fingerprint,
		attendanceLoaded: batch.tables.some((t) => t.table === 'attendance' && t.rows > 0)
	};
}

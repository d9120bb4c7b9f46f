/**
 * The charts that can be exported, put in a report and embedded: their ids in dashboard order,
 * titles, SQL, where the dashboard keeps their rows, and the shape of those rows (to check rows
 * that arrive in an embed URL before drawing them).
 */
import { SECTORS, STATUSES } from '$lib/contract/contract';
import {
	attendanceBySectorSql,
	meetingsPerYearSql,
	sectorCollaborationSql,
	statusTrendSql,
	themeSectorSql,
	themeTrendsSql
} from '$lib/db/queries/dashboard';
import type { Filters } from '$lib/db/queries/filters';
import type { MessageKey } from '$lib/i18n';
import { FORMAT_ORDER } from '$lib/charts/meetings-per-year/layout';

/** Chart ids in the dashboard's order (figure numbers follow it). */
export const CHART_IDS = [
	'meetings-per-year',
	'outcome-status-trend',
	'theme-sector-heatmap',
	'sector-collaboration',
	'attendance-by-sector',
	'theme-trends'
] as const;

/** A chart id. */
export type ChartId = (typeof CHART_IDS)[number];

/** Whether `s` names a chart. */
export function isChartId(s: unknown): s is ChartId {
	return typeof s === 'string' && (CHART_IDS as readonly string[]).includes(s);
}

/** One column of a chart's query rows: a whole number in a range, a string, or one of a list. */
export type FieldSpec =
	| { name: string; type: 'int'; min: number; max: number }
	| { name: string; type: 'text'; maxLength: number }
	| { name: string; type: 'enum'; values: readonly string[] };

const int = (name: string, min = 0, max = 1e9): FieldSpec => ({ name, type: 'int', min, max });
const text = (name: string, maxLength = 300): FieldSpec => ({ name, type: 'text', maxLength });
const oneOf = (name: string, values: readonly string[]): FieldSpec => ({
	name,
	type: 'enum',
	values
});
const year = int('year', 1, 9999);

/** A filter besides the period (which every chart follows). */
export type FilterKey = 'sector' | 'theme' | 'status';

/** What the app knows about each chart. */
export interface ChartSpec {
	title: MessageKey;
	sql: (f: Filters) => string;
	/** The filters its SQL applies (a caption names only those: meetings have no sector). */
	filters: readonly FilterKey[];
	/** The columns of the chart's query rows, in order. */
	fields: FieldSpec[];
}

/** Every chart's spec, by id. */
export const CHARTS: Record<ChartId, ChartSpec> = {
	'meetings-per-year': {
		title: 'chart.meetings-per-year.title',
		sql: meetingsPerYearSql,
		filters: [],
		fields: [year, oneOf('format', FORMAT_ORDER), int('meetings'), int('participants')]
	},
	'outcome-status-trend': {
		title: 'chart.outcome-status-trend.title',
		sql: statusTrendSql,
		filters: ['sector', 'theme', 'status'],
		fields: [year, oneOf('status', STATUSES), int('outcomes')]
	},
	'theme-sector-heatmap': {
		title: 'chart.theme-sector-heatmap.title',
		sql: themeSectorSql,
		filters: ['sector', 'theme', 'status'],
		fields: [text('theme_id', 200), text('theme'), oneOf('sector', SECTORS), int('outcomes')]
	},
	'sector-collaboration': {
		title: 'chart.sector-collaboration.title',
		sql: sectorCollaborationSql,
		filters: ['sector', 'theme', 'status'],
		fields: [oneOf('source', SECTORS), oneOf('target', SECTORS), int('outcomes')]
	},
	'attendance-by-sector': {
		title: 'chart.attendance-by-sector.title',
		sql: attendanceBySectorSql,
		filters: ['sector'],
		fields: [year, oneOf('sector', SECTORS), int('participants'), int('meetings')]
	},
	'theme-trends': {
		title: 'chart.theme-trends.title',
		sql: themeTrendsSql,
		filters: ['sector', 'theme', 'status'],
		fields: [text('theme_id', 200), text('theme'), year, int('outcomes')]
	}
};

/** The dashboard's results, by the name each chart's rows have there. */
export interface ChartRowsSource {
	meetingsPerYear: readonly object[];
	statusTrend: readonly object[];
	themeSector: readonly object[];
	sectorPairs: readonly object[];
	attendance: readonly object[];
	themeTrends: readonly object[];
}

/** A chart's query rows in the dashboard's results. */
export function rowsOf(data: ChartRowsSource, chart: ChartId): readonly object[] {
	const key = {
		'meetings-per-year': 'meetingsPerYear',
		'outcome-status-trend': 'statusTrend',
		'theme-sector-heatmap': 'themeSector',
		'sector-collaboration': 'sectorPairs',
		'attendance-by-sector': 'attendance',
		'theme-trends': 'themeTrends'
	} as const;
	return data[key[chart]];
}

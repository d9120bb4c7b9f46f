/**
 * The dashboard's queries: pure (filters) -> SQL builders, each with the Row type its aliases
 * produce. Metric definitions: docs/metrics.md.
 */
import { SECTORS, STATUSES } from '../../contract/contract';
import { listLiteral, literal } from '../sql';
import { outcomeCellsSql, type OutcomeSource } from './cube';
import { meetingWhere, themeWhere, type Filters } from './filters';

/** Row of `kpisSql`: the headline numbers (ratios 0..1, null when undefined). */
export interface KpiRow {
	meetings: number;
	outcomes: number;
	themes: number;
	participants: number;
	completed: number;
	completable: number;
	completion_rate: number | null;
	cross_sector: number;
	cross_sector_share: number | null;
}

/**
 * Headline numbers under the filters (one scan of the outcome cells, one of meetings). The
 * completion rate ignores the status filter: "of the completed outcomes, how many are completed"
 * is always 100 % (docs/metrics.md).
 */
export function kpisSql(f: Filters = {}, via: OutcomeSource = 'cube'): string {
	const kept = f.status ? `status = ${literal(f.status)}` : 'true';
	return `WITH o AS (
  SELECT coalesce(sum(n) FILTER (WHERE ${kept}), 0) AS outcomes,
    coalesce(sum(n) FILTER (WHERE status = 'completed'), 0) AS completed,
    coalesce(sum(n) FILTER (WHERE status IS DISTINCT FROM 'cancelled'), 0) AS completable,
    coalesce(sum(n) FILTER (WHERE ${kept} AND len(sectors) >= 2), 0) AS cross_sector
  FROM (${outcomeCellsSql({ ...f, status: null }, via)})),
m AS (SELECT count(*) AS meetings, coalesce(sum(participants), 0) AS participants
  FROM meetings ${meetingWhere(f)})
SELECT
  m.meetings::INTEGER AS meetings,
  o.outcomes::INTEGER AS outcomes,
  (SELECT count(*) FROM themes ${themeWhere(f)})::INTEGER AS themes,
  m.participants::INTEGER AS participants,
  o.completed::INTEGER AS completed,
  o.completable::INTEGER AS completable,
  (o.completed / nullif(o.completable, 0))::DOUBLE AS completion_rate,
  o.cross_sector::INTEGER AS cross_sector,
  (o.cross_sector / nullif(o.outcomes, 0))::DOUBLE AS cross_sector_share
FROM o, m`;
}

/** Row of `meetingsPerYearSql`: meetings of one calendar year in one format. */
export interface MeetingsPerYearRow {
	year: number;
	format: 'in_person' | 'virtual' | 'hybrid' | 'unknown';
	meetings: number;
	participants: number;
}

/** Meetings by calendar year of `date`, split by `format` (empty format = unknown). */
export function meetingsPerYearSql(f: Filters = {}): string {
	return `SELECT year(date)::INTEGER AS year, coalesce(format, 'unknown') AS format,
  count(*)::INTEGER AS meetings, coalesce(sum(participants), 0)::INTEGER AS participants
FROM meetings ${meetingWhere(f)}
GROUP BY ALL ORDER BY year, format`;
}

/** Row of `themeSectorSql`: outcomes of a theme whose sectors include a sector. */
export interface ThemeSectorRow {
	theme_id: string;
	theme: string;
	sector: string;
	outcomes: number;
}

/** Theme x sector activity: every loaded theme x every sector, zero cells included. */
export function themeSectorSql(f: Filters = {}, via: OutcomeSource = 'cube'): string {
	// Counted per distinct (theme, sector list) before unnesting: a handful of lists, not every row.
	return `WITH g AS (SELECT theme_id, sectors, sum(n) AS n FROM (${outcomeCellsSql(f, via)}) GROUP BY ALL),
o AS (SELECT theme_id, sector, sum(n) AS n FROM (SELECT theme_id, n, unnest(sectors) AS sector FROM g) GROUP BY ALL),
t AS (SELECT theme_id, coalesce(name, theme_id) AS theme FROM themes ${themeWhere(f)}
      UNION SELECT DISTINCT theme_id, theme_id FROM o
      WHERE theme_id NOT IN (SELECT theme_id FROM themes WHERE theme_id IS NOT NULL)),
s AS (SELECT unnest(${listLiteral(SECTORS)}) AS sector)
SELECT * FROM (
  SELECT t.theme_id, t.theme, s.sector, coalesce(sum(o.n), 0)::INTEGER AS outcomes
  FROM t CROSS JOIN s LEFT JOIN o ON o.theme_id = t.theme_id AND o.sector = s.sector
  GROUP BY ALL)
ORDER BY theme, array_position(${listLiteral(SECTORS)}, sector)`;
}

/** Row of `statusTrendSql`: outcomes of one year in one status. */
export interface StatusTrendRow {
	year: number;
	status: (typeof STATUSES)[number];
	outcomes: number;
}

/** Outcomes by calendar year of `date` and status. */
export function statusTrendSql(f: Filters = {}, via: OutcomeSource = 'cube'): string {
	return `SELECT * FROM (
  SELECT year(month)::INTEGER AS year, status, sum(n)::INTEGER AS outcomes
  FROM (${outcomeCellsSql(f, via)}) GROUP BY ALL)
ORDER BY year, array_position(${listLiteral(STATUSES)}, status)`;
}

/** Row of `sectorCollaborationSql`: outcomes involving both sectors (a = b: involving only a). */
export interface SectorPairRow {
	source: string;
	target: string;
	outcomes: number;
}

/**
 * Sector co-involvement for the chord diagram: for each unordered pair of distinct sectors, the
 * outcomes whose sectors include both (source < target in canonical order); for source = target,
 * the outcomes involving that sector alone.
 */
export function sectorCollaborationSql(f: Filters = {}, via: OutcomeSource = 'cube'): string {
	const order = listLiteral(SECTORS);
	// Outcomes are counted per distinct sector list first; pairs come from those few lists.
	return `WITH g AS (SELECT row_number() OVER () AS id, sectors, n FROM (
  SELECT sectors, sum(n) AS n FROM (${outcomeCellsSql(f, via)}) GROUP BY sectors)),
s AS (SELECT id, n, unnest(sectors) AS sector, len(sectors) AS k FROM g)
SELECT * FROM (
  SELECT a.sector AS source, b.sector AS target, sum(a.n)::INTEGER AS outcomes
  FROM s a JOIN s b ON a.id = b.id
    AND (array_position(${order}, a.sector) < array_position(${order}, b.sector)
         OR (a.sector = b.sector AND a.k = 1))
  GROUP BY ALL)
ORDER BY array_position(${order}, source), array_position(${order}, target)`;
}

/** Row of `themeTrendsSql`: outcomes of one theme in one year (zeros included). */
export interface ThemeTrendRow {
	theme_id: string;
	theme: string;
	year: number;
	outcomes: number;
}

/** Outcomes per theme per calendar year, every year from the first to the last outcome year. */
export function themeTrendsSql(f: Filters = {}, via: OutcomeSource = 'cube'): string {
	return `WITH o AS (SELECT theme_id, year(month)::INTEGER AS year, sum(n) AS n FROM (${outcomeCellsSql(f, via)}) GROUP BY ALL),
y AS (SELECT unnest(range(min(year), max(year) + 1))::INTEGER AS year FROM o),
t AS (SELECT theme_id, coalesce(name, theme_id) AS theme FROM themes ${themeWhere(f)}
      UNION SELECT DISTINCT theme_id, theme_id FROM o
      WHERE theme_id NOT IN (SELECT theme_id FROM themes WHERE theme_id IS NOT NULL))
SELECT t.theme_id, t.theme, y.year, coalesce(sum(o.n), 0)::INTEGER AS outcomes
FROM t CROSS JOIN y LEFT JOIN o ON o.theme_id = t.theme_id AND o.year = y.year
GROUP BY ALL ORDER BY t.theme, y.year`;
}

/** Row of `attendanceBySectorSql`: participants of one sector in one calendar year. */
export interface AttendanceRow {
	year: number;
	sector: string;
	participants: number;
	meetings: number;
}

/** Attendance participants per sector per calendar year of the meeting (period and sector filters). */
export function attendanceBySectorSql(f: Filters = {}): string {
	const order = listLiteral(SECTORS);
	const sector = f.sector ? `AND a.sector = ${literal(f.sector)}` : '';
	return `SELECT * FROM (
  SELECT year(m.date)::INTEGER AS year, a.sector, sum(a.participants)::INTEGER AS participants,
    count(DISTINCT a.meeting_no)::INTEGER AS meetings
  FROM attendance a JOIN (SELECT * FROM meetings ${meetingWhere(f)}) m ON m.meeting_no = a.meeting_no
  WHERE a.sector IS NOT NULL ${sector}
  GROUP BY ALL)
ORDER BY year, array_position(${order}, sector)`;
}

/** Row of `dataExtentSql`: the first and last dated record, ISO dates (null when empty). */
export interface DataExtentRow {
	first: string | null;
	last: string | null;
}

/** The date range covered by meetings and outcomes, for period presets. */
export function dataExtentSql(): string {
	return `SELECT min(d)::VARCHAR AS first, max(d)::VARCHAR AS last FROM (
  SELECT date AS d FROM meetings UNION ALL SELECT date FROM outcomes)`;
}

/**
 * The outcomes cube: outcomes counted by month × theme × status × sector list, rebuilt in the
 * commit's transaction (dataset.ts `commitSql`). A million outcomes fold into a few thousand
 * cells, so the dashboard's outcome charts and KPIs scan the cube, not the table. Periods that
 * cut a month take the whole months from the cube and the cut edge months from the raw rows, so
 * every answer equals the raw table's (tests/unit/cube.spec.ts checks it on random filters).
 */
import { literal } from '../sql';
import type { Filters } from './filters';

/** Where outcome counts come from: the cube (default) or the raw table (the reference). */
export type OutcomeSource = 'cube' | 'raw';

/** The cube's table name (internal: leading underscore, as `_dataset`). */
export const OUTCOME_CUBE = '_cube_outcomes';

const CELL = `date_trunc('month', date)::DATE AS month, theme_id, status, sectors`;

const CUBE_SELECT = `SELECT ${CELL}, count(*)::BIGINT AS n FROM outcomes GROUP BY ALL`;

/** Statement (re)building the cube from the live `outcomes` table. */
export function outcomeCubeSql(): string {
	return `CREATE OR REPLACE TABLE ${OUTCOME_CUBE} AS ${CUBE_SELECT};`;
}

/** Statement creating the cube, empty, when it does not exist yet (start-up, before any load). */
export function initOutcomeCubeSql(): string {
	return `CREATE TABLE IF NOT EXISTS ${OUTCOME_CUBE} AS SELECT * FROM (${CUBE_SELECT}) LIMIT 0;`;
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const day = (d: string | null | undefined) => (d && ISO.test(d) ? `DATE ${literal(d)}` : null);
/** Whether ISO date `d` is the last day of its month. */
function endsMonth(d: string): boolean {
	const [y, m, dd] = d.split('-').map(Number) as [number, number, number];
	return new Date(Date.UTC(y, m, 0)).getUTCDate() === dd;
}

/** The non-period filters, as predicates on the columns the cube shares with the table. */
function facetClauses(f: Filters): string[] {
	const c: string[] = [];
	if (f.sector) c.push(`list_contains(sectors, ${literal(f.sector)})`);
	if (f.theme) c.push(`theme_id = ${literal(f.theme)}`);
	if (f.status) c.push(`status = ${literal(f.status)}`);
	return c;
}

const where = (c: string[]) => (c.length ? `WHERE ${c.join(' AND ')}` : '');

/**
 * A subquery of the outcomes the filters keep, as counted cells: `month` (first day, DATE),
 * `theme_id`, `status`, `sectors`, `n`. Queries sum `n` where they would count rows.
 */
export function outcomeCellsSql(f: Filters, via: OutcomeSource = 'cube'): string {
	const [from, to] = [day(f.from), day(f.to)];
	const facets = facetClauses(f);
	if (via === 'raw') {
		const period = [from && `date >= ${from}`, to && `date <= ${to}`].filter(Boolean) as string[];
		return `SELECT ${CELL}, 1 AS n FROM outcomes ${where([...period, ...facets])}`;
	}
	// A month is whole when its first day is on or after `from` and its last on or before `to`.
	const whole = (m: string) =>
		[from && `${m} >= ${from}`, to && `last_day(${m}) <= ${to}`].filter(Boolean) as string[];
	const cube = `SELECT month, theme_id, status, sectors, n FROM ${OUTCOME_CUBE} ${where([...whole('month'), ...facets])}`;
	// A period of whole months (a year, a month) cuts none: no raw rows to scan.
	const cutsFrom = from !== null && !f.from!.endsWith('-01');
	const cutsTo = to !== null && !endsMonth(f.to!);
	if (!cutsFrom && !cutsTo) return cube;
	const inPeriod = [from && `date >= ${from}`, to && `date <= ${to}`].filter(Boolean) as string[];
	const edge = `NOT (${whole(`date_trunc('month', date)`).join(' AND ')})`;
	return `${cube}
UNION ALL SELECT ${CELL}, count(*) AS n FROM outcomes ${where([...inPeriod, edge, ...facets])} GROUP BY ALL`;
}

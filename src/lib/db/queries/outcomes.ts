/**
 * The outcome list under the charts (drill-through): the outcomes the dashboard's filters keep,
 * one row each, sorted and paged in DuckDB so a million-row export scrolls without loading it all.
 */
import { STATUSES } from '../../contract/contract';
import { listLiteral } from '../sql';
import { outcomeCellsSql, type OutcomeSource } from './cube';
import { outcomeWhere, type Filters } from './filters';

/** Row of `outcomeListSql`: one outcome, dates as ISO text (null when empty). */
export interface OutcomeListRow {
	outcome_id: string;
	title: string;
	theme_id: string;
	theme: string;
	lead_sector: string | null;
	sectors: string[];
	status: string | null;
	date: string;
	due_date: string | null;
	completed_date: string | null;
	document: string | null;
}

/** Columns the list can be sorted by (the keys of its sortable headers). */
export const OUTCOME_SORT_KEYS = [
	'title',
	'theme',
	'lead_sector',
	'sectors',
	'status',
	'date',
	'due_date',
	'completed_date',
	'document'
] as const;
/** A sortable column of the outcome list. */
export type OutcomeSortKey = (typeof OUTCOME_SORT_KEYS)[number];

/** Sort order of the outcome list; newest first by default. */
export interface OutcomeSort {
	key: OutcomeSortKey;
	desc: boolean;
}

/** The list's default order: newest outcome first. */
export const DEFAULT_OUTCOME_SORT: OutcomeSort = { key: 'date', desc: true };

// Fixed expressions per key: the sort key picks from this table, never reaches SQL as text.
// Text sorts ignore case, as a reader expects ("accessible" before "IMT").
const SORT_EXPR: Record<OutcomeSortKey, string> = {
	title: 'lower(o.title)',
	theme: 'lower(theme)',
	lead_sector: 'o.lead_sector',
	sectors: "array_to_string(o.sectors, ';')",
	status: `array_position(${listLiteral(STATUSES)}, o.status)`,
	date: 'o.date',
	due_date: 'o.due_date',
	completed_date: 'o.completed_date',
	document: 'lower(o.document)'
};

/** Options of `outcomeListSql`. */
export interface OutcomeListOptions {
	filters?: Filters;
	sort?: OutcomeSort;
	/** Rows per page; omitted: every row (CSV export, the workspace). */
	limit?: number;
	offset?: number;
	/** Keep dates as DATE (the workspace shows them natively); default: ISO text for the UI. */
	nativeDates?: boolean;
}

/**
 * The filtered outcomes with their theme's name, in a stable order (ties broken by outcome_id),
 * as readable SQL: the same text "Open this view in SQL" writes into the workspace.
 */
export function outcomeListSql(o: OutcomeListOptions = {}): string {
	const sort = o.sort && SORT_EXPR[o.sort.key] ? o.sort : DEFAULT_OUTCOME_SORT;
	const dir = sort.desc ? 'DESC' : 'ASC';
	const d = (c: string) => (o.nativeDates ? `o.${c}` : `o.${c}::VARCHAR AS ${c}`);
	const page =
		o.limit !== undefined
			? `\nLIMIT ${Math.max(0, Math.floor(o.limit))} OFFSET ${Math.max(0, Math.floor(o.offset ?? 0))}`
			: '';
	return `SELECT o.outcome_id, o.title, o.theme_id, coalesce(t.name, o.theme_id) AS theme,
  o.lead_sector, o.sectors, o.status, ${d('date')}, ${d('due_date')}, ${d('completed_date')}, o.document
FROM outcomes o LEFT JOIN themes t ON t.theme_id = o.theme_id
${outcomeWhere(o.filters ?? {}, 'o')}
ORDER BY ${SORT_EXPR[sort.key]} ${dir} NULLS LAST, o.outcome_id${page}`;
}

/** Row of `outcomeCountSql`. */
export interface OutcomeCountRow {
	outcomes: number;
}

/** How many outcomes the filters keep (the list's "Outcomes (n)"), from the cube by default. */
export function outcomeCountSql(filters: Filters = {}, via: OutcomeSource = 'cube'): string {
	return `SELECT coalesce(sum(n), 0)::INTEGER AS outcomes FROM (${outcomeCellsSql(filters, via)})`;
}

/**
 * Cross-filtering as Mosaic's crossfilter does it: every selection clause remembers the chart that
 * made it, and a chart's query leaves out its own clauses, so the chart clicked keeps all its marks
 * (and emphasises the selection) while every other chart, the KPIs and the outcome list filter.
 * Pure; no DOM, no engine.
 */
import type { Filters } from '$lib/db/queries/filters';

/** A selection clause of the view: one filter field, or the period. */
export type ClauseKey = 'sector' | 'theme' | 'status' | 'period';

/** Every clause key, in URL order. */
export const CLAUSE_KEYS: readonly ClauseKey[] = ['period', 'sector', 'theme', 'status'];

/** Which chart (by id) made each clause; a clause left out came from the filter bar or a link. */
export type Origins = Partial<Record<ClauseKey, string>>;

/** The clauses `chart` made itself. */
export function ownClauses(origins: Origins | undefined, chart: string): ClauseKey[] {
	return CLAUSE_KEYS.filter((k) => origins?.[k] === chart);
}

/** `filters` without the clauses in `own` (the period clause is `from` and `to`). */
export function withoutClauses(filters: Filters, own: readonly ClauseKey[]): Filters {
	const out = { ...filters };
	for (const k of own) {
		if (k === 'period') [out.from, out.to] = [null, null];
		else out[k] = null;
	}
	return out;
}

/** The filters `chart`'s query takes: all of the view's except the clauses it made itself. */
export function chartFilters(
	filters: Filters,
	origins: Origins | undefined,
	chart: string
): Filters {
	return withoutClauses(filters, ownClauses(origins, chart));
}

/** The values of a view's clauses, to compare before and after a change. */
export interface ClauseValues {
	sector: string | null;
	theme: string | null;
	status: string | null;
	period: string;
	from: string | null;
	to: string | null;
}

function clauseValue(v: ClauseValues, k: ClauseKey): string | null {
	if (k !== 'period') return v[k];
	return v.period === 'all' ? null : `${v.period}:${v.from ?? ''}:${v.to ?? ''}`;
}

/**
 * The origins after a view changes from `prev` to `next` by `source` (a chart id; null for the
 * filter bar): a clause `source` set or changed is its own, one it cleared has no origin, and an
 * unchanged clause keeps the chart that made it.
 */
export function nextOrigins(opts: {
	prev: ClauseValues;
	next: ClauseValues;
	origins: Origins | undefined;
	source: string | null;
}): Origins {
	const { prev, next, origins, source } = opts;
	const out: Origins = {};
	for (const k of CLAUSE_KEYS) {
		const after = clauseValue(next, k);
		if (after === null) continue;
		const by = after === clauseValue(prev, k) ? origins?.[k] : (source ?? undefined);
		if (by) out[k] = by;
	}
	return out;
}

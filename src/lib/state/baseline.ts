/**
 * "Change since baseline" for the KPI tiles (docs/metrics.md): the value under the view's filters
 * minus the value under the same filters with the period ended at the baseline date, both
 * counted from the loaded dataset. Pure functions; the tiles turn the result into words.
 */
import type { Filters } from '../db/queries/filters';
import type { DataExtent } from './coverage';

/** Where a baseline date falls against the data: inside it, before its first date or after its last. */
export type BaselineSpan = 'inside' | 'before' | 'after';

/** The view's baseline for the tiles: its date (ISO), label, and where it falls against the data. */
export interface SinceInfo {
	date: string;
	label: string | null;
	span: BaselineSpan;
	first: string | null;
	last: string | null;
}

/** The tiles' baseline facts for a view's `since`/`sinceLabel` (null without a baseline). */
export function sinceInfo(
	v: { since?: string | null; sinceLabel?: string | null },
	extent: DataExtent
): SinceInfo | null {
	if (!v.since) return null;
	const span = baselineSpan(v.since, extent);
	return {
		date: v.since,
		label: v.sinceLabel ?? null,
		span,
		first: extent.first,
		last: extent.last
	};
}

/** Where `since` falls against the data's extent (`before` also when the data is empty). */
export function baselineSpan(since: string, extent: DataExtent): BaselineSpan {
	if (!extent.first || !extent.last || since < extent.first) return 'before';
	return since > extent.last ? 'after' : 'inside';
}

/**
 * The filters of the data "as it stood" on `since`: `filters` with the period's end moved back to
 * `since` when it ends later (or is open). A period starting after `since` then selects nothing.
 */
export function baselineFilters(filters: Filters, since: string): Filters {
	const to = filters.to && filters.to < since ? filters.to : since;
	return { ...filters, to };
}

/**
 * The change of one KPI since the baseline: a count's difference, or a rate's (0..1) difference in
 * whole percentage points; null when either value is undefined (a rate with nothing to divide).
 */
export function changeSince(
	now: number | null,
	then: number | null,
	ratio: boolean
): number | null {
	if (now === null || then === null) return null;
	return ratio ? Math.round((now - then) * 100) : now - then;
}

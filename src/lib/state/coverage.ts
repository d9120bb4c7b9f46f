/**
 * How much of a comparison period the loaded data covers: a KPI change against a period the data
 * only partly reaches (the sample starts in March 2015, so "2013–2015" is mostly empty) would
 * read as growth that never happened.
 */
import type { DateRange } from './view';

/** Coverage of a period by the data: all of it, part of it, or none. */
export type Coverage = 'full' | 'partial' | 'none';

/** The data's first and last dated record (ISO dates; null when empty). */
export interface DataExtent {
	first: string | null;
	last: string | null;
}

/**
 * Whether the data covers `period`: `full` when the data starts on or before the period's first
 * day and ends on or after its last, `none` when they do not overlap, else `partial`.
 */
export function periodCoverage(period: DateRange, extent: DataExtent): Coverage {
	if (!extent.first || !extent.last) return 'none';
	if (extent.first > period.to || extent.last < period.from) return 'none';
	return extent.first <= period.from && extent.last >= period.to ? 'full' : 'partial';
}

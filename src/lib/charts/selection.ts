/**
 * What a click (or Enter/Space) on a chart mark asks the dashboard to filter by. Charts call
 * `onselect` with a Selection; the dashboard turns it into filters (and the URL).
 */
import type { ClauseKey } from './crossfilter';

/** A filter request from a chart mark; fields left out are not changed. */
export interface Selection {
	sector?: string;
	theme?: string;
	status?: string;
	/** A single calendar year. */
	year?: number;
	/** A brushed range of calendar years, inclusive. */
	years?: [number, number];
}

/** What is currently filtered, so charts can highlight it (every field optional). */
export interface ActiveSelection {
	sector?: string | null;
	theme?: string | null;
	status?: string | null;
	/** Inclusive year range of the active period, when one is set. */
	years?: [number, number] | null;
	/** The clauses this chart made itself: its query leaves them out, its marks emphasise them. */
	own?: readonly ClauseKey[];
	/** Drawn for paper (an export): nothing dimmed; the chart's own selection is still outlined. */
	print?: boolean;
}

/** Props every interactive chart takes besides its rows. */
export interface InteractiveProps {
	onselect?: (s: Selection) => void;
	active?: ActiveSelection;
	/** Clears the selection this chart made (Escape on one of its marks). */
	onclear?: () => void;
}

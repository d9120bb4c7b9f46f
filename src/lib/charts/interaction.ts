/**
 * Interaction rules shared by the charts: which marks the active selection dims or emphasises,
 * which years a horizontal drag (brush) covers, and which keys activate a mark. Pure; no DOM.
 * On-screen emphasis only: a figure drawn without `active` has neither (exports, the report).
 */
import type { ActiveSelection } from './selection';

/** Opacity of a mark outside the active selection: lighter, its colour and value still readable. */
export const DIMMED_OPACITY = 0.45;
/** Shortest horizontal drag (px) that counts as a brush; anything shorter is a click. */
export const MIN_BRUSH_PX = 4;

/**
 * What a mark stands for in filter terms. A field left out means the chart does not split its
 * marks by it, so an active filter on that field never dims the mark (the SQL already applied it).
 */
export interface MarkKeys {
	/** The mark's sector, or every sector it involves (both ends of a chord ribbon). */
	sector?: string | readonly string[];
	/** A theme id (`theme_id`), as filters and selections carry it. */
	theme?: string;
	status?: string;
	year?: number;
}

/** Whether a mark is dimmed: some active filter splits the chart's marks and this one is outside it. */
export function isDimmed(mark: MarkKeys, active: ActiveSelection = {}): boolean {
	return !active.print && outside(mark, active);
}

/** Whether a mark lies outside the active filters. */
function outside(mark: MarkKeys, active: ActiveSelection): boolean {
	const { sector, theme, status, years } = active;
	if (sector && mark.sector !== undefined) {
		const sectors = typeof mark.sector === 'string' ? [mark.sector] : mark.sector;
		if (!sectors.includes(sector)) return true;
	}
	if (theme && mark.theme !== undefined && mark.theme !== theme) return true;
	if (status && mark.status !== undefined && mark.status !== status) return true;
	if (years && mark.year !== undefined && (mark.year < years[0] || mark.year > years[1]))
		return true;
	return false;
}

/**
 * Whether a mark is part of the selection its own chart made (`active.own`): the chart made a
 * clause that splits its marks, and this mark is inside every active filter. Such a mark is drawn
 * at full strength with an outline (`data-selected`), the chart's other marks dimmed.
 */
export function isSelected(mark: MarkKeys, active: ActiveSelection = {}): boolean {
	const own = active.own ?? [];
	const splits = own.some((k) => (k === 'period' ? mark.year : mark[k]) !== undefined);
	return splits && !outside(mark, active);
}

/** Whether a key press activates a focused mark (Enter or Space, like a button). */
export function isActivationKey(e: { key: string }): boolean {
	return e.key === 'Enter' || e.key === ' ';
}

/** A keydown handler running `action` on Enter or Space (Space then does not scroll); inert without one. */
export function onActivationKey(action?: () => void) {
	return (e: { key: string; preventDefault(): void }) => {
		if (action && isActivationKey(e)) {
			e.preventDefault();
			action();
		}
	};
}

/**
 * Consecutive year cells along an x axis, as plain data: year `years[i]` owns the cell
 * [left + i·step, left + (i + 1)·step) px, i.e. its bar plus half the gap on either side.
 */
export interface YearSteps {
	years: number[];
	left: number;
	step: number;
}

/**
 * The inclusive range of years a horizontal drag from `from` to `to` (px, either direction)
 * touches; a drag that starts or ends beyond the axis is clamped to its first or last year.
 * Null when the drag lies wholly outside the axis or there are no years.
 */
export function brushYears(opts: {
	steps: YearSteps;
	from: number;
	to: number;
}): [number, number] | null {
	const { steps, from, to } = opts;
	const { years, left, step } = steps;
	const n = years.length;
	if (n === 0 || step <= 0) return null;
	const lo = (Math.min(from, to) - left) / step;
	const hi = (Math.max(from, to) - left) / step;
	if (hi < 0 || lo >= n) return null;
	// A cell counts when the drag overlaps it; a zero-width drag still picks the cell it is in.
	const i0 = Math.max(0, Math.floor(lo));
	const i1 = Math.min(n - 1, Math.max(i0, Math.ceil(hi) - 1));
	return [years[i0]!, years[i1]!];
}

/** The pixel extent [x0, x1] of the cells of years `a`…`b` (clamped to the axis); null if none. */
export function yearsExtent(opts: {
	steps: YearSteps;
	years: readonly [number, number];
}): [number, number] | null {
	const { steps } = opts;
	const [y0, y1] = opts.years;
	const [a, b] = [Math.min(y0, y1), Math.max(y0, y1)];
	const idx = steps.years.flatMap((y, i) => (y >= a && y <= b ? [i] : []));
	if (idx.length === 0) return null;
	return [steps.left + idx[0]! * steps.step, steps.left + (idx.at(-1)! + 1) * steps.step];
}

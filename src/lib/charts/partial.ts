/**
 * Partial periods: a calendar year the data (or the chosen period) covers only in part, so its
 * bar or point must not read as a full year. `coveredDates` is the dates a chart's numbers can
 * come from; `partialYears` says which years of an axis are cut and how ("to 20 Sept"). Pure.
 */
import { intlLocale, t } from '$lib/i18n';

/** An inclusive range of ISO dates (`2015-03-04`). */
export interface DateSpan {
	from: string;
	to: string;
}

/** A year of an axis that is only partly covered, and its label (`to 20 Sept`). */
export interface PartialYear {
	year: number;
	/** The first and last covered day of that year (ISO). */
	from: string;
	to: string;
	label: string;
}

/**
 * The dates both the data and the period cover: the data's extent cut to the period (either may
 * be open). Null when the data has no dates or the two do not overlap.
 */
export function coveredDates(o: {
	extent: { first: string | null; last: string | null };
	period: DateSpan | null;
}): DateSpan | null {
	const { first, last } = o.extent;
	if (!first || !last) return null;
	const from = o.period && o.period.from > first ? o.period.from : first;
	const to = o.period && o.period.to < last ? o.period.to : last;
	return from <= to ? { from: from.slice(0, 10), to: to.slice(0, 10) } : null;
}

const dayMonth = new Map<string, Intl.DateTimeFormat>();

/** `iso` as day and short month in the active language (`20 Sept`, `9月20日`, `20 سبتمبر`). */
export function formatDayMonth(iso: string): string {
	const tag = intlLocale();
	let f = dayMonth.get(tag);
	if (!f) {
		f = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'short', timeZone: 'UTC' });
		dayMonth.set(tag, f);
	}
	return f.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`));
}

/** The years of `years` that `covered` cuts (its first and last), labelled; none when covered is null. */
export function partialYears(o: {
	years: readonly number[];
	covered: DateSpan | null | undefined;
}): PartialYear[] {
	const c = o.covered;
	if (!c) return [];
	const out: PartialYear[] = [];
	for (const year of o.years) {
		const [jan1, dec31] = [`${year}-01-01`, `${year}-12-31`];
		if (c.to < jan1 || c.from > dec31) continue;
		const from = c.from > jan1 ? c.from : jan1;
		const to = c.to < dec31 ? c.to : dec31;
		if (from === jan1 && to === dec31) continue;
		const label =
			from !== jan1 && to !== dec31
				? t('chart.partial.range', { from: formatDayMonth(from), to: formatDayMonth(to) })
				: from !== jan1
					? t('chart.partial.from', { date: formatDayMonth(from) })
					: t('chart.partial.to', { date: formatDayMonth(to) });
		out.push({ year, from, to, label });
	}
	return out;
}

/**
 * Diagonal hatching of a rectangle as one SVG path (lines at 45°, `gap` px apart), clipped to the
 * rectangle by construction: no <pattern>, so the file stays self-contained and office programs,
 * which drop pattern fills, draw it too.
 */
export function hatchPath(o: {
	x: number;
	y: number;
	width: number;
	height: number;
	gap?: number;
}) {
	const { x, y, width: w, height: h, gap = 5 } = o;
	if (w <= 0 || h <= 0) return '';
	const r = (v: number) => Math.round(v * 10) / 10;
	const parts: string[] = [];
	// Lines x' - y' = k (bottom-left to top-right), k from -h to w, in rect coordinates (y down).
	for (let k = gap - h; k < w; k += gap) {
		// A line rising to the right: from (k, h) towards (k + h, 0), clipped to [0, w] × [0, h].
		const x0 = Math.max(0, k);
		const y0 = h - (x0 - k);
		const x1 = Math.min(w, k + h);
		const y1 = h - (x1 - k);
		parts.push(`M${r(x + x0)} ${r(y + y0)}L${r(x + x1)} ${r(y + y1)}`);
	}
	return parts.join('');
}
